"""Persons and topics: the indexes with their counts, and a page for each with its articles."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from archive.index import lookup, named
from archive.index.filters import Filters
from archive.index.lookup import EVERY, SUBJECT_COUNTS
from archive.index.results import IndexedArticles
from archive.lists import paging
from archive.lists.query import list_url
from archive.models import KINDS, PERSONS, TOPICS
from archive.reading import charts
from archive.reading.pagination import Pagination, page_urls

RELATED_LIMIT = 10


def person_list(request):
    return _index(request, PERSONS)


def topic_list(request):
    return _index(request, TOPICS)


def person_detail(request, slug):
    return _detail(request, PERSONS, slug)


def topic_detail(request, slug):
    return _detail(request, TOPICS, slug)


def _index(request, kind):
    found = lookup.counts(Filters(), {kind.field: EVERY})[kind.field]
    subjects = sorted(named.counted(kind.model, found), key=lambda subject: subject.display_name)
    return render(request, "archive/subject_list.html", {"subjects": subjects, "kind": kind, "section": kind.plural})


def _detail(request, kind, slug):
    subject = get_object_or_404(kind.model, slug=slug)
    filters = Filters(**{kind.field: (subject.slug,)})
    pagination = Pagination(
        paging.from_request(request), IndexedArticles(filters), page_urls(subject.get_absolute_url())
    )
    found = lookup.counts(filters, {**SUBJECT_COUNTS, "year": EVERY})
    return render(
        request,
        "archive/subject_detail.html",
        {
            "section": kind.plural,
            kind.name: subject,
            "subject": subject,
            "kind": kind,
            "pagination": pagination,
            "total": pagination.paginator.count,
            "chart": charts.per_year(_("Articles per year"), dict(found["year"])),
            "alongside": [(k, _alongside(kind, subject, k, found[k.field])) for k in KINDS],
            "list_url": list_url(**{kind.name: [subject.slug]}),
        },
    )


def _alongside(kind, subject, other_kind, counts):
    """The persons or topics most often found in these articles, each with the list of the articles they share."""
    exclude = [subject.slug] if other_kind is kind else []
    found = named.counted(other_kind.model, counts, limit=RELATED_LIMIT, exclude=exclude)
    shared = []
    for other in found:
        params = {kind.name: [subject.slug]}
        params[other_kind.name] = [*params.get(other_kind.name, []), other.slug]
        shared.append((other, list_url(**params)))
    return shared
