"""What every page's layout links to, for the templates."""

import functools

from django.urls import reverse

SITE_LINKS = {
    "home": "archive:home",
    "articles": "archive:article_list",
    "people": "archive:person_list",
    "topics": "archive:topic_list",
    "feed": "archive:articles_feed",
}


def site_links(request):
    """`links.home`, `links.articles`, …: the layout's fixed addresses."""
    return {"links": _links()}


@functools.cache
def _links():
    # Seven reversals on every page, of addresses that never change while the process runs: reversed once.
    return {name: reverse(route) for name, route in SITE_LINKS.items()}
