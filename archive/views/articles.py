"""The article list with its filters, and the article page."""

import datetime

from django.db.models import Q, prefetch_related_objects
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from archive import permalinks, search
from archive.filters import SORTS, ArticleFilter
from archive.index import lookup
from archive.models import Article, RelatedLink, subject_prefetches
from archive.rendering import html_to_text
from archive.views import facets
from archive.views.list_state import ListState
from archive.views.lists import Pagination


@require_safe
def article_list(request):
    article_filter = ArticleFilter(request.GET)
    state = ListState(article_filter)
    filters = article_filter.index_filters()
    found = facets.counts(filters, article_filter.index_filters(dates=False))
    pagination = Pagination(request, article_filter.qs, state.page_url)
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
            "search_notes": filters.words.notes if filters.words else (),
            "person_facets": facets.choices(state, "person", found),
            "topic_facets": facets.choices(state, "topic", found),
            "year_facets": facets.years(state, found),
        },
    )


@require_safe
def article_detail(request, year, month, day, slug):
    article, moved = permalinks.resolve(year, month, day, slug)
    if moved:
        return redirect(article, permanent=True)
    related, listed_under = linked(article)
    previous, following = _neighbours(article)
    prefetch_related_objects([article, *related, *listed_under], *subject_prefetches())
    return render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "related": related,
            "listed_under": listed_under,
            "previous": previous,
            "next": following,
        },
    )


# What a similar item or a lead shows of itself: a summary, never its text.
ITEM_TEXT = ("body", "body_html", "image_renditions")


def linked(article):
    """Its similar items in page order and the leads that list it, newest first: one query, however many."""
    links = list(
        RelatedLink.objects.filter(Q(lead=article) | Q(related=article))
        .select_related("lead", "related")
        .defer(*(f"{side}__{name}" for side in ("lead", "related") for name in ITEM_TEXT))
        .order_by("position")
    )
    related = [link.related for link in links if link.lead_id == article.pk]
    leads = [link.lead for link in links if link.related_id == article.pk]
    leads.sort(key=lambda lead: lead.slug)
    leads.sort(key=lambda lead: (lead.published_date, lead.published_time or datetime.time.min), reverse=True)
    return related, leads


def _neighbours(article):
    """The articles just before and after it in time, from the index; their titles and dates in one query."""
    ids = lookup.neighbours(article)
    found = {
        neighbour.pk: neighbour
        for neighbour in Article.objects.filter(pk__in={pk for pk in ids if pk}).only(
            "title", "slug", "published_date", "published_time", "language"
        )
    }
    return tuple(found.get(pk) for pk in ids)
