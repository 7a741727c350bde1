"""The home page: the latest lead commentaries, the persons and topics most written about, the years."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.index.listing import IndexedArticles
from archive.index.query import Filters
from archive.models import Person, Topic
from archive.views.dates import year_counts
from archive.views.lists import counted

LATEST = 10
MOST = 10
EVERYTHING = Filters()


@require_safe
def home(request):
    return render(
        request,
        "archive/home.html",
        {
            "latest": IndexedArticles(Filters(leads_only=True))[:LATEST],
            "persons": counted(Person, "person", EVERYTHING, limit=MOST),
            "topics": counted(Topic, "topic", EVERYTHING, limit=MOST),
            "years": year_counts(),
        },
    )
