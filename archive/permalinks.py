"""How a permanent article URL resolves: the article that holds it now, or the one that held it before."""

import datetime

from django.http import Http404

from archive.models import Article, SlugRedirect


def resolve(year, month, day, slug, queryset=None):
    """Return (article, moved): moved is True when the slug is a former one of the article.

    Raises Http404 for an impossible date or a slug no article has ever had on that day.
    """
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise Http404("No such date") from None
    article = (queryset if queryset is not None else Article.objects).filter(published_date=date, slug=slug).first()
    if article is not None:
        return article, False
    former = SlugRedirect.objects.select_related("article").filter(published_date=date, old_slug=slug).first()
    if former is None:
        raise Http404("No such article")
    return former.article, True
