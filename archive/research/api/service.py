"""The API itself: its routers, its error shape, and an OpenAPI schema that says only what clients need."""

from django.conf import settings
from ninja import NinjaAPI

from archive.research.api import articles, errors, subjects, versions

# What the server in front answers to a request line longer than it reads (deploy/gunicorn.conf.py), before the API.
TOO_LONG = {
    "description": "The request line (method, address and protocol) is longer than 4,094 bytes: refused by the "
    "server in front, with a body of its own."
}


class ReadOnlyAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """The schema without HEAD (every operation answers it as GET, and one operation may not appear twice), and
        with the 414 that any operation may meet."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            operations.pop("head", None)
            for operation in operations.values():
                operation["responses"]["414"] = TOO_LONG
        return schema


def build():
    api = ReadOnlyAPI(
        title=f"{settings.ARCHIVE_SITE_NAME} API",
        version="1",
        description="Read-only: the articles with their filters, sorts and facets, one article, persons and topics.",
        urls_namespace="api",
        # The documentation is the site's own page at /api/; Ninja's would load scripts from elsewhere.
        docs_url=None,
    )
    errors.install(api)
    api.add_router("", articles.router)
    api.add_router("", subjects.router)
    api.add_router("", versions.router)
    return api


api = build()
