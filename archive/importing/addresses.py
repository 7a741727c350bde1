"""Which article a URL names, read by the site's own article route, so that an export means what a link means."""

import datetime

from django.urls import Resolver404, resolve

from archive import permalinks

ARTICLE_ROUTE = "archive:article_detail"


def article_key(url):
    """The (date, slug) an article URL names, or None for any other URL and for a day the calendar lacks."""
    try:
        match = resolve(url)
    except Resolver404:
        return None
    if match.view_name != ARTICLE_ROUTE:
        return None
    try:
        return datetime.date(match.kwargs["year"], match.kwargs["month"], match.kwargs["day"]), match.kwargs["slug"]
    except ValueError:
        return None


def article_ids(urls):
    """The id of the article each URL leads to, its former slugs followed as a visit would; others are left out."""
    keys = {url: key for url in urls if (key := article_key(url)) is not None}
    ids = permalinks.holders(keys.values())
    return {url: ids[key] for url, key in keys.items() if key in ids}
