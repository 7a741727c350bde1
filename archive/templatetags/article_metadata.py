from django import template

from archive.metadata import ArticleMetadata

register = template.Library()


@register.simple_tag(takes_context=True)
def article_metadata(context, article):
    """`{% article_metadata article as meta %}`: what the head and the citation block say about the article."""
    return ArticleMetadata(article, context["request"])
