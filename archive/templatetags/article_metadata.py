from django import template

from archive.research.metadata import ArticleMetadata

register = template.Library()


@register.simple_tag(takes_context=True)
def article_metadata(context, article, version=None):
    """`{% article_metadata article as meta %}`: what the head and the citation block say about the article;
    `{% article_metadata article version as meta %}` for one version's page."""
    return ArticleMetadata(article, context["request"], version)
