"""The home page: the latest lead commentaries, the persons and topics most written about, the years."""

from django.shortcuts import render

from archive.index import lookup, named
from archive.index.filters import Filters
from archive.index.lookup import EVERY, SUBJECT_COUNTS
from archive.index.results import IndexedArticles
from archive.models import Person, Topic

LATEST = 10
MOST = 10
EVERYTHING = Filters()


def home(request):
    found = lookup.counts(EVERYTHING, {**SUBJECT_COUNTS, "year": EVERY})
    return render(
        request,
        "archive/home.html",
        {
            "latest": IndexedArticles(Filters(leads_only=True))[:LATEST],
            "persons": named.counted(Person, found["persons"], limit=MOST),
            "topics": named.counted(Topic, found["topics"], limit=MOST),
            "years": sorted(found["year"], reverse=True),
        },
    )
