"""Whole public pages kept in the cache until the archive changes.

Every committed change adds to the database's change log (`archive.index.recording`), whose last number is the
archive's generation: every process reads it from the database at the start of each request, so pages can be
kept in each process's own memory, or in Redis shared by all, under the generation they were made in.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def cached(view, generation, request, kept_under, *args, **kwargs):
    """The view's response, from the cache when this generation has made it before under the same address.

    `kept_under` is that address (path and query string), or None for a page that is made afresh each time."""
    seconds = settings.ARCHIVE_PAGE_CACHE_SECONDS
    if not seconds or request.method not in ("GET", "HEAD") or kept_under is None:
        return view(request, *args, **kwargs)
    # The host is part of the key because pages write out their absolute address, scheme and host included.
    path = hashlib.sha256(request.build_absolute_uri(kept_under).encode()).hexdigest()
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


# For views answered at any address they are sent to, never redirected to one form of it: kept under the address
# as sent, every order of their parameters and every parameter a client adds would be a page apart.


def no_parameters(request):
    """For pages that take no parameters: whatever a client adds is ignored."""
    return request.path


def sorted_parameters(request):
    """For pages whose parameters mean the same in any order, the pairs in one order."""
    pairs = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    return f"{request.path}?{urlencode(pairs)}"
