"""The home page: the latest lead commentaries, the persons and topics most written about, the years."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.models import Article, Person, Topic
from archive.views.dates import year_counts
from archive.views.lists import counted, with_subjects

LATEST = 10
MOST = 10


@require_safe
def home(request):
    return render(
        request,
        "archive/home.html",
        {
            "latest": with_subjects(Article.objects.leads().newest_first())[:LATEST],
            "persons": counted(Person.objects.all(), "mentions").order_by("-count", "name")[:MOST],
            "topics": counted(Topic.objects.all(), "article_topics").order_by("-count", "name")[:MOST],
            "years": year_counts(Article.objects.all()),
        },
    )
