"""The article list with its filters, and the article page."""

from django.shortcuts import redirect, render
from django.urls import reverse

from archive.index import lookup
from archive.lists.filterset import SORTS
from archive.lists.query import ListQuery
from archive.models import Article
from archive.models.versions import article_route
from archive.reading import facets, highlighting, wording
from archive.reading.chips import chips
from archive.reading.pagination import Pagination
from archive.serving.shortcuts import article_or_404, surroundings_or_404
from archive.text.rendering import html_to_text


def article_list(request):
    query = ListQuery.from_request(request)
    pagination = Pagination(query.page, query.articles, query.page_url, reach=query.reach)
    found = facets.counts(query.filters, query.filters_without_dates)
    names = facets.names(query.params)
    query_string = query.query_string()
    return render(
        request,
        "archive/article_list.html",
        {
            "section": "articles",
            "canonical": request.build_absolute_uri(query.address),
            "query": query,
            "form": query.form,
            "heading": wording.heading(query.params.get("q")),
            "count_line": wording.count_line(pagination.paginator, pagination.page.number),
            "exports": {
                kind: reverse(f"archive:export_{kind}") + (f"?{query_string}" if query_string else "")
                for kind in ("csv", "jsonl")
            },
            "pagination": pagination,
            "results": _results(query, pagination.articles),
            "chips": chips(query, names),
            "unknown": facets.unknown(query.params, names),
            "sorts": SORTS,
            "search_notes": query.filters.words.notes if query.filters.words else (),
            "person_facets": facets.choices(query, "person", found),
            "topic_facets": facets.choices(query, "topic", found),
            "year_facets": facets.years(query, found),
        },
    )


def _results(query, articles):
    """(article, title, snippet) of each result; a search marks its words in the title and a snippet of the body."""
    if "q" not in query.params:
        return [(article, None, None) for article in articles]
    words, ids = query.params["q"], [article.pk for article in articles]
    # Kept for the generation, as a list's counts are: a reader paging back and forth, or the same search asked
    # again, would read the bodies and mark the words again.
    marked = lookup.kept(("marked", words, *ids), lambda: _marked(words, articles))
    return [(article, title, snippet) for article, (title, snippet) in zip(articles, marked, strict=True)]


def _marked(words, articles):
    pattern = highlighting.highlighter(words)
    # Cards have no body: the snippets' text is the one column read from the database.
    bodies = dict(Article.objects.filter(pk__in=[article.pk for article in articles]).values_list("pk", "body_html"))
    return [
        (
            highlighting.highlight(article.title, pattern),
            highlighting.snippet(html_to_text(bodies.get(article.pk, "")), pattern),
        )
        for article in articles
    ]


def article_detail(request, year, month, day, slug):
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return redirect(article, permanent=True)
    around = surroundings_or_404(article)
    response = render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "related": around.related,
            "listed_under": around.listed_under,
            "suggested": around.suggested,
            "counterparts": around.counterparts,
            "previous": around.previous,
            "next": around.next,
            "stamp": around.stamp,
        },
    )
    if article.version_count:
        # Memento (RFC 7089): where software asks for this page as it was at a given moment.
        timegate, timemap = (
            request.build_absolute_uri(article_route(name, article)) for name in ("timegate", "timemap")
        )
        response["Link"] = f'<{timegate}>; rel="timegate", <{timemap}>; rel="timemap"; type="application/link-format"'
    return response
