"""The API's persons and topics: each with how many articles are about it, counted by the read index."""

from django.shortcuts import get_object_or_404
from ninja import Path, Router

from archive.index import lookup, named
from archive.index.filters import Filters
from archive.index.lookup import EVERY
from archive.models import PERSONS, TOPICS
from archive.research.api import payloads
from archive.research.api.params import SAFE, SLUG
from archive.research.api.schemas import Error, SubjectList, SubjectOut

router = Router()


def _index(request, kind):
    """Every person or topic with an article, by name, as the page lists them."""
    found = lookup.counts(Filters(), {kind.field: EVERY})[kind.field]
    subjects = sorted(named.counted(kind.model, found), key=lambda subject: subject.name)
    return {
        "count": len(subjects),
        "results": [payloads.counted_subject(kind.name, subject, subject.count, request) for subject in subjects],
    }


def _detail(request, kind, slug):
    subject = get_object_or_404(kind.model, slug=slug)
    filters = Filters(**{kind.field: (subject.slug,)})
    years = sorted(lookup.counts(filters, {"year": EVERY})["year"], reverse=True)
    return {
        **payloads.counted_subject(kind.name, subject, sum(n for _, n in years), request),
        "years": [{"year": year, "count": n} for year, n in years],
    }


def _operations(kind, detail):
    """How Ninja serves and documents one of the four operations."""
    plural = f"{kind.name}s"
    name = f"{kind.name}_{'detail' if detail else 'list'}"
    return {
        "methods": SAFE,
        "path": f"/{plural}/{{slug}}/" if detail else f"/{plural}/",
        "response": {200: SubjectOut, 400: Error, 404: Error} if detail else SubjectList,
        "url_name": name,
        "operation_id": name,
        "summary": f"One {kind.name} and its articles per year" if detail else f"Every {kind.name} with articles",
        "tags": [plural],
    }


@router.api_operation(**_operations(PERSONS, detail=False))
def person_list(request):
    return _index(request, PERSONS)


@router.api_operation(**_operations(PERSONS, detail=True))
def person_detail(request, slug: str = Path(..., pattern=SLUG, max_length=120)):
    return _detail(request, PERSONS, slug)


@router.api_operation(**_operations(TOPICS, detail=False))
def topic_list(request):
    return _index(request, TOPICS)


@router.api_operation(**_operations(TOPICS, detail=True))
def topic_detail(request, slug: str = Path(..., pattern=SLUG, max_length=120)):
    return _detail(request, TOPICS, slug)
