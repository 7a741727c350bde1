"""Questions pages ask the read index: a page of ids in the list's order, how many, counts by facet, neighbours.

Each answer costs what the page shows, not what the archive holds. A page that asks several questions sees one
generation of the archive: the one its request started with (`at_generation`).
"""

import contextvars
import dataclasses
from contextlib import contextmanager
from dataclasses import dataclass

import tantivy

from archive.index import cards, date_order, schema, store
from archive.index.filters import Filters, as_query
from archive.index.kept import Kept
from archive.index.schema import EVERY

NEWEST, OLDEST, RELEVANCE = date_order.NEWEST, date_order.OLDEST, "relevance"
# The index keeps every hit up to the one asked for: past this, a page is certainly past the end of any list, and
# collecting that many would exhaust memory.
DEEPEST = 1_000_000
_generation = contextvars.ContextVar("archive_generation", default=None)


@contextmanager
def at_generation(seq):
    """Answer every question asked inside from the index as of this generation (read once per request)."""
    token = _generation.set(seq)
    try:
        yield
    finally:
        _generation.reset(token)


def current_searcher():
    """The searcher of the request's generation."""
    seq = _generation.get()
    return store.searcher(store.generation() if seq is None else seq)


@dataclass(frozen=True)
class Page:
    ids: list
    total: int
    # Where each id's document is in the searcher that found it: its card is read from there, with no search.
    addresses: list = ()


def page(filters, sort=NEWEST, offset=0, limit=20):
    """The ids of one page of the list, in its order, and how many articles the whole list has."""
    searcher = current_searcher()
    index_query = as_query(filters)
    if offset + limit > DEEPEST:
        return Page([], searcher.search(index_query, 1, count=True).count)
    total = searcher.num_docs if filters == Filters() else _kept(("count", index_query), lambda: _count(index_query))
    if sort == RELEVANCE:
        return _by_relevance(searcher, index_query, offset, limit, total)
    span = date_order.span_of(_latest_changes(), filters)
    hits = date_order.addresses(searcher, index_query, sort, offset, limit, total, span)
    return Page(searcher.fast_field_values("id", hits), total, hits)


def _by_relevance(searcher, index_query, offset, limit, total):
    # Not counted here: counting scores every article the words match, where finding the best skips the blocks
    # of those that cannot be among them (half the archive for a common word: 6 ms at a million, to under 1).
    result = searcher.search(index_query, max(offset + limit, 1), count=False)
    addresses = [address for _, address in result.hits]
    ids = searcher.fast_field_values("id", addresses)
    moments = searcher.fast_field_values("moment", addresses)
    # Equal scores (the same words in the same places) go newest first, as the list does without a search.
    ranked = sorted(zip(result.hits, moments, ids, strict=True), key=lambda hit: (-hit[0][0], -hit[1]))[
        offset : offset + limit
    ]
    return Page([pk for _, _, pk in ranked], total, [hit[1] for hit, _, _ in ranked])


def cards_at(addresses, changes=False):
    """The cards of the documents a page found, in its order, from the request's searcher; with `changes`, each
    with when its article last changed (`updated_at`)."""
    searcher = current_searcher()
    found = [cards.decode(searcher.doc(address)["card"][0]) for address in addresses]
    if changes:
        moments = searcher.fast_field_values("updated", addresses)
        found = [
            dataclasses.replace(card, updated_at=schema.parse_microseconds(moment))
            for card, moment in zip(found, moments, strict=True)
        ]
    return found


def count(filters):
    index_query = as_query(filters)
    return _kept(("count", index_query), lambda: _count(index_query))


def _count(index_query):
    return current_searcher().search(index_query, 1, count=True).count


# Counts are asked again within a generation, which they hold for: by each page of a list (its total and its
# facets are the same on every page), by the list in the other language, by a crawler or a reader paging on.
# Counting costs what the list holds (a million articles: 5 ms its total, 20 ms its facets), not what a page shows.
KEPT_COUNTS = 1000
_kept_counts = Kept(KEPT_COUNTS)


def kept(question, work_out):
    """What `work_out()` gives, kept under `question` (a tuple of values that say all it depends on) for the
    request's generation of the build that answers it: what the archive holds changes only with the generation."""
    seq = _generation.get()
    if seq is None:
        return work_out()
    return _kept_counts.get((store.build(seq), seq, *question), work_out)


def _kept(question, work_out):
    """The answer to `question` (a kind and an index query) kept for the generation, or worked out."""
    kind, index_query, *rest = question
    # A query's text is all of it: equal queries, from the same words and filters, write the same text.
    return kept((kind, repr(index_query), *rest), work_out)


# What the index counts, asked for in one pass over a list's articles.
SUBJECT_COUNTS = {"persons": EVERY, "topics": EVERY}

# Facets kept whole as terms: counted by walking their few terms against the list's articles, which is ten
# times faster than aggregating their columns over every article.
TERM_FACETS = {"persons", "topics"}


def counts(filters, sizes):
    """{facet: [(value, count)]} over the list's articles, most first; `sizes` maps facet fields to how many."""
    index_query = as_query(filters)
    return _kept(("counts", index_query, tuple(sizes.items())), lambda: _counts(index_query, sizes))


def _counts(index_query, sizes):
    searcher = current_searcher()
    found = {
        name: searcher.terms_with_prefix(name, "", filter_query=index_query, limit=size)
        for name, size in sizes.items()
        if name in TERM_FACETS
    }
    aggregations = {name: {"terms": {"field": name, "size": size}} for name, size in sizes.items() if name not in found}
    if aggregations:
        for name, result in searcher.aggregate(index_query, aggregations).items():
            found[name] = [(bucket["key"], bucket["doc_count"]) for bucket in result["buckets"]]
    return {name: [(value, n) for value, n in found[name] if n] for name in sizes}


def latest_change(field=None):
    """When the last change to an article was made: of any article, or of those with a value in `field`."""
    moments = _latest_changes()
    latest = moments["all"] if field is None else max(moments[field].values(), default=None)
    return None if latest is None else schema.parse_microseconds(latest)


def latest_change_by(field):
    """{value: when the last change to one of its articles was made} for every value of the field."""
    return {value: schema.parse_microseconds(moment) for value, moment in _latest_changes()[field].items()}


def _latest_changes():
    seq = _generation.get()
    return store.latest_changes(store.generation() if seq is None else seq)


def every_id(filters, sort=NEWEST, offset=0, limit=None, batch=5000):
    """The list's ids in its order from `offset`, `limit` of them (None: to the end), a batch at a time, from one
    searcher (for exports)."""
    searcher = current_searcher()
    index_query = as_query(filters)
    end = None if limit is None else offset + limit
    if sort == RELEVANCE:
        # Ranking needs every hit up to the last at once; ids are small even for the whole archive.
        total = searcher.search(index_query, 1, count=True).count
        yield _by_relevance(searcher, index_query, offset, min(total, end or total) - offset, total).ids
        return
    total = searcher.search(index_query, 1, count=True).count
    span = date_order.span_of(_latest_changes(), filters)
    while (end is None or offset < end) and offset < total:
        size = batch if end is None else min(batch, end - offset)
        hits = date_order.addresses(searcher, index_query, sort, offset, size, total, span)
        if not hits:
            return
        yield searcher.fast_field_values("id", hits)
        offset += size


def ids_with(field, value=None):
    """The ids of the articles with this value in a field kept whole (persons, topics), or with any value in it."""
    searcher = current_searcher()
    if value is None:
        which = tantivy.Query.exists_query(field)
    else:
        which = tantivy.Query.term_query(schema.SCHEMA, field, value)
    found = searcher.search(which, max(searcher.search(which, 1, count=True).count, 1))
    return searcher.fast_field_values("id", [address for _, address in found.hits])


def neighbours(article):
    """The ids of the articles just before and just after this one in time (None at either end)."""
    searcher = current_searcher()
    oldest, _ = schema.sort_keys(article.published_date, article.published_time, article.slug)
    moment = schema.moment(article.published_date, article.published_time)
    same_moment = tantivy.Query.term_query(schema.SCHEMA, "moment", moment)
    # Articles sharing a day and a time are few: read them all, then step across to the next moment.
    result = searcher.search(same_moment, 1000, order_by_field="oldest", order=tantivy.Order.Asc)
    keys = [key for key, _ in result.hits]
    ids = searcher.fast_field_values("id", [address for _, address in result.hits])
    before = [pk for key, pk in zip(keys, ids, strict=True) if key < oldest]
    after = [pk for key, pk in zip(keys, ids, strict=True) if key > oldest]
    previous = before[-1] if before else _step(searcher, moment, later=False)
    following = after[0] if after else _step(searcher, moment, later=True)
    return previous, following


# How far a neighbour is first looked for (a day, a month, a year, then all time): sorting every later article
# to find the first costs what the archive holds, a window what a day or a month holds.
STEPS = (date_order.DAY, 31 * date_order.DAY, 366 * date_order.DAY, None)


def _step(searcher, moment, *, later):
    order = tantivy.Order.Asc if later else tantivy.Order.Desc
    for step in STEPS:
        if later:
            bounds = (moment, None if step is None else moment + step)
        else:
            bounds = (None if step is None else max(moment - step, 0), moment)
        # A window's few terms are read from the inverted index; all time, from the column, which is cheaper then.
        beyond = tantivy.Query.range_query(
            schema.SCHEMA,
            "moment",
            tantivy.FieldType.Unsigned,
            *bounds,
            include_lower=not later,
            include_upper=later,
            use_inverted_index=step is not None,
        )
        result = searcher.search(beyond, 1, order_by_field="oldest", order=order)
        if result.hits:
            return searcher.fast_field_values("id", [result.hits[0][1]])[0]
    return None
