"""What no public view answers: cache headers for the site's own error pages and the admin, and the site's 503 page
while the database or the read index cannot answer."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers, patch_cache_control

from archive.index.failures import Unavailable as IndexUnavailable

log = logging.getLogger(__name__)


class CacheHeaders:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if request.path.startswith(settings.ARCHIVE_ADMIN_PATH):
            # Editors' pages hold drafts and sessions: never kept by a browser or by a cache in front.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif response.status_code == 404:
            patch_cache_control(response, public=True, max_age=settings.ARCHIVE_MISSING_CACHE_SECONDS)
        return response


class DatabaseUnavailable:
    """The site's own 503 page, with Retry-After, for a request the database could not answer: it is down or
    restarting, refuses connections, or cancelled a statement that ran past its bound. Django opens a new
    connection for the next request, so pages come back by themselves when the database does. The same while the
    read index cannot answer (archive.index.store): damaged and being made again, or its folder unwritable. Other
    database errors are faults of the site and stay 500s."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError | IndexUnavailable):
            return None
        source = "read index" if isinstance(exception, IndexUnavailable) else "database"
        log.warning("The %s could not answer %s: %s", source, request.path, exception)
        # Rendered without a request, as Django renders 500.html: no context processor may ask the database.
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(settings.ARCHIVE_RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
