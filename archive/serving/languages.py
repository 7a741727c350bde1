"""The interface's language, read from the page's address alone: English at the archive's own addresses, every
other language under its prefix (`/ru/…`). Neither a cookie nor `Accept-Language` ever changes a public page, so
the archive, its page cache and any cache in front keep one copy per address, and send no `Vary` for language.
The admin alone follows the editor's browser: it is never kept by a cache.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def prefix(code):
    """The address prefix of a language: none for the default one."""
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def language_of(path):
    """The language an address is in: the one its first segment names exactly, else the default."""
    first = path.split("/", 2)[1] if path.startswith("/") else ""
    prefixed = {code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    return first if first in prefixed else settings.LANGUAGE_CODE


def in_language(path, code):
    """The same address (query string included) in another language."""
    own = prefix(language_of(path))
    return prefix(code) + (path[len(own) :] or "/")


class LanguageFromAddress:
    """Activates the language of the address for the request, and says which it is in `Content-Language`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        editors = request.path_info.startswith(settings.ARCHIVE_ADMIN_PATH)
        language = translation.get_language_from_request(request) if editors else language_of(request.path_info)
        request.LANGUAGE_CODE = language
        # Restored afterwards, so that nothing after the request (a test, the next request of a thread) inherits it.
        with translation.override(language):
            response = self.get_response(request)
        if editors:
            # Its language comes from the browser's header or Django's language cookie: a cache must tell both apart.
            patch_vary_headers(response, ["Accept-Language", "Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


def permanent_addresses():
    """Within it, addresses are written as citations and software keep them: the same in every language."""
    return translation.override(settings.LANGUAGE_CODE)
