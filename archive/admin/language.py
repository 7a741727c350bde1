"""The admin speaks the editor's language: the one their browser asks for (or the language cookie, where they
chose one), among the archive's languages.

Public pages take their language from their address alone, so that a cache keeps one copy per address. The admin
lives outside the language prefixes, and its pages are private and never cached, so they may vary on the request.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class EditorsLanguage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(settings.ARCHIVE_ADMIN_PATH):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        # Restored afterwards: the thread's next request, public or not, starts from its own language.
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        response.headers["Content-Language"] = language
        return response
