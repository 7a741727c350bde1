"""The article list's state as a URL: only valid parameters, always in the same order, so that a bookmarked
list reopens identically and every link on the page (chips, facets, pages) changes exactly one thing."""

import functools

from django.http import QueryDict
from django.urls import reverse

from archive.reading.filters import SORTS

ORDER = ["q", "person", "topic", "date_after", "date_before", "sort"]
SORT_LABELS = dict(SORTS)


def canonical_query(params, page=1):
    query = QueryDict(mutable=True)
    for name in ORDER:
        value = params.get(name)
        if not value:
            continue
        if isinstance(value, list):
            query.setlist(name, sorted(set(value)))
        else:
            query[name] = value.isoformat() if hasattr(value, "isoformat") else value
    if page > 1:
        query["page"] = page
    return query.urlencode()


def list_url(page=1, **params):
    """The article list's URL for these parameters, in canonical form."""
    query = canonical_query(params, page)
    return _list_path() + (f"?{query}" if query else "")


@functools.cache
def _list_path():
    # Every facet, chip and page link of a list is the list's path with other parameters: reversed once.
    return reverse("archive:article_list")


class ListState:
    def __init__(self, article_filter):
        self.filter = article_filter
        self.params = {}
        for name in ORDER:
            value = article_filter.cleaned(name)
            if value:
                self.params[name] = value
        # An order that is the default, or that does not apply (relevance without a search), adds nothing.
        if self.params.get("sort") in {article_filter.default_sort, None} or (
            self.params["sort"] != article_filter.ordering
        ):
            self.params.pop("sort", None)

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

    def chips(self, names):
        """(label, url without it) for each applied filter; names maps (kind, slug) to a display name."""
        chips = []
        if "q" in self.params:
            chips.append((f"Search: {self.params['q']}", self.url(q=None)))
        for kind, label in [("person", "Person"), ("topic", "Topic")]:
            for slug in self.params.get(kind, []):
                chips.append((f"{label}: {names.get((kind, slug), slug)}", self.removing(kind, slug)))
        for name, label in [("date_after", "From"), ("date_before", "To")]:
            if name in self.params:
                chips.append((f"{label} {self.params[name].isoformat()}", self.url(**{name: None})))
        if "sort" in self.params:
            chips.append((SORT_LABELS[self.params["sort"]], self.url(sort=None)))
        return chips
