"""The endpoint at /oai/: GET and HEAD served as every public page is, POST as the protocol also requires."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from archive.research.oai import arguments, envelope, verbs
from archive.research.oai.errors import OaiError
from archive.serving.public import public

FORM = "application/x-www-form-urlencoded"
# Twice gunicorn's bound on a GET's request line: the protocol's longest request, a resumption token, fits many times.
MAX_BODY = 8192


def answer(request, query):
    """The protocol's response to a GET query or a POST body. Protocol errors are answered in the XML with status
    200, as the protocol says; HTTP errors are for what is not a harvester's request at all."""
    verb, given = None, {}
    try:
        verb, given = arguments.parse(query)
        fill = verbs.VERBS[verb](request, given)
    except OaiError as problem:
        return envelope.error(request, verb, given, problem)
    return envelope.response(request, {"verb": verb, **given}, fill)


def _as_asked(request):
    """Harvesters build the query themselves, so no other form of it is redirected to."""
    return None


def _kept_under(request):
    """The verb and its arguments in one order; a request the protocol refuses is answered afresh each time, so that
    arguments a client makes up are not kept."""
    try:
        verb, given = arguments.parse(request.GET)
    except OaiError:
        return None
    return f"{request.path}?{urlencode(sorted({'verb': verb, **given}.items()))}"


@public(url=_as_asked, kept_under=_kept_under)
def _get(request):
    return answer(request, request.GET)


# A harvester's POST carries no CSRF token, and changes nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    if request.method == "POST":
        return _refused(request) or answer(request, request.POST)
    return _get(request)


def _refused(request):
    """The protocol's POST is a form (section 3.1.1.2): anything else, or a form longer than any of its requests, is
    answered from the headers alone, since parsing a multipart body is work and memory for whoever sends one."""
    if request.content_type != FORM:
        response = HttpResponse(f"A POST to this endpoint is a form: {FORM}.\n", status=415, content_type="text/plain")
        response["Accept-Post"] = FORM
        return response
    if _declared_length(request) > MAX_BODY:
        return HttpResponse(f"A request is at most {MAX_BODY} bytes.\n", status=413, content_type="text/plain")
    return None


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        # Django then reads no body at all.
        return 0
