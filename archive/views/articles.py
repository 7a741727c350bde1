"""The article list with its filters, and the article page."""

import datetime

from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from archive import permalinks, search
from archive.filters import SORTS, ArticleFilter
from archive.models import Article, Person, RelatedLink, Topic
from archive.rendering import html_to_text
from archive.views import facets
from archive.views.list_state import ListState
from archive.views.lists import Pagination, with_subjects


@require_safe
def article_list(request):
    article_filter = ArticleFilter(request.GET, queryset=Article.objects.all())
    state = ListState(article_filter)
    pagination = Pagination(request, with_subjects(article_filter.qs), state.page_url)
    names = facets.names(state.params)
    pattern = search.highlighter(state.params["q"]) if "q" in state.params else None
    results = [
        (article, search.highlight(article.title, pattern), search.snippet(html_to_text(article.body_html), pattern))
        if pattern
        else (article, None, None)
        for article in pagination.articles
    ]
    return render(
        request,
        "archive/article_list.html",
        {
            "section": "articles",
            "canonical": request.build_absolute_uri(state.url(page=pagination.page.number)),
            "filter": article_filter,
            "form": article_filter.form,
            "state": state,
            "query_string": state.query_string(),
            "pagination": pagination,
            "results": results,
            "chips": state.chips(names),
            "unknown": facets.unknown(state.params, names),
            "sorts": SORTS,
            "date_fields": [
                {
                    "name": name,
                    "label": article_filter.form[name].label,
                    "value": state.params.get(name),
                    "errors": article_filter.form[name].errors,
                }
                for name in ("date_after", "date_before")
            ],
            "person_facets": facets.choices(state, "person", Person.objects.all(), article_filter.qs),
            "topic_facets": facets.choices(state, "topic", Topic.objects.all(), article_filter.qs),
            "year_facets": facets.years(state, request.GET),
        },
    )


@require_safe
def article_detail(request, year, month, day, slug):
    article, moved = permalinks.resolve(year, month, day, slug, with_subjects(Article.objects.all()))
    if moved:
        return redirect(article, permanent=True)
    related, listed_under = _linked(article)
    return render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "related": related,
            "listed_under": listed_under,
            "previous": _neighbour(article, later=False),
            "next": _neighbour(article, later=True),
        },
    )


def _linked(article):
    """Its similar items in page order and the leads that list it, newest first, with their persons and topics:
    four queries, however many there are."""
    links = list(RelatedLink.objects.filter(Q(lead=article) | Q(related=article)).order_by("position"))
    items = with_subjects(
        Article.objects.filter(pk__in={pk for link in links for pk in (link.lead_id, link.related_id)})
    )
    by_pk = {item.pk: item for item in items}
    related = [by_pk[link.related_id] for link in links if link.lead_id == article.pk]
    leads = [by_pk[link.lead_id] for link in links if link.related_id == article.pk]
    leads.sort(key=lambda lead: lead.slug)
    leads.sort(key=lambda lead: (lead.published_date, lead.published_time or datetime.time.min), reverse=True)
    return related, leads


def _neighbour(article, *, later):
    """The article just before or after this one in time; a day's articles without a time come first.

    The same day and the other days are asked separately: each question then reads the date index in order
    and stops at the first row, where one question joined by OR made the database sort half the archive.
    """
    d, t, slug = article.published_date, article.published_time, article.slug
    if t is None:
        same_day = Q(published_time__isnull=False) | Q(published_time__isnull=True, slug__gt=slug)
        if not later:
            same_day = Q(published_time__isnull=True, slug__lt=slug)
    else:
        same_day = Q(published_time__gt=t) | Q(published_time=t, slug__gt=slug)
        if not later:
            same_day = Q(published_time__isnull=True) | Q(published_time__lt=t) | Q(published_time=t, slug__lt=slug)
    fields = ("title", "slug", "published_date", "published_time", "language")
    if later:
        today = Article.objects.filter(same_day, published_date=d).chronological()
        other_days = Article.objects.filter(published_date__gt=d).chronological()
    else:
        today = Article.objects.filter(same_day, published_date=d).newest_first()
        other_days = Article.objects.filter(published_date__lt=d).newest_first()
    candidates = [today.only(*fields).first(), other_days.only(*fields).first()]
    return next((candidate for candidate in candidates if candidate is not None), None)
