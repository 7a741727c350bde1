"""The Memento relations of an article's versions, as Link headers and as the TimeMap (RFC 7089, RFC 6690)."""

import datetime

from django.utils.http import http_date

from archive.models.versions import article_route, version_url
from archive.serving.languages import permanent_addresses

LINK_FORMAT = "application/link-format"


def memento_datetime(version):
    """RFC 1123 in GMT, whole seconds, as RFC 7089 writes every datetime."""
    return http_date(int(version.valid_from.timestamp()))


def iso_datetime(version):
    return version.valid_from.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Relations:
    """The absolute addresses around an article's public versions (the request gives scheme and host)."""

    def __init__(self, request, article, versions):
        self.absolute = request.build_absolute_uri
        self.article = article
        self.versions = versions
        with permanent_addresses():
            self.original = self.absolute(article.get_absolute_url())
        self.timegate_url = self.absolute(article_route("timegate", article))
        self.timemap_url = self.absolute(article_route("timemap", article))
        self.timemap_json_url = self.absolute(article_route("timemap_json", article))

    def url(self, version):
        """A version's permanent address, whatever the language of the page that names it."""
        with permanent_addresses():
            return self.absolute(version_url(self.article.published_date, self.article.slug, version.number))

    def _memento(self, version, *rels):
        rel = " ".join([*rels, "memento"])
        return f'<{self.url(version)}>; rel="{rel}"; datetime="{memento_datetime(version)}"'

    def _ends(self, version):
        return [name for name, end in (("first", self.versions[0]), ("last", self.versions[-1])) if end is version]

    def memento_header(self, shown):
        """The Link header of one version's page: the original, TimeGate, TimeMap, first and last mementos."""
        return self._header(shown, f'<{self.timegate_url}>; rel="timegate"')

    def gate_header(self, chosen):
        """The Link header of the TimeGate's redirect to the version chosen (RFC 7089, 4.1.2)."""
        return self._header(chosen)

    def _header(self, shown, *gate):
        links = [f'<{self.original}>; rel="original"', *gate, self._timemap_link()]
        ends = list(dict.fromkeys([self.versions[0], self.versions[-1]]))
        if shown not in ends:
            links.append(self._memento(shown))
        links += [self._memento(version, *self._ends(version)) for version in ends]
        return ", ".join(links)

    def in_force_at(self, moment):
        """The version readers saw at `moment`, a whole second as Accept-Datetime gives it: the last one begun by
        the end of that second; the first when the moment is earlier; the present one without a moment."""
        if moment is None:
            return self.versions[-1]
        end = moment + datetime.timedelta(seconds=1)
        begun = [version for version in self.versions if version.valid_from < end]
        return begun[-1] if begun else self.versions[0]

    def _timemap_link(self):
        return f'<{self.timemap_url}>; rel="timemap"; type="{LINK_FORMAT}"'

    def timemap(self):
        """The TimeMap in link-format: the original, the TimeGate, itself, then every public version."""
        first, last = self.versions[0], self.versions[-1]
        lines = [
            f'<{self.original}>; rel="original"',
            f'<{self.timegate_url}>; rel="timegate"',
            f'<{self.timemap_url}>; rel="self"; type="{LINK_FORMAT}"; '
            f'from="{memento_datetime(first)}"; until="{memento_datetime(last)}"',
            *(self._memento(version, *self._ends(version)) for version in self.versions),
        ]
        return ",\n".join(lines) + "\n"

    def timemap_data(self):
        """The same as JSON, in the shape the Memento aggregators' JSON TimeMaps have."""

        def memento(version):
            return {"datetime": iso_datetime(version), "uri": self.url(version), "number": version.number}

        return {
            "original_uri": self.original,
            "timegate_uri": self.timegate_url,
            "timemap_uri": {"link_format": self.timemap_url, "json_format": self.timemap_json_url},
            "mementos": {
                "first": memento(self.versions[0]),
                "last": memento(self.versions[-1]),
                "list": [memento(version) for version in self.versions],
            },
        }
