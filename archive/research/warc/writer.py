"""WARC records of captured exchanges, and the CDXJ index replay tools look URLs up in."""

import datetime
from io import BytesIO
from pathlib import Path

from cdxj_indexer.main import write_cdx_index
from django.utils.http import parse_http_date_safe
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SOFTWARE = "Belarus Commentary Archive, manage.py export_warc"


def index_path(warc_path):
    """The CDXJ index beside a WARC: `archive.warc.gz` is indexed in `archive.cdxj`."""
    path = Path(warc_path)
    return path.with_name(path.name.removesuffix(".gz").removesuffix(".warc") + ".cdxj")


class Archive:
    """A gzipped WARC being written: a warcinfo record, then a response and its request for each capture."""

    def __init__(self, output, filename, base_url, description):
        self.writer = WARCWriter(output, gzip=True)
        info = {
            "software": SOFTWARE,
            "format": "WARC File Format 1.1",
            "isPartOf": base_url,
            "description": description,
        }
        self.writer.write_record(self.writer.create_warcinfo_record(filename, info))

    def add(self, capture):
        # Both records of an exchange carry the moment it was made, the response's id tying the request to it; a
        # version's page shows the text as it was at its Memento-Datetime, which replay tools look it up by.
        moment = _memento_moment(capture.headers) or datetime.datetime.now(datetime.UTC)
        moment = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        response = self.writer.create_warc_record(
            capture.url,
            "response",
            payload=BytesIO(capture.body),
            length=len(capture.body),
            http_headers=StatusAndHeaders(capture.status, capture.headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": moment},
        )
        request = self.writer.create_warc_record(
            capture.url,
            "request",
            http_headers=StatusAndHeaders(capture.request_line, capture.request_headers, is_http_request=True),
            warc_headers_dict={
                "WARC-Date": moment,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        self.writer.write_record(response)
        self.writer.write_record(request)


def _memento_moment(headers):
    stamp = next((parse_http_date_safe(value) for name, value in headers if name.lower() == "memento-datetime"), None)
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC) if stamp is not None else None


def write_index(warc_path):
    """Index a written WARC's responses in CDXJ, sorted as replay tools search it; returns the index's path."""
    path = index_path(warc_path)
    write_cdx_index(str(path), [str(warc_path)], {"sort": True})
    return path
