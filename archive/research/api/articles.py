"""The API's articles: the list a page of results at a time with its facets, and one article with its links."""

from django.http import HttpResponsePermanentRedirect, QueryDict
from ninja import Path, Router

from archive.index import lookup, named
from archive.index.lookup import EVERY
from archive.lists.limits import FACET_LIMIT
from archive.models import Person, Topic
from archive.research.api import cursors, params, payloads
from archive.research.api.params import SAFE, SLUG
from archive.research.api.schemas import ArticleOut, ArticlePage, Error
from archive.serving.shortcuts import article_or_404, surroundings_or_404

router = Router(tags=["articles"])


@router.api_operation(
    SAFE,
    "/articles/",
    response={200: ArticlePage, 400: Error},
    url_name="article_list",
    operation_id="article_list",
    summary="The article list, a page at a time",
    description="The filters and sorts of the list page, checked by the same rules; a malformed value is a 400.",
    openapi_extra={"parameters": params.openapi_parameters()},
)
def article_list(request):
    asked = params.read(request)
    articles = asked.query.articles
    articles.expect(asked.offset, asked.limit)
    total = articles.count()
    page = articles[asked.offset : asked.offset + asked.limit]
    following = asked.offset + asked.limit
    return {
        "count": total,
        "next": _page_url(request, asked, following)
        if following < total and asked.query.reaches(following + 1)
        else None,
        "results": [payloads.article_item(article, request) for article in page],
        "facets": _facets(asked.query.filters),
    }


def _page_url(request, asked, offset):
    """The address of the page from `offset` on: the list's canonical parameters, the page size, the cursor."""
    canonical = asked.query.query_string()
    parameters = QueryDict(canonical, mutable=True)
    if "limit" in request.GET:
        parameters["limit"] = asked.limit
    parameters["cursor"] = cursors.make(canonical, offset)
    return request.build_absolute_uri(f"{request.path}?{parameters.urlencode()}")


def _facets(filters):
    """Persons, topics and years over the whole list, in one pass over the index."""
    found = lookup.counts(filters, {"persons": EVERY, "topics": EVERY, "year": EVERY})
    return {
        "persons": [_count(person) for person in named.counted(Person, found["persons"], limit=FACET_LIMIT)],
        "topics": [_count(topic) for topic in named.counted(Topic, found["topics"], limit=FACET_LIMIT)],
        "years": [{"year": year, "count": n} for year, n in sorted(found["year"], reverse=True)],
    }


def _count(subject):
    return {"slug": subject.slug, "name": subject.name, "count": subject.count}


@router.api_operation(
    SAFE,
    "/articles/{year}/{month}/{day}/{slug}/",
    response={200: ArticleOut, 301: None, 400: Error, 404: Error},
    url_name="article_detail",
    operation_id="article_detail",
    summary="One article, its similar items and the leads that list it",
    description="The address of the article's page under /api/. A former slug or date redirects (301) to the current.",
)
def article_detail(
    request,
    year: int = Path(..., ge=1, le=9999),
    month: int = Path(..., ge=1, le=12),
    day: int = Path(..., ge=1, le=31),
    slug: str = Path(..., pattern=SLUG, max_length=120),
):
    article, _ = article_or_404(year, month, day, slug)
    # A former slug, and a day or month written without its leading zero, all lead to the one current address.
    current = payloads.article_api_path(article)
    if request.path != current:
        return HttpResponsePermanentRedirect(current)
    return payloads.article_detail(article, surroundings_or_404(article), request)
