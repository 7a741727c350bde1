"""Date archives: a year with its months, a month with its days, each listing its articles in time order."""

import calendar
import datetime

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from archive.index import filters, lookup, schema
from archive.index.lookup import EVERY
from archive.index.results import IndexedArticles
from archive.lists import paging
from archive.reading.pagination import Pagination, page_urls

EVERYTHING = filters.Filters()


def year_counts():
    """[(year, count)] of the whole archive, newest year first."""
    return sorted(lookup.counts(EVERYTHING, {"year": EVERY})["year"], reverse=True)


def _in(first, last):
    return filters.Filters(date_after=first, date_before=last)


def year_archive(request, year):
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    months = sorted(lookup.counts(_in(first, last), {"month": 12})["month"])
    if not months:
        raise Http404("No articles in this year")
    path = reverse("archive:year_archive", kwargs={"year": year})
    years = [found for found, _ in year_counts()]
    return render(
        request,
        "archive/year_archive.html",
        {
            "year": year,
            "months": [
                (datetime.date(year, number % 100, 1), count, _month_url(year, number % 100))
                for number, count in months
            ],
            "pagination": Pagination(
                paging.from_request(request), IndexedArticles(_in(first, last), lookup.OLDEST), page_urls(path)
            ),
            "previous": _beside(years, year, later=False, url=_year_url),
            "next": _beside(years, year, later=True, url=_year_url),
        },
    )


def month_archive(request, year, month):
    if not 1 <= month <= 12:
        raise Http404("No such month")
    first = datetime.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    days = sorted(lookup.counts(_in(first, last), {"date": 31})["date"])
    if not days:
        raise Http404("No articles in this month")
    months = [schema.parse_month(number) for number, _ in lookup.counts(EVERYTHING, {"month": EVERY})["month"]]
    return render(
        request,
        "archive/month_archive.html",
        {
            "month": first,
            "days": [(schema.parse_day(number), count) for number, count in days],
            "year_url": _year_url(year),
            "pagination": Pagination(
                paging.from_request(request),
                IndexedArticles(_in(first, last), lookup.OLDEST),
                page_urls(_month_url(year, month)),
            ),
            "previous": _beside(months, first, later=False, url=lambda m: _month_url(m.year, m.month)),
            "next": _beside(months, first, later=True, url=lambda m: _month_url(m.year, m.month)),
        },
    )


def _year_url(year):
    return reverse("archive:year_archive", kwargs={"year": year})


def _month_url(year, month):
    return reverse("archive:month_archive", kwargs={"year": year, "month": month})


def _beside(values, value, *, later, url):
    """(the nearest value before or after this one, its URL), or None at either end."""
    found = (
        min((v for v in values if v > value), default=None)
        if later
        else max((v for v in values if v < value), default=None)
    )
    return None if found is None else (found, url(found))
