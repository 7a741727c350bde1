"""The article list's facets: each choice with the number of articles it would leave."""

import datetime

from archive.index import lookup
from archive.index.lookup import EVERY, SUBJECT_COUNTS
from archive.models import Person, Topic

LIMIT = 12
MODELS = {"person": Person, "topic": Topic}
FIELDS = {"person": "persons", "topic": "topics"}


def counts(filters, filters_without_dates):
    """Everything the facets count, in one pass over the index when no dates are chosen, else two."""
    if filters == filters_without_dates:
        return lookup.counts(filters, {**SUBJECT_COUNTS, "year": EVERY})
    return {**lookup.counts(filters, SUBJECT_COUNTS), **lookup.counts(filters_without_dates, {"year": EVERY})}


def names(params):
    """Display names of the persons and topics in the list's parameters, keyed by (kind, slug)."""
    found = {}
    for kind, model in MODELS.items():
        if slugs := params.get(kind):
            for slug, name in model.objects.filter(slug__in=slugs).values_list("slug", "name"):
                found[kind, slug] = name
    return found


def unknown(params, known):
    """(kind, slug) of the requested persons and topics the archive does not have."""
    return [(kind, slug) for kind in MODELS for slug in params.get(kind, []) if (kind, slug) not in known]


def choices(state, kind, found):
    """The persons or topics most present in the current results, with the count each would leave, and the
    link that adds it to the filters. Those already chosen are shown as chips instead."""
    chosen = state.params.get(kind, [])
    subjects = MODELS[kind].objects.counted(found[FIELDS[kind]], limit=LIMIT, exclude=chosen)
    return [(subject, subject.count, state.adding(kind, subject.slug)) for subject in subjects]


def years(state, found):
    """Each year with the number of articles it would give if the dates chosen were that year."""
    rows = sorted(found["year"], reverse=True)
    chosen = (state.params.get("date_after"), state.params.get("date_before"))
    return [
        {
            "year": year,
            "count": count,
            "url": state.url(date_after=f"{year}-01-01", date_before=f"{year}-12-31"),
            "current": chosen == (datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        }
        for year, count in rows
    ]
