"""One URL per page: the form of a page's address that every link writes, and that every other form redirects to.

Each function takes a request and returns the canonical path with its query string, or None when the request's
parameters hold a malformed value, which the page itself explains rather than redirecting it away.
"""

from urllib.parse import urlencode

from archive.reading.filters import ArticleFilter
from archive.reading.list_state import ListState
from archive.reading.lists import MAX_PAGE

MAX_PAGE_DIGITS = len(str(MAX_PAGE))


def bare(request):
    """Pages that take no parameters."""
    return request.path


def paged(request, name="page"):
    """Pages whose only parameter is the page number; the first page is the bare path."""
    number = _page_number(request, name)
    if number is None:
        return None
    return request.path + (f"?{urlencode({name: number})}" if number > 1 else "")


def sitemap_section(request):
    """A sitemap section, paged by Django's sitemaps as `p`."""
    return paged(request, name="p")


def article_list(request):
    """The list's parameters in one order, each value once, defaults and unknown parameters left out."""
    article_filter = ArticleFilter(request.GET)
    number = _page_number(request, "page")
    if article_filter.errors or number is None:
        return None
    return ListState(article_filter).url(page=number)


def export(request):
    """An export of the list: the list's parameters in their canonical form, without a page."""
    article_filter = ArticleFilter(request.GET)
    if article_filter.errors:
        return None
    query = ListState(article_filter).query_string()
    return request.path + (f"?{query}" if query else "")


def _page_number(request, name):
    """The page asked for (1 when none is), or None for a value the page itself must explain: a number of more
    digits than any page number has is explained too, rather than redirected to another number."""
    values = request.GET.getlist(name)
    if not values:
        return 1
    raw = values[0]
    if len(values) > 1 or not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        return None
    return int(raw)
