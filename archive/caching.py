"""Whole public pages kept in the cache until the archive changes.

Every committed change adds to the database's change log (`archive.index.changes`), whose last number is the
archive's generation: every process reads it from the database at the start of each request, so pages can be
kept in each process's own memory, or in Redis shared by all, under the generation they were made in.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt

from archive.index import lookup, store


def cached_page(view):
    """Serve a public view from the cache while the archive is unchanged.

    The day is part of the key because pages show it (a citation's access date). Public views only read, so
    they need no CSRF protection; exempting them lets a POST reach the view and get its 405, not a 403.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        generation = store.generation()
        with lookup.at_generation(generation):
            response = _cached(view, generation, request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=settings.ARCHIVE_BROWSER_CACHE_SECONDS)
        return response

    return wrapper


def _cached(view, generation, request, *args, **kwargs):
    seconds = settings.ARCHIVE_PAGE_CACHE_SECONDS
    if not seconds or request.method not in ("GET", "HEAD"):
        return view(request, *args, **kwargs)
    # The host is part of the key because pages write out their absolute address.
    path = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
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
