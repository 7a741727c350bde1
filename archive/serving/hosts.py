"""The Host header, checked in full before anything reads it.

Django checks the host name against ALLOWED_HOSTS and ignores the port, yet every absolute address the archive
writes (canonical links, citations, feeds, sitemaps, the CSV's URLs, the HTTPS redirect) repeats the header whole.
So a port is accepted only when it is the port the request came in on: nobody can make the archive write an
address with a port of their choosing, into its own page cache or into a cache in front of it.
"""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port


class CheckedHost:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() refuses a name ALLOWED_HOSTS does not list; raised here, as there, the answer is a 400.
        host = request.get_host()
        _, port = split_domain_port(host)
        if port and port != request.META.get("SERVER_PORT"):
            raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r}. Its port is not the one the request came in on.")
        return self.get_response(request)
