"""Whole public pages kept in the cache until the archive changes.

Every committed change adds to the database's change log (`archive.index.changes`), whose last number is the
archive's generation: every process reads it from the database at the start of each request, so pages can be
kept in each process's own memory, or in Redis shared by all, under the generation they were made in.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def cached(view, generation, request, *args, **kwargs):
    """The view's response, from the cache when this generation has made it before."""
    seconds = settings.ARCHIVE_PAGE_CACHE_SECONDS
    if not seconds or request.method not in ("GET", "HEAD"):
        return view(request, *args, **kwargs)
    address = _address(view, request)
    if address is None:
        return view(request, *args, **kwargs)
    # The address is part of the key because pages write out their absolute address, scheme and host included.
    path = hashlib.sha256(address.encode()).hexdigest()
    key = f"archive:page:{generation}:{timezone.localdate().isoformat()}:{path}"
    response = cache.get(key)
    if response is None:
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            if callable(getattr(response, "render", None)):
                response.add_post_render_callback(lambda rendered: cache.set(key, rendered, seconds))
            else:
                cache.set(key, response, seconds)
    return response


def keyed_on(query):
    """Keep a view's pages under the parameters `query(request)` gives, in one form, or keep none where it gives
    None. For views answered at any address they are sent to, never redirected to one form of it: kept under the
    address as sent, every order of their parameters and every parameter a client adds would be a page apart."""

    def keyed(view):
        view.cache_query = query
        return view

    return keyed


def no_parameters(request):
    """For pages that take no parameters: whatever a client adds is ignored."""
    return ""


def sorted_parameters(request):
    """For pages whose parameters mean the same in any order, the pairs in one order."""
    return urlencode(sorted((name, value) for name in request.GET for value in request.GET.getlist(name)))


def _address(view, request):
    query = getattr(view, "cache_query", None)
    if query is None:
        # Pages with one address redirect every other form of it; what they answer as asked, they explain.
        return request.build_absolute_uri()
    kept = query(request)
    return None if kept is None else f"{request.build_absolute_uri(request.path)}?{kept}"
