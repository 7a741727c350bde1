"""The article list with its filters, and the article page."""

import datetime

from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from archive import permalinks, search
from archive.filters import SORTS, ArticleFilter
from archive.index import lookup
from archive.models import Article, RelatedLink
from archive.rendering import html_to_text
from archive.views import facets
from archive.views.list_state import ListState
from archive.views.lists import Pagination


@require_safe
def article_list(request):
    article_filter = ArticleFilter(request.GET)
    state = ListState(article_filter)
    filters = article_filter.index_filters()
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
            "person_facets": facets.choices(state, "person", filters),
            "topic_facets": facets.choices(state, "topic", filters),
            "year_facets": facets.years(state, article_filter.index_filters(dates=False)),
        },
    )


@require_safe
def article_detail(request, year, month, day, slug):
    article, moved = permalinks.resolve(year, month, day, slug, Article.objects.with_subjects())
    if moved:
        return redirect(article, permanent=True)
    previous, following = lookup.neighbours(article)
    related, listed_under, neighbours = _linked(article, {previous, following} - {None})
    return render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "related": related,
            "listed_under": listed_under,
            "previous": neighbours.get(previous),
            "next": neighbours.get(following),
        },
    )


def _linked(article, neighbour_ids):
    """Its similar items in page order and the leads that list it, newest first, with their persons and topics,
    and its neighbours in time by id: four queries, however many there are."""
    links = list(RelatedLink.objects.filter(Q(lead=article) | Q(related=article)).order_by("position"))
    linked = {pk for link in links for pk in (link.lead_id, link.related_id)} - {article.pk}
    by_pk = {item.pk: item for item in Article.objects.with_subjects().filter(pk__in=linked | neighbour_ids)}
    related = [by_pk[link.related_id] for link in links if link.lead_id == article.pk]
    leads = [by_pk[link.lead_id] for link in links if link.related_id == article.pk]
    leads.sort(key=lambda lead: lead.slug)
    leads.sort(key=lambda lead: (lead.published_date, lead.published_time or datetime.time.min), reverse=True)
    return related, leads, by_pk
