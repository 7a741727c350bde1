"""Date archives: a year with its months, a month with its days, each listing its articles in time order."""

import calendar
import datetime

from django.db.models import Count
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive.models import Article
from archive.views.lists import Pagination, page_urls, with_subjects


def year_counts(articles):
    """[(year, count)] newest year first."""
    return _counts(articles, ExtractYear, "-part")


def _counts(articles, extract, order):
    rows = (
        articles.order_by()
        .annotate(part=extract("published_date"))
        .values("part")
        .annotate(count=Count("pk"))
        .order_by(order)
        .values_list("part", "count")
    )
    return list(rows)


@require_safe
def year_archive(request, year):
    articles = Article.objects.filter(published_date__year=year)
    months = _counts(articles, ExtractMonth, "part")
    if not months:
        raise Http404("No articles in this year")
    path = reverse("archive:year_archive", kwargs={"year": year})
    return render(
        request,
        "archive/year_archive.html",
        {
            "year": year,
            "months": [(datetime.date(year, month, 1), count, _month_url(year, month)) for month, count in months],
            "pagination": Pagination(request, with_subjects(articles.chronological()), page_urls(path)),
            "previous": _year_beside(year, later=False),
            "next": _year_beside(year, later=True),
        },
    )


@require_safe
def month_archive(request, year, month):
    if not 1 <= month <= 12:
        raise Http404("No such month")
    first = datetime.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    articles = Article.objects.filter(published_date__range=(first, last))
    days = _counts(articles, ExtractDay, "part")
    if not days:
        raise Http404("No articles in this month")
    return render(
        request,
        "archive/month_archive.html",
        {
            "month": first,
            "days": [(first.replace(day=day), count) for day, count in days],
            "year_url": reverse("archive:year_archive", kwargs={"year": year}),
            "pagination": Pagination(
                request, with_subjects(articles.chronological()), page_urls(_month_url(year, month))
            ),
            "previous": _month_beside(first, later=False),
            "next": _month_beside(last, later=True),
        },
    )


def _month_url(year, month):
    return reverse("archive:month_archive", kwargs={"year": year, "month": month})


def _year_beside(year, *, later):
    articles = Article.objects.only("published_date")
    if later:
        found = articles.filter(published_date__year__gt=year).order_by("published_date").first()
    else:
        found = articles.filter(published_date__year__lt=year).order_by("-published_date").first()
    if found is None:
        return None
    return found.published_date.year, reverse("archive:year_archive", kwargs={"year": found.published_date.year})


def _month_beside(day, *, later):
    articles = Article.objects.only("published_date")
    if later:
        found = articles.filter(published_date__gt=day).order_by("published_date").first()
    else:
        found = articles.filter(published_date__lt=day).order_by("-published_date").first()
    if found is None:
        return None
    d = found.published_date
    return d.replace(day=1), _month_url(d.year, d.month)
