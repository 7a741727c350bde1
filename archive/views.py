"""Public pages of the archive. They only read: GET and HEAD."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from archive.models import Article


@require_safe
def home(request):
    return render(request, "archive/home.html", {"articles": Article.objects.newest_first()[:50]})


@require_safe
def article_detail(request, year, month, day, slug):
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise Http404("No such date") from None
    article = get_object_or_404(Article, published_date=date, slug=slug)
    return render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "related": [link.related for link in article.related_links.select_related("related").order_by("position")],
            "listed_under": [link.lead for link in article.listed_links.select_related("lead")],
        },
    )
