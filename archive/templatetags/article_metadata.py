from django import template
from django.utils.html import format_html

from archive.research.coins import context_object
from archive.research.metadata import ArticleMetadata
from archive.serving.languages import permanent_addresses

register = template.Library()


@register.simple_tag(takes_context=True)
def article_metadata(context, article, version=None):
    """`{% article_metadata article as meta %}`: what the head and the citation block say about the article;
    `{% article_metadata article version as meta %}` for one version's page."""
    return ArticleMetadata(article, context["request"], version)


@register.simple_tag(takes_context=True)
def coins(context, article):
    """`{% coins item %}`: the article as a COinS span, which reference managers read; it shows nothing, and
    assistive technology is told to skip it so that its title is never read out."""
    with permanent_addresses():
        url = context["request"].build_absolute_uri(article.get_absolute_url())
    return format_html('<span class="Z3988" title="{}" aria-hidden="true"></span>', context_object(article, url))
