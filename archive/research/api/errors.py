"""Malformed requests as JSON: 400 with what is wrong with each parameter, whichever check found it."""

from functools import partial

from ninja.errors import ValidationError

MALFORMED = "Some parameters are malformed; nothing was looked up."


class BadRequest(Exception):
    """Parameters the API will not answer: {name: [messages]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def install(api):
    """Answer the list's own checks and Ninja's checks of path parameters in one shape."""
    api.add_exception_handler(BadRequest, partial(_bad_request, api=api))
    api.add_exception_handler(ValidationError, partial(_invalid, api=api))


def _bad_request(request, exc, api):
    return api.create_response(request, {"detail": MALFORMED, "errors": exc.errors}, status=400)


def _invalid(request, exc, api):
    errors = {}
    for error in exc.errors:
        # Ninja locates an error as (where, name, ...): the name is the parameter's.
        name = str(error["loc"][1]) if len(error["loc"]) > 1 else str(error["loc"][0])
        errors.setdefault(name, []).append(error["msg"])
    return _bad_request(request, BadRequest(errors), api)
