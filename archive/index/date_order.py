"""A page of a list in date order, newest or oldest first, found at a cost bounded by what the page shows.

The list's order is its articles' moments (day and time: `schema.moment`), then their slugs. The index orders by
the moments' column, which costs about 15 ns an article passed over; ordering by the text of the sort keys, which
holds the slugs, costs some 50 µs an article (each looked up in the terms' dictionary: page 200 of a list took
a fifth of a second). So a page is found by the moments alone, and the few articles that share a moment with the
first or last of the page are then put in slug order here.

The moments are ordered within a window of time at the list's newest (or oldest) end, widened until it holds the
page: ordering the whole list costs what it holds (2 ms at 100,000 articles, 20 at a million), a window about what
the page needs. The archive's first and last moments, kept by the writer, are only where the windows start from:
an article written since lies inside the open end of every window.
"""

import datetime

import tantivy
from tantivy import Occur, Query

from archive.index import cards, schema

NEWEST, OLDEST = "newest", "oldest"
# What a day adds to a moment (`schema.moment`).
DAY = 86401
# How much wider each window is than the last, and how many articles the first is expected to hold for each one
# the page needs: a list's articles are seldom spread evenly over the archive's years.
WIDENING, MARGIN = 4, 2


def addresses(searcher, index_query, sort, offset, limit, total, span):
    """The documents of the page of `limit` from `offset`, in the list's order; `span` is where the list's moments
    lie (`span_of`)."""
    order = tantivy.Order.Desc if sort == NEWEST else tantivy.Order.Asc
    # One article on either side of the page: when neither shares its moment with the page's end beside it, the
    # page holds every article of its moments, and only its own ties are to be put in slug order.
    start = max(offset - 1, 0)
    wanted = offset + limit + 1
    for window in windows(sort, wanted, total, span):
        within = index_query if window is None else _both(index_query, window)
        result = searcher.search(
            within, wanted - start, count=window is not None, order_by_field="moment", offset=start, order=order
        )
        if window is None or result.count >= wanted:
            break
    hits = result.hits
    before, page, after = (
        hits[: offset - start],
        hits[offset - start : offset - start + limit],
        hits[offset - start + limit :],
    )
    if not page:
        return []
    if (before and before[0][0] == page[0][0]) or (after and after[0][0] == page[-1][0]):
        page = _around(searcher, index_query, sort, offset, limit, page[0][0], page[-1][0])
    return _in_order(searcher, page, sort)


def _around(searcher, index_query, sort, offset, limit, first, last):
    """The page's (moment, address) pairs when articles beyond it share its first or last moment: every article
    from its first moment to its last, less those of its first moment that come before it."""
    around = _in_order_pairs(searcher, _all(searcher, _both(index_query, _moments(*sorted((first, last))))), sort)
    beyond = (first + 1, None) if sort == NEWEST else (None, first - 1)
    ahead = searcher.search(_both(index_query, _moments(*beyond)), 1, count=True).count
    return around[offset - ahead : offset - ahead + limit]


def windows(sort, wanted, total, span):
    """Ranges of moments at the list's newest (or oldest) end, each wider than the last, then None for all."""
    first, last, low, high = span
    if first is not None and last is not None and wanted < total:
        length = last - first
        width = max(DAY, length * wanted * MARGIN // total)
        while width < length:
            # Closed at the list's own dates, where it has them: beyond them the window would only hold articles
            # the filter leaves out, each of which the column is read for.
            yield _moments(last - width, high, width) if sort == NEWEST else _moments(low, first + width, width)
            width *= WIDENING
    yield None


def span_of(kept, filters):
    """(first, last, low, high): the archive's first and last moments as the writer kept them, narrowed to the
    filters' dates, and the moments of those dates (None where the list has none)."""
    first, last = kept.get("first"), kept.get("last")
    low = schema.moment(filters.date_after, None) if filters.date_after else None
    high = schema.moment(filters.date_before, datetime.time.max) if filters.date_before else None
    if first is None or last is None:
        return None, None, low, high
    first, last = int(max(first, low or first)), int(min(last, high or last))
    return first, last, low, high


def _in_order(searcher, found, sort):
    """The addresses of (moment, address) pairs in the list's order."""
    return [address for _, address in _in_order_pairs(searcher, found, sort)]


def _in_order_pairs(searcher, found, sort):
    """(moment, address) pairs in the list's order: by moment, then by slug among those sharing one, read from
    their cards."""
    shared = {}
    for moment, _ in found:
        shared[moment] = shared.get(moment, 0) + 1
    slugs = [
        cards.decode(searcher.doc(address)["card"][0]).slug if shared[moment] > 1 else "" for moment, address in found
    ]
    newest = sort == NEWEST
    ranked = sorted(range(len(found)), key=lambda n: (-found[n][0] if newest else found[n][0], slugs[n]))
    return [found[n] for n in ranked]


def _all(searcher, index_query):
    count = searcher.search(index_query, 1, count=True).count
    return searcher.search(index_query, max(count, 1), order_by_field="moment", order=tantivy.Order.Asc).hits


# Up to a month of moments is read from the inverted index, a term each; beyond, from the column, which is read
# whole but for its blocks that hold no moment of the range (a month in the middle of a million articles: 0.4 ms
# from the terms, 5 ms from the column; forty years: 42 ms from the terms, 5 ms from the column).
FEW_TERMS = 31 * DAY


def _moments(low, high, width=None):
    """Moments from `low` to `high`, both included (either open); `width` is how far apart the moments it holds
    lie, where an open end would not say."""
    if width is None:
        width = high - low if low is not None and high is not None else FEW_TERMS + 1
    return Query.range_query(
        schema.SCHEMA,
        "moment",
        tantivy.FieldType.Unsigned,
        low,
        high,
        include_lower=True,
        include_upper=True,
        use_inverted_index=width <= FEW_TERMS,
    )


def _both(query, other):
    return Query.boolean_query([(Occur.Must, query), (Occur.Must, other)])
