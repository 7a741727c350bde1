"""One URL per page: the form of a page's address that every link writes, and that every other form redirects to.

Each function takes a request and returns the canonical path with its query string, or None when the request's
parameters hold a malformed value, which the page itself explains rather than redirecting it away. The parameters
are read once per request (`archive.lists`): the page that answers reads the same reading.
"""

from urllib.parse import urlencode

from django.utils import translation

from archive.index.kept import Kept
from archive.lists import paging
from archive.lists.query import ListQuery


def bare(request):
    """Pages that take no parameters."""
    return request.path


def paged(request, name="page"):
    """Pages whose only parameter is the page number; the first page is the bare path."""
    page = paging.from_request(request, name)
    if not page.canonical:
        return None
    return request.path + (f"?{urlencode({name: page.number})}" if page.number > 1 else "")


def sitemap_section(request):
    """A sitemap section, paged by Django's sitemaps as `p`."""
    return paged(request, name="p")


# Reading a list's parameters (a form of five fields, its words analysed) is a third of what a list found in the
# page cache costs; the canonical form of an address depends on nothing else, so it is worked out once.
KEPT_ADDRESSES = 5000
_addresses = Kept(KEPT_ADDRESSES)


def article_list(request):
    """The list's parameters in one order, each value once, defaults and unknown parameters left out."""
    asked = (translation.get_language(), request.path, request.META.get("QUERY_STRING", ""))
    return _addresses.get(asked, lambda: ListQuery.from_request(request).canonical_url)


def export(request):
    """An export of the list: the list's parameters in their canonical form, without a page, and for a narrowed
    list the part after the first (the whole archive comes whole)."""
    query = ListQuery.from_request(request)
    part = paging.from_request(request, "part")
    if query.errors or not part.canonical:
        return None
    string = query.query_string()
    if query.narrowed and part.number > 1:
        string += f"&part={part.number}"
    return request.path + (f"?{string}" if string else "")
