"""The article list's facets: each choice with the number of articles it would leave."""

import datetime

from archive.index import lookup, named
from archive.index.lookup import EVERY, SUBJECT_COUNTS
from archive.lists.limits import FACET_LIMIT
from archive.models import KINDS

KIND_NAMED = {kind.name: kind for kind in KINDS}


def counts(filters, filters_without_dates):
    """Everything the facets count, in one pass over the index when no dates are chosen, else two."""
    if filters == filters_without_dates:
        return lookup.counts(filters, {**SUBJECT_COUNTS, "year": EVERY})
    return {**lookup.counts(filters, SUBJECT_COUNTS), **lookup.counts(filters_without_dates, {"year": EVERY})}


def names(params):
    """Display names of the persons and topics in the list's parameters, keyed by (kind, slug)."""
    found = {}
    for kind in KINDS:
        if slugs := params.get(kind.name):
            for subject in named.with_slugs(kind.model, slugs):
                found[kind.name, subject.slug] = subject.display_name
    return found


def unknown(params, known):
    """(kind, slug) of the requested persons and topics the archive does not have."""
    return [(kind.name, slug) for kind in KINDS for slug in params.get(kind.name, []) if (kind.name, slug) not in known]


def choices(query, name, found):
    """The persons or topics most present in the current results, with the count each would leave, and the
    link that adds it to the filters. Those already chosen are shown as chips instead."""
    kind = KIND_NAMED[name]
    chosen = query.params.get(name, [])
    subjects = named.counted(kind.model, found[kind.field], limit=FACET_LIMIT, exclude=chosen)
    return [(subject, subject.count, query.adding(name, subject.slug)) for subject in subjects]


def years(query, found):
    """Each year with the number of articles it would give if the dates chosen were that year."""
    rows = sorted(found["year"], reverse=True)
    chosen = (query.params.get("date_after"), query.params.get("date_before"))
    return [
        {
            "year": year,
            "count": count,
            "url": query.url(date_after=f"{year}-01-01", date_before=f"{year}-12-31"),
            "current": chosen == (datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        }
        for year, count in rows
    ]
