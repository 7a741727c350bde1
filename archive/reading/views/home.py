"""The home page: the latest lead commentaries, the persons and topics most written about, the years."""

from django.shortcuts import render

from archive.index import lookup
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
            "persons": Person.objects.counted(found["persons"], limit=MOST),
            "topics": Topic.objects.counted(found["topics"], limit=MOST),
            "years": sorted(found["year"], reverse=True),
        },
    )
