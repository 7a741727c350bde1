"""What every public page gets, as named steps. They run in this order, each around the ones after it:

1. `csrf_exempt`: public views only read, so they need no CSRF protection; exempting them lets a POST get
   its 405, not a 403.
2. `require_safe`: GET and HEAD only.
3. `at_its_address`: any other form of the page's address gets one permanent redirect to it, before anything
   else is read. A page whose address holds a malformed value has no such form: it explains the value.
4. `kept_in_front`: the headers that let browsers and caches in front keep the answer, on every answer of the
   steps below, a 304 included.
5. `validated`: the page's validators, on what exists only (a 200, or a 304 of the step below), and the
   conditions that need to know it exists judged on the answer: `If-None-Match: *` and `If-Modified-Since`.
6. `condition`, Django's conditional GET, with the page's ETag: a tag this address was given in this
   generation is a 304 before the page is built. The tag names the address as well as the generation, so that
   one copied from another page matches nothing.
7. `at_generation`: the page reads the index at the generation its validators were made from.
8. `kept_whole`: the whole page kept under that generation and its canonical address, or, for a page answered
   at any address (the API, OAI-PMH), under what `kept_under` makes of it. A page with neither is made afresh.
9. `head_without_body`: a streamed body is dropped for HEAD.

The generation is read once per request (`generation`), by the validators and the page alike.
"""

import datetime
import functools
import hashlib
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition, require_safe

from archive.index import lookup
from archive.models import Change
from archive.serving import cache, canonical


def public(view=None, *, url=canonical.bare, dated=False, kept_under=None):
    """Serve a public view. `url` gives the page's canonical address; `dated` marks pages that show today's
    date (a citation's access date), so that their validators change at midnight too; `kept_under(request)`
    gives the address a page answered as sent is kept under, or None to keep it not at all."""
    if view is None:
        return lambda view: public(view, url=url, dated=dated, kept_under=kept_under)
    steps = [
        csrf_exempt,
        require_safe,
        at_its_address(url),
        kept_in_front,
        validated(dated),
        condition(etag_func=_tag_to_match(dated)),
        at_generation,
        kept_whole(kept_under),
        head_without_body,
    ]
    return functools.reduce(lambda wrapped, step: step(wrapped), reversed(steps), view)


def generation(request):
    """(generation, when it was committed) of the archive as this request sees it, read once."""
    if not hasattr(request, "archive_generation"):
        request.archive_generation = Change.objects.newest()
    return request.archive_generation


def at_its_address(url):
    def step(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            target = request.canonical_address = url(request)
            if target is not None and not _same_address(request, target):
                response = HttpResponsePermanentRedirect(target)
                patch_cache_control(response, public=True, max_age=settings.ARCHIVE_REDIRECT_CACHE_SECONDS)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return step


def _same_address(request, target):
    """The request's path and parameters, in their order, are the target's; percent-encoding may differ."""
    path, _, query = target.partition("?")
    # WSGI hands the query string over as Latin-1 text; its bytes are UTF-8.
    asked = request.META.get("QUERY_STRING", "").encode("iso-8859-1", "replace").decode("utf-8", "replace")
    return path == request.path and parse_qsl(query, keep_blank_values=True) == parse_qsl(asked, keep_blank_values=True)


def kept_in_front(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(
            response,
            public=True,
            max_age=settings.ARCHIVE_BROWSER_CACHE_SECONDS,
            stale_while_revalidate=settings.ARCHIVE_STALE_SECONDS,
        )
        return response

    return wrapper


def validated(dated):
    def step(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code not in (200, 304):
                return response
            etag, modified = _etag(request, dated), _last_modified(request, dated)
            response.headers.setdefault("ETag", etag)
            if modified is not None:
                # The archive's last change, replacing what a view of Django's dates by what it shows (a feed's
                # newest entry, a sitemap's newest lastmod), which an older article added leaves unmoved.
                response["Last-Modified"] = http_date(modified)
            return get_conditional_response(request, etag=etag, last_modified=modified, response=response)

        return wrapper

    return step


def _tag_to_match(dated):
    def etag(request, *args, **kwargs):
        # "Any representation" can only be judged once the page says whether there is one (`validated`).
        if request.headers.get("If-None-Match", "").strip() == "*":
            return None
        return _etag(request, dated)

    return etag


def _etag(request, dated):
    """The page's tag, made once per request: the check before the page and the answer after it name the same."""
    if not hasattr(request, "archive_etag"):
        seq, _ = generation(request)
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:12]
        tag = f"{seq}-{address}-{timezone.localdate():%Y%m%d}" if dated else f"{seq}-{address}"
        request.archive_etag = quote_etag(tag)
    return request.archive_etag


def _last_modified(request, dated):
    _, changed_at = generation(request)
    moments = [changed_at] if changed_at else []
    if dated:
        zone = timezone.get_current_timezone()
        moments.append(datetime.datetime.combine(timezone.localdate(), datetime.time.min, tzinfo=zone))
    return int(max(moments).timestamp()) if moments else None


def at_generation(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        seq, _ = generation(request)
        with lookup.at_generation(seq):
            return view(request, *args, **kwargs)

    return wrapper


def kept_whole(kept_under):
    def step(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            seq, _ = generation(request)
            address = kept_under(request) if kept_under else request.canonical_address
            return cache.cached(view, seq, request, address, *args, **kwargs)

        return wrapper

    return step


def head_without_body(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "HEAD" and response.streaming:
            # A streamed body is made as it is read, and a server reads it even for HEAD, only to drop it.
            response.streaming_content = []
        return response

    return wrapper
