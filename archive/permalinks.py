"""How a permanent article URL resolves: the article that holds it now, or the one that held it before."""

import datetime
import functools

from django.db import connection
from django.urls import Resolver404
from django.urls import resolve as resolve_path

from archive.models import Article, SlugRedirect


def resolve(year, month, day, slug, queryset=None):
    """Return (article, moved): moved is True when the slug is a former one of the article.

    Raises Article.DoesNotExist for an impossible date or a slug no article has ever had on that day.
    """
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise Article.DoesNotExist(f"No day {year}-{month}-{day}") from None
    if queryset is None:
        params = [connection.ops.adapt_datefield_value(date), slug]
        article = next(iter(Article.objects.raw(_holder_sql(connection.vendor), params)), None)
    else:
        article = queryset.filter(published_date=date, slug=slug).first()
    if article is not None:
        return article, False
    former = SlugRedirect.objects.select_related("article").filter(published_date=date, old_slug=slug).first()
    if former is None:
        raise Article.DoesNotExist(f"No article {slug} on {date}")
    return former.article, True


@functools.cache
def _holder_sql(vendor):
    """The ORM's SQL for the article at a day and slug, written once for each database: every article page asks
    it, and building it again each time took twice as long as the database took to answer it."""
    sql, _ = Article.objects.filter(published_date=datetime.date.min, slug="")[:1].query.sql_with_params()
    return sql


ARTICLE_ROUTE = "archive:article_detail"


def address(path):
    """The (date, slug) an article's path names, read by the site's own route; None for any other path and for
    a day the calendar lacks."""
    try:
        match = resolve_path(path)
    except Resolver404:
        return None
    if match.view_name != ARTICLE_ROUTE:
        return None
    try:
        return datetime.date(match.kwargs["year"], match.kwargs["month"], match.kwargs["day"]), match.kwargs["slug"]
    except ValueError:
        return None


def article_ids(paths):
    """The id of the article each path leads to, as a visit finds it, for many paths at once; others are left out."""
    keys = {path: key for path in paths if (key := address(path)) is not None}
    ids = holders(keys.values())
    return {path: ids[key] for path, key in keys.items() if key in ids}


def holders(keys):
    """The id of the article at each (date, slug) as `resolve` finds it, for many at once in at most two queries.

    A key no article has ever had is left out.
    """
    keys = set(keys)
    days, slugs = {date for date, _ in keys}, {slug for _, slug in keys}
    found = Article.objects.filter(published_date__in=days, slug__in=slugs).values_list("published_date", "slug", "pk")
    ids = {(date, slug): pk for date, slug, pk in found if (date, slug) in keys}
    former = keys - ids.keys()
    if former:
        moved = SlugRedirect.objects.filter(
            published_date__in={date for date, _ in former}, old_slug__in={slug for _, slug in former}
        ).values_list("published_date", "old_slug", "article_id")
        ids |= {(date, slug): pk for date, slug, pk in moved if (date, slug) in former}
    return ids
