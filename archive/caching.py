"""Whole public pages kept in the cache until the archive changes.

The archive changes only when a file is imported, an editor saves, or the tagger runs again, so every page is
cached under a generation number that each committed change moves on. With Redis as the cache, all hosts
share the number and so forget old pages together.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt

GENERATION_KEY = "archive:generation"


def generation():
    number = cache.get(GENERATION_KEY)
    if number is None:
        # A fresh start rather than 0, so that a cache emptied and refilled never reuses an old page's key.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        number = cache.get(GENERATION_KEY)
    return number


def archive_changed():
    """Let every cached page go, once the current transaction has committed (at once outside one)."""
    transaction.on_commit(_next_generation)


def forget_pages(sender, **kwargs):
    """Signal receiver: an editor's save or delete in the admin changes what pages show."""
    archive_changed()


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def cached_page(view):
    """Serve a public view from the cache while the archive is unchanged.

    The day is part of the key because pages show it (a citation's access date). Public views only read, so
    they need no CSRF protection; exempting them lets a POST reach the view and get its 405, not a 403.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.ARCHIVE_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        # The host is part of the key because pages write out their absolute address.
        path = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"archive:page:{generation()}:{timezone.localdate().isoformat()}:{path}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                if callable(getattr(response, "render", None)):
                    response.add_post_render_callback(lambda rendered: cache.set(key, rendered, seconds))
                else:
                    cache.set(key, response, seconds)
        patch_cache_control(response, public=True, max_age=settings.ARCHIVE_BROWSER_CACHE_SECONDS)
        return response

    return wrapper
