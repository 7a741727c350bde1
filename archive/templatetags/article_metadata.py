from django import template

from archive.reading import kept_cards
from archive.research.metadata import ArticleMetadata
from archive.templatetags.article_cards import drawn, page_key

register = template.Library()


@register.simple_tag(takes_context=True)
def article_head(context, article, version=None):
    """`{% article_head article version %}`: the head's citation, Dublin Core and Open Graph metadata and the
    JSON-LD, drawn by Jinja2 (archive/jinja2/archive/article_head.html): a line for each person and topic. The
    article page's is kept with its main part (`article_cards.page_key`); a version page's is drawn each time."""
    request = context["request"]

    def head():
        return drawn("archive/article_head.html", meta=ArticleMetadata(article, request, version))

    # Only the article page has the digest of its card to keep the head under; a version page has none.
    if "stamp" not in context:
        return head()
    return kept_cards.pages.get(page_key(context, "head"), head)


@register.simple_tag(takes_context=True)
def article_cite(context, article, version=None):
    """`{% article_cite article version %}`: the article's citation and its downloads, drawn by Jinja2."""
    return cite_markup(context["request"], article, version)


def cite_markup(request, article, version=None):
    return drawn("archive/article_cite.html", meta=ArticleMetadata(article, request, version))
