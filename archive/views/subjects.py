"""Persons and topics: the indexes with their counts, and a page for each with its articles."""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from archive import charts
from archive.models import PUBLIC_DECISIONS, Article, Person, Topic
from archive.views.list_state import list_url
from archive.views.lists import Pagination, counted, page_urls, with_subjects

RELATED_LIMIT = 10


@dataclass(frozen=True)
class Kind:
    """What differs between the person pages and the topic pages."""

    name: str
    model: type
    relation: str
    plural: str
    index_title: str


PERSONS = Kind("person", Person, "mentions", "people", "People")
TOPICS = Kind("topic", Topic, "article_topics", "topics", "Topics")
KINDS = (PERSONS, TOPICS)


@require_safe
def person_list(request):
    return _index(request, PERSONS)


@require_safe
def topic_list(request):
    return _index(request, TOPICS)


@require_safe
def person_detail(request, slug):
    return _detail(request, PERSONS, slug)


@require_safe
def topic_detail(request, slug):
    return _detail(request, TOPICS, slug)


def _index(request, kind):
    subjects = counted(kind.model.objects.all(), kind.relation).order_by("name")
    return render(request, "archive/subject_list.html", {"subjects": subjects, "kind": kind, "section": kind.plural})


def _detail(request, kind, slug):
    subject = get_object_or_404(kind.model, slug=slug)
    articles = Article.objects.filter(
        **{f"{kind.relation}__{kind.name}": subject, f"{kind.relation}__decision__in": PUBLIC_DECISIONS}
    ).newest_first()
    pagination = Pagination(request, with_subjects(articles), page_urls(subject.get_absolute_url()))
    per_year = dict(
        articles.order_by()
        .annotate(year=ExtractYear("published_date"))
        .values("year")
        .annotate(count=Count("pk"))
        .values_list("year", "count")
    )
    ids = articles.order_by().values("pk")
    others = {k.name: k.model.objects.exclude(pk=subject.pk) if k is kind else k.model.objects.all() for k in KINDS}
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
            "chart": charts.per_year("Articles per year", per_year),
            "alongside": [(k, _alongside(kind, subject, k, others[k.name], ids)) for k in KINDS],
            "list_url": list_url(**{kind.name: [subject.slug]}),
        },
    )


def _alongside(kind, subject, other_kind, others, articles):
    """The persons or topics most often found in these articles, each with the list of the articles they share."""
    found = counted(others, other_kind.relation, articles).order_by("-count", "name")[:RELATED_LIMIT]
    shared = []
    for other in found:
        params = {kind.name: [subject.slug]}
        params[other_kind.name] = [*params.get(other_kind.name, []), other.slug]
        shared.append((other, list_url(**params)))
    return shared
