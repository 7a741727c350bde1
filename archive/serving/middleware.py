"""Cache headers for what no public view answers: the site's own error pages, and the admin."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


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
