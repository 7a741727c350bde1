from django import template
from django.template import engines
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def article_card(context, item, level=2, full=False, coins=False, title=None, snippet=None):
    """`{% article_card item level=3 %}`: an article (or its card) as a list shows it: the summary cut to 45 words
    unless `full`, a COinS span with `coins`, a search's highlighted `title` and `snippet` in place of its own."""
    values = {"item": item, "level": level, "full": full, "coins": coins, "title": title, "snippet": snippet}
    # The interface's language, asked for once: each of the card's links and names depends on it.
    values["interface"] = translation.get_language()
    return drawn("archive/card.html", values, request=context["request"])


@register.simple_tag
def article_subjects(article):
    """`{% article_subjects article %}`: the article page's lists of its persons and topics, a link each."""
    return drawn("archive/article_subjects.html", article=article, interface=translation.get_language())


def drawn(name, *args, **values):
    """A Jinja2 template of archive/jinja2/ rendered, as markup: every value it writes is escaped by its environment
    (archive.templating)."""
    return mark_safe(engines["jinja2"].env.get_template(name).render(*args, **values))
