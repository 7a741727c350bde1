"""What every page's layout shows: the site's name and its fixed links, for the templates."""

import functools

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from archive.lists.limits import QUERY_MAX_LENGTH
from archive.serving.languages import in_language

SITE_LINKS = {
    "home": "archive:home",
    "articles": "archive:article_list",
    "people": "archive:person_list",
    "topics": "archive:topic_list",
    "feed": "archive:articles_feed",
}


def site_name(request):
    """`site_name`: the archive's name, for titles, the masthead and the footer."""
    return {"site_name": translation.gettext(settings.ARCHIVE_SITE_NAME)}


def search_box(request):
    """`query_max_length`: how long a search may be, for the masthead's search box."""
    return {"query_max_length": QUERY_MAX_LENGTH}


def site_links(request):
    """`links.home`, `links.articles`, …: the layout's fixed addresses."""
    return {"links": _links(translation.get_language())}


def languages(request):
    """`other_languages`: (code, name in that language, this very address in it) for the language switcher."""
    current = translation.get_language()
    address = request.get_full_path()
    return {
        "other_languages": [
            (code, translation.get_language_info(code)["name_local"], in_language(address, code))
            for code, _ in settings.LANGUAGES
            if code != current
        ]
    }


@functools.cache
def _links(language):
    # Seven reversals on every page, of addresses that never change while the process runs: reversed once a language.
    return {name: reverse(route) for name, route in SITE_LINKS.items()}
