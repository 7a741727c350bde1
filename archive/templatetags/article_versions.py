"""Template helpers for articles' versions: their addresses, and the moment a text began as <time>."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import gettext

from archive.models.versions import article_route, version_url
from archive.reading.wording import interpolated

register = template.Library()


@register.filter
def versions_route(article, name):
    """`{{ article|versions_route:"version_list" }}`: the address of one of the article's version pages."""
    return article_route(name, article)


@register.simple_tag
def version_address(article, number):
    return version_url(article.published_date, article.slug, number)


@register.simple_tag
def since(moment):
    """A version's moment in Minsk time, to the minute, with the exact instant in UTC for machines."""
    exact = moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return format_html('<time datetime="{}">{}</time>', exact, format_date(timezone.localtime(moment), "j E Y, H:i"))


def text_since(moment):
    """When the article's text as shown began, as the article page says it."""
    return interpolated(gettext("This text since %(since)s"), since=since(moment))
