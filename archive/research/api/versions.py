"""The API's versions of an article: every text it has had that the public may read, oldest first."""

from django.http import HttpResponsePermanentRedirect
from ninja import Field, Path, Router, Schema

from archive.research.api.params import SAFE, SLUG
from archive.research.api.payloads import article_api_path
from archive.research.api.schemas import Error
from archive.research.memento.links import Relations, iso_datetime
from archive.serving.shortcuts import article_or_404

router = Router(tags=["articles"])


class VersionOut(Schema):
    number: int = Field(description="1 for the first text; part of the version's address.")
    url: str = Field(description="The version's permanent page, which always shows this text.")
    since: str = Field(description="When this text became the article's (UTC): its Memento-Datetime.")
    title: str
    body: str = Field(description="The text as Markdown.")
    current: bool = Field(description="Whether this is the article's present text.")


class VersionList(Schema):
    article: str = Field(description="The article's page.")
    timemap: str = Field(description="The article's TimeMap (RFC 7089), in application/link-format.")
    results: list[VersionOut]


@router.api_operation(
    SAFE,
    "/articles/{year}/{month}/{day}/{slug}/versions/",
    response={200: VersionList, 301: None, 400: Error, 404: Error},
    url_name="article_versions",
    operation_id="article_versions",
    summary="Every public version of an article's text, oldest first",
    description="A version hidden by the editors is left out. A former slug or date redirects (301) to the current.",
)
def article_versions(
    request,
    year: int = Path(..., ge=1, le=9999),
    month: int = Path(..., ge=1, le=12),
    day: int = Path(..., ge=1, le=31),
    slug: str = Path(..., pattern=SLUG, max_length=120),
):
    article, _ = article_or_404(year, month, day, slug)
    current = f"{article_api_path(article)}versions/"
    if request.path != current:
        return HttpResponsePermanentRedirect(current)
    versions = list(article.versions.public().only("number", "valid_from", "title", "body").order_by("number"))
    relations = Relations(request, article, versions)
    return {
        "article": relations.original,
        "timemap": relations.timemap_url,
        "results": [
            {
                "number": version.number,
                "url": relations.url(version),
                "since": iso_datetime(version),
                "title": version.title,
                "body": version.body,
                "current": version.number == article.version_count,
            }
            for version in versions
        ],
    }
