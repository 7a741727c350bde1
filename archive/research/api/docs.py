"""The API's documentation: a page of the site, with the addresses to try written out for this host."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from archive.lists.limits import MAX_SLUGS, PER_PAGE, QUERY_MAX_LENGTH
from archive.research.api.params import MAX_PAGE_SIZE

EXAMPLE_QUERY = "?person=nikolai-statkevich&date_after=2017-01-01"


def page(request):
    def absolute(name):
        return request.build_absolute_uri(reverse(name))

    return render(
        request,
        "archive/api.html",
        {
            "articles_url": absolute("api:article_list"),
            "example_url": absolute("api:article_list") + EXAMPLE_QUERY,
            "persons_url": absolute("api:person_list"),
            "topics_url": absolute("api:topic_list"),
            "schema_url": absolute("api:openapi-json"),
            "page_size": PER_PAGE,
            "max_page_size": MAX_PAGE_SIZE,
            "search_length": QUERY_MAX_LENGTH,
            "max_slugs": MAX_SLUGS,
            "cache_minutes": settings.ARCHIVE_BROWSER_CACHE_SECONDS // 60,
        },
    )
