"""The API's addresses, each served as a public page is: GET and HEAD only, validated by the archive's generation,
kept whole under it, with the headers that let anyone in front keep it too."""

from django.urls.resolvers import URLPattern

from archive.research.api.service import api
from archive.serving import cache
from archive.serving.public import public


def as_sent(request):
    """API addresses are answered as sent, never redirected to another form: clients build queries their own way
    and a redirect would cost each a round trip; the `next` links the list writes are all in one order."""
    return None


def _public(pattern):
    # The list refuses a parameter it does not know with a 400, which is not kept; no other operation takes any.
    kept_under = cache.sorted_parameters if pattern.name == "article_list" else cache.no_parameters
    view = public(pattern.callback, url=as_sent, kept_under=kept_under)
    return URLPattern(pattern.pattern, view, pattern.default_args, pattern.name)


def urls():
    """(patterns, app name, namespace) for `path`: Ninja's operations. Their documentation page is a reader's page,
    in the interface's languages (archive/urls.py)."""
    patterns, app_name, namespace = api.urls
    return list(map(_public, patterns)), app_name, namespace
