"""The article list's query, read once per request: the valid parameters in one order, the page, the index's
filters and order, and the list's address for them. The redirect to the canonical address, the list page, its
exports and the API all read this one object.

The list's address is its whole state: only valid parameters, always in the same order, each value once, so that
a bookmarked list reopens identically and every link on the page (chips, facets, pages) changes exactly one thing.
"""

import dataclasses
import functools
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from archive.index.filters import Filters
from archive.index.lookup import NEWEST, RELEVANCE
from archive.index.results import IndexedArticles
from archive.lists import limits, paging
from archive.lists.filterset import ArticleFilter

ORDER = ["q", "person", "topic", "date_after", "date_before", "sort"]


def canonical_query(params, page=1):
    # What QueryDict.urlencode writes, without building one, and each parameter quoted once: a list page writes
    # about seventy of these, every one but the facet's own parameter alike.
    pairs = []
    for name in ORDER:
        value = params.get(name)
        if not value:
            continue
        if isinstance(value, list):
            pairs.extend(_pair(name, item) for item in sorted(set(value)))
        else:
            pairs.append(_pair(name, value.isoformat() if hasattr(value, "isoformat") else value))
    if page > 1:
        pairs.append(f"page={page}")
    return "&".join(pairs)


@functools.lru_cache(maxsize=4096)
def _pair(name, value):
    return urlencode([(name, value)])


def list_url(page=1, **params):
    """The article list's URL for these parameters, in canonical form."""
    query = canonical_query(params, page)
    return _list_path(translation.get_language()) + (f"?{query}" if query else "")


@functools.cache
def _list_path(language):
    # Every facet, chip and page link of a list is the list's path with other parameters: reversed once a language.
    return reverse("archive:article_list")


class ListQuery:
    """What one request asks of the list. `params` holds the valid parameters that change the list; a
    malformed one is in `errors` and left out."""

    def __init__(self, data):
        self.filterset = ArticleFilter(data)
        self.form = self.filterset.form
        self.errors = self.filterset.errors
        self.page = paging.asked(data)
        cleaned = self.form.cleaned_data
        self.searching = bool(cleaned.get("q"))
        default_sort = RELEVANCE if self.searching else NEWEST
        chosen = cleaned.get("sort") or default_sort
        self.ordering = NEWEST if chosen == RELEVANCE and not self.searching else chosen
        self.params = {name: cleaned[name] for name in ORDER if cleaned.get(name)}
        # An order that is the default, or that does not apply (relevance without a search), adds nothing.
        if self.params.get("sort") in {default_sort, None} or self.params["sort"] != self.ordering:
            self.params.pop("sort", None)

    @functools.cached_property
    def filters(self):
        """The index's filters: a search's words are analysed as the index's text is, which a page found in the
        cache, whose address is all it needs, is spared."""
        return self.filterset.qs

    @classmethod
    def from_request(cls, request):
        """The request's list query, read the first time it is asked for and kept with the request."""
        if not hasattr(request, "list_query"):
            request.list_query = cls(request.GET)
        return request.list_query

    @property
    def narrowed(self):
        """Whether the list is less than the whole archive."""
        return self.filters != Filters()

    @property
    def reach(self):
        """How many articles of the list its pages may reach: relevance ranks only so many; None for every one."""
        return limits.RELEVANCE_DEPTH if self.ordering == RELEVANCE else None

    @property
    def out_of_reach(self):
        """What a request for articles past the list's reach is told."""
        return _(
            "Only the %(depth)s most relevant articles are ranked: sort by newest or oldest to reach every one."
        ) % {"depth": number_format(self.reach, force_grouping=True)}

    def reaches(self, end):
        """Whether a page ending after `end` articles is within the list's reach."""
        return self.reach is None or end <= self.reach

    @property
    def filters_without_dates(self):
        """The filters without their dates, for counting articles per year."""
        return dataclasses.replace(self.filters, date_after=None, date_before=None)

    @property
    def articles(self):
        """Exactly the list page's articles in its order, read from the index a page at a time."""
        return IndexedArticles(self.filters, self.ordering)

    @functools.cached_property
    def address(self):
        """The list's address for the valid parameters and the page shown: what its canonical link names."""
        return self.url(page=self.page.number)

    @property
    def canonical_url(self):
        """The address to redirect to, or None when a malformed value is for the page to explain."""
        if self.errors or not self.page.canonical:
            return None
        return self.address

    def query_string(self, page=1, **changes):
        """The canonical query string with some parameters changed; None removes one."""
        return canonical_query({**self.params, **changes}, page)

    def url(self, page=1, **changes):
        return list_url(page=page, **{**self.params, **changes})

    def page_url(self, number):
        return self.url(page=number)

    def adding(self, name, slug):
        return self.url(**{name: [*self.params.get(name, []), slug]})

    def removing(self, name, slug):
        return self.url(**{name: [s for s in self.params.get(name, []) if s != slug]})
