"""The article list's facets: each choice with the number of articles it would leave."""

import datetime

from django.db.models import CharField, Count
from django.db.models.functions import Cast, Substr

from archive.filters import ArticleFilter
from archive.models import Article, Person, Topic
from archive.views.lists import counted

LIMIT = 12
RELATIONS = {"person": "mentions", "topic": "article_topics"}


def names(params):
    """Display names of the persons and topics in the list's parameters, keyed by (kind, slug)."""
    found = {}
    for kind, model in [("person", Person), ("topic", Topic)]:
        for slug, name in model.objects.filter(slug__in=params.get(kind, [])).values_list("slug", "name"):
            found[kind, slug] = name
    return found


def unknown(params, known):
    """(kind, slug) of the requested persons and topics the archive does not have."""
    return [(kind, slug) for kind in ("person", "topic") for slug in params.get(kind, []) if (kind, slug) not in known]


def choices(state, kind, subjects, results):
    """The persons or topics most present in the current results, with the count each would leave, and the
    link that adds it to the filters. Those already chosen are shown as chips instead."""
    chosen = state.params.get(kind, [])
    rows = counted(subjects.exclude(slug__in=chosen), RELATIONS[kind], results).order_by("-count", "name")[:LIMIT]
    return [(subject, subject.count, state.adding(kind, subject.slug)) for subject in rows]


def years(state, data):
    """Each year with the number of articles it would give if the dates chosen were that year."""
    without_dates = data.copy()
    for name in ("date_after", "date_before", "page"):
        without_dates.pop(name, None)
    base = ArticleFilter(without_dates, queryset=Article.objects.all()).qs.order_by()
    # The year is read off the ISO text of the date: a built-in string function, where extracting the year made
    # SQLite call back into Python for every row.
    rows = (
        base.annotate(year=Substr(Cast("published_date", CharField()), 1, 4))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    chosen = (state.params.get("date_after"), state.params.get("date_before"))
    return [
        {
            "year": int(row["year"]),
            "count": row["count"],
            "url": state.url(date_after=f"{row['year']}-01-01", date_before=f"{row['year']}-12-31"),
            "current": chosen == (datetime.date(int(row["year"]), 1, 1), datetime.date(int(row["year"]), 12, 31)),
        }
        for row in rows
    ]
