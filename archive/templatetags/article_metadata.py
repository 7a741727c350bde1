from django import template

from archive.research.metadata import ArticleMetadata
from archive.templatetags.article_cards import drawn

register = template.Library()


@register.simple_tag(takes_context=True)
def article_head(context, article, version=None):
    """`{% article_head article version %}`: the head's citation, Dublin Core and Open Graph metadata and the
    JSON-LD, drawn by Jinja2 (archive/jinja2/archive/article_head.html): a line for each person and topic."""
    return drawn("archive/article_head.html", meta=ArticleMetadata(article, context["request"], version))


@register.simple_tag(takes_context=True)
def article_cite(context, article, version=None):
    """`{% article_cite article version %}`: the article's citation and its downloads, drawn by Jinja2."""
    return cite_markup(context["request"], article, version)


def cite_markup(request, article, version=None):
    return drawn("archive/article_cite.html", meta=ArticleMetadata(article, request, version))
