"""What the API's requests may hold. The article list takes the page's filters and sorts, read by the page's own
ListQuery, then a cursor and a page size; where the page leaves a malformed value out and says so, the API
answers 400."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext

from archive.lists.filterset import SORTS, ArticleFilter, SlugListField
from archive.lists.limits import MAX_SLUG_LENGTH, MAX_SLUGS, PER_PAGE, QUERY_MAX_LENGTH
from archive.lists.query import ListQuery
from archive.research.api import cursors
from archive.research.api.errors import BadRequest

# HEAD is GET without the body, which the server leaves out; Ninja routes it only where an operation names it.
SAFE = ["GET", "HEAD"]
SLUG = r"^[-a-zA-Z0-9_]+$"
MAX_PAGE_SIZE = 100
REPEATABLE = {"person", "topic"}
KNOWN = {*ArticleFilter.base_filters, "cursor", "limit"}
# The only parameter whose schema takes an empty value: no words to search for. The list page reads any other empty
# value as absent, which the schema's types (a date, a slug, an integer, a sort) do not allow.
MAY_BE_EMPTY = {"q"}


class PageForm(forms.Form):
    limit = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)
    cursor = forms.CharField(required=False, strip=False)


@dataclass(frozen=True)
class ListRequest:
    query: ListQuery
    offset: int
    limit: int


def read(request):
    """The list a request asks for, or BadRequest naming every parameter that is unknown or malformed."""
    params = request.GET
    errors = _misplaced(params)
    query = ListQuery.from_request(request)
    page = PageForm(params)
    errors.update({name: list(messages) for name, messages in query.errors.items()})
    errors.update({name: list(messages) for name, messages in page.errors.items()})
    if errors:
        raise BadRequest(errors)
    offset = 0
    if token := page.cleaned_data["cursor"]:
        try:
            offset = cursors.read(token, query.query_string())
        except cursors.InvalidCursor as error:
            raise BadRequest({"cursor": [str(error)]}) from None
    if not query.reaches(offset + 1):
        raise BadRequest({"cursor": [query.out_of_reach]})
    limit = page.cleaned_data["limit"] or PER_PAGE
    # The last page relevance ranks ends at its depth, whatever the page size.
    return ListRequest(query, offset, limit if query.reach is None else min(limit, query.reach - offset))


def _misplaced(params):
    """Parameters the list does not know (a typo would otherwise widen it silently), given twice, or empty."""
    errors = {}
    for name in params:
        if name not in KNOWN:
            errors[name] = [f"“{name}” is not a parameter of this list."]
        elif name not in REPEATABLE and len(params.getlist(name)) > 1:
            errors[name] = ["Give this parameter once."]
        elif name in REPEATABLE and len(params.getlist(name)) > MAX_SLUGS:
            # The list counts a slug given twice once; the schema's maxItems counts every one.
            errors[name] = [
                SlugListField.default_error_messages["too_many"]
                % {"most": MAX_SLUGS, "count": len(params.getlist(name))}
            ]
        elif name not in MAY_BE_EMPTY and "" in params.getlist(name):
            errors[name] = [gettext("Give a value, or leave this parameter out.")]
    return errors


def openapi_parameters():
    """The parameters as the OpenAPI schema describes them, with the limits the list enforces. The cursor is not
    one of them: it is opaque, issued by the server inside `next`, and a client that makes one up gets a 400, which
    a parameter a schema lets clients fill in would contradict; `next` says so instead."""
    slug = {"type": "string", "pattern": SLUG, "maxLength": MAX_SLUG_LENGTH}
    day = {"type": "string", "format": "date"}
    return [
        _query("q", "Words to search for, as on the list page.", {"type": "string", "maxLength": QUERY_MAX_LENGTH}),
        _repeatable("person", "A person's slug; repeat it to combine persons (all must appear).", slug),
        _repeatable("topic", "A topic's slug; repeat it to combine topics (all must apply).", slug),
        _query("date_after", "The first day, inclusive (YYYY-MM-DD).", day),
        _query("date_before", "The last day, inclusive (YYYY-MM-DD).", day),
        _query(
            "sort",
            "The order: newest first by default, most relevant first when searching.",
            {"type": "string", "enum": [value for value, _ in SORTS]},
        ),
        _query(
            "limit",
            "How many articles a page holds.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": PER_PAGE},
        ),
    ]


def _query(name, description, schema):
    return {"in": "query", "name": name, "required": False, "description": description, "schema": schema}


def _repeatable(name, description, item):
    parameter = _query(name, description, {"type": "array", "items": item, "maxItems": MAX_SLUGS})
    return {**parameter, "style": "form", "explode": True}
