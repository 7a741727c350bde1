"""The article list with its filters, and the article page."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from archive import permalinks
from archive.index import search, surroundings
from archive.models.versions import article_route
from archive.reading import facets
from archive.reading.filters import SORTS, ArticleFilter
from archive.reading.list_state import ListState
from archive.reading.lists import Pagination
from archive.text.rendering import html_to_text


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
    around = surroundings.of(article)
    response = render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "related": around.related,
            "listed_under": around.listed_under,
            "previous": around.previous,
            "next": around.next,
        },
    )
    if article.version_count:
        # Memento (RFC 7089): where software asks for this page as it was at a given moment.
        timegate, timemap = (
            request.build_absolute_uri(article_route(name, article)) for name in ("timegate", "timemap")
        )
        response["Link"] = f'<{timegate}>; rel="timegate", <{timemap}>; rel="timemap"; type="application/link-format"'
    return response
