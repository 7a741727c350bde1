"""The endpoint at /oai/: GET and HEAD served as every public page is, POST as the protocol also requires."""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from archive.research.oai import arguments, envelope, verbs
from archive.research.oai.errors import OaiError
from archive.serving.public import public


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


@public(url=_as_asked)
def _get(request):
    return answer(request, request.GET)


# A harvester's POST carries no CSRF token, and changes nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    if request.method == "POST":
        return answer(request, request.POST)
    return _get(request)
