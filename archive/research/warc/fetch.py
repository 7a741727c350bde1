"""Pages fetched in process through the site's own WSGI handler, as a server at the base URL would ask for them."""

import io
import sys
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.http import Http404
from django.views.static import serve

AGENT = "commentary-archive export_warc"


@dataclass(frozen=True)
class Capture:
    """One exchange: the URL, the request's line and headers, and the response's status, headers and body."""

    url: str
    request_line: str
    request_headers: list
    status: str
    headers: list
    body: bytes


class Site:
    def __init__(self, base_url):
        parts = urlsplit(base_url)
        self.scheme, self.host = parts.scheme, parts.netloc
        self.handler = WSGIHandler()

    def url(self, path):
        return f"{self.scheme}://{self.host}{path}"

    def get(self, path):
        """What the site answers to a GET of this path (with its query string)."""
        request_headers = [("Host", self.host), ("User-Agent", AGENT)]
        answered = {}

        def start_response(status, headers, exc_info=None):
            answered.update(status=status, headers=list(headers))

        response = self.handler(self._environ(path, request_headers), start_response)
        try:
            body = b"".join(response)
        finally:
            response.close()
        return Capture(self.url(path), f"GET {path} HTTP/1.1", request_headers, body=body, **answered)

    def _environ(self, path, request_headers):
        target = urlsplit(path)
        hostname, _, port = self.host.partition(":")
        return {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            # WSGI carries the path's bytes as Latin-1 text.
            "PATH_INFO": unquote(target.path).encode().decode("iso-8859-1"),
            "QUERY_STRING": target.query,
            "SERVER_NAME": hostname,
            "SERVER_PORT": port or ("443" if self.scheme == "https" else "80"),
            "SERVER_PROTOCOL": "HTTP/1.1",
            **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in request_headers},
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": self.scheme,
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }

    def media(self, path):
        """An uploaded image. The web server serves these in production (Django only while DEBUG is on): when the
        site does not, it is answered as Django's file view answers it while DEBUG is on."""
        capture = self.get(path)
        if not capture.status.startswith("404"):
            return capture
        request = self.handler.request_class(self._environ(path, capture.request_headers))
        try:
            response = serve(request, path.removeprefix(settings.MEDIA_URL), document_root=settings.MEDIA_ROOT)
        except Http404:
            return capture
        body = b"".join(response)
        status = f"{response.status_code} {response.reason_phrase}"
        return Capture(capture.url, capture.request_line, capture.request_headers, status, list(response.items()), body)
