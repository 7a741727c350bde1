"""What every public page gets: GET and HEAD only, one URL, a validator checked before the page is built, the
whole page kept under the archive's generation, and headers that let browsers and caches in front keep it."""

import datetime
from functools import wraps
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpResponseNotModified, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from archive.index import lookup, store
from archive.serving import cache, canonical


def public(view=None, *, url=canonical.bare, dated=False):
    """Serve a public view. `url` gives the page's canonical address; `dated` marks pages that show today's
    date (a citation's access date), so that their validators change at midnight too.

    Public views only read, so they need no CSRF protection; exempting them lets a POST get its 405, not a 403.
    """
    if view is None:
        return lambda view: public(view, url=url, dated=dated)

    @csrf_exempt
    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        target = url(request)
        if target is not None and not _same_address(request, target):
            return _redirect(target)
        generation, changed_at = store.latest()
        today = timezone.localdate()
        etag = quote_etag(f"{generation}-{today:%Y%m%d}" if dated else str(generation))
        modified = _last_modified(changed_at, today if dated else None)
        if _not_modified(request, etag, modified):
            response = HttpResponseNotModified()
        else:
            with lookup.at_generation(generation):
                response = cache.cached(view, generation, request, *args, **kwargs)
        if request.method == "HEAD" and response.streaming:
            # A streamed body is made as it is read, and a server reads it even for HEAD, only to drop it.
            response.streaming_content = []
        return _headers(response, etag, modified)

    return wrapper


def _same_address(request, target):
    """The request's path and parameters, in their order, are the target's; percent-encoding may differ."""
    path, _, query = target.partition("?")
    # WSGI hands the query string over as Latin-1 text; its bytes are UTF-8.
    asked = request.META.get("QUERY_STRING", "").encode("iso-8859-1", "replace").decode("utf-8", "replace")
    return path == request.path and parse_qsl(query, keep_blank_values=True) == parse_qsl(asked, keep_blank_values=True)


def _redirect(target):
    response = HttpResponsePermanentRedirect(target)
    patch_cache_control(response, public=True, max_age=settings.ARCHIVE_REDIRECT_CACHE_SECONDS)
    return response


def _last_modified(changed_at, today):
    moments = [changed_at] if changed_at else []
    if today is not None:
        moments.append(datetime.datetime.combine(today, datetime.time.min, tzinfo=timezone.get_current_timezone()))
    return int(max(moments).timestamp()) if moments else None


def _not_modified(request, etag, modified):
    """RFC 9110's order: If-None-Match decides when it is sent; If-Modified-Since only without it."""
    if (tags := request.headers.get("If-None-Match")) is not None:
        return tags.strip() == "*" or etag in [tag.strip().removeprefix("W/") for tag in tags.split(",")]
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified is not None and modified <= since


def _headers(response, etag, modified):
    if response.status_code in (200, 304):
        response.headers.setdefault("ETag", etag)
        if modified is not None:
            response.headers.setdefault("Last-Modified", http_date(modified))
    patch_cache_control(
        response,
        public=True,
        max_age=settings.ARCHIVE_BROWSER_CACHE_SECONDS,
        stale_while_revalidate=settings.ARCHIVE_STALE_SECONDS,
    )
    return response
