"""What every page's layout shows: the site's name and its fixed links, for the templates."""

import functools

from django.conf import settings
from django.urls import reverse

from archive.lists.limits import QUERY_MAX_LENGTH

SITE_LINKS = {
    "home": "archive:home",
    "articles": "archive:article_list",
    "people": "archive:person_list",
    "topics": "archive:topic_list",
    "feed": "archive:articles_feed",
}


def site_name(request):
    """`site_name`: the archive's name, for titles, the masthead and the footer."""
    return {"site_name": settings.ARCHIVE_SITE_NAME}


def search_box(request):
    """`query_max_length`: how long a search may be, for the masthead's search box."""
    return {"query_max_length": QUERY_MAX_LENGTH}


def site_links(request):
    """`links.home`, `links.articles`, …: the layout's fixed addresses."""
    return {"links": _links()}


@functools.cache
def _links():
    # Seven reversals on every page, of addresses that never change while the process runs: reversed once.
    return {name: reverse(route) for name, route in SITE_LINKS.items()}
