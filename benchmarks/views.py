"""A page of a requested size made by the same stack as the reader pages, without touching the database.

What remains is the cost of the server, the middleware and one template: the floor the reader pages are
compared with.
"""

from functools import cache

from django.http import Http404, HttpResponse
from django.template import engines
from django.views.decorators.http import require_safe

MAX_SIZE = 2_000_000
WORDS = "Synthetic minimal page text set for reading. "


@cache
def template():
    return engines["django"].from_string(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Minimal page</title>\n</head>\n'
        "<body>\n<main>\n<h1>Minimal page</h1>\n<p>{{ text }}</p>\n</main>\n</body>\n</html>\n"
    )


@cache
def frame_size():
    return len(template().render({"text": ""}).encode())


@require_safe
def minimal(request, size):
    """Render exactly `size` bytes (or the bare frame, when it is larger than that)."""
    if size > MAX_SIZE:
        raise Http404("Too large")
    length = max(0, size - frame_size())
    text = (WORDS * (length // len(WORDS) + 1))[:length]
    return HttpResponse(template().render({"text": text}, request))
