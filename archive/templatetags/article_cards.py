from django import template
from django.template import engines
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from archive.reading import kept_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def article_card(context, item, level=2, full=False, coins=False, title=None, snippet=None):
    """`{% article_card item level=3 %}`: an article (or its card) as a list shows it: the summary cut to 45 words
    unless `full`, a COinS span with `coins`, a search's highlighted `title` and `snippet` in place of its own."""
    return _card(context["request"], translation.get_language(), item, level, full, coins, title, snippet)


def results_markup(request, results, level=2, coins=False):
    """A list's (item, title, snippet) results as cards, a line each, as `article_card` draws them; a search's title
    and snippet highlighted. The twenty cards of a page in one call rather than twenty."""
    interface = translation.get_language()
    return mark_safe(
        "".join(
            f"{_card(request, interface, item, level, False, coins, title, snippet)}\n"
            for item, title, snippet in results
        )
    )


def cards_markup(request, items, level=2, full=False, coins=False):
    """Articles (or their cards) as cards, a line each."""
    interface = translation.get_language()
    return mark_safe("".join(f"{_card(request, interface, item, level, full, coins, None, None)}\n" for item in items))


def _card(request, interface, item, level, full, coins, title, snippet):
    values = {"item": item, "level": level, "full": full, "coins": coins, "title": title, "snippet": snippet}
    # The interface's language, asked for once: each of the card's links and names depends on it.
    values["interface"] = interface
    stamp = getattr(item, "stamp", None)
    searched = title is not None or snippet is not None
    if not stamp or (searched and not (title and snippet)):
        # A model instance has no stamp.
        return drawn("archive/card.html", values, request=request)
    # The COinS span writes the article's absolute address: the scheme and host are part of the card.
    key = (stamp, interface, level, full, coins, request.scheme, request.get_host())
    if not searched:
        return kept_cards.cards.get(key, lambda: drawn("archive/card.html", values, request=request))
    # A search's highlighted title and snippet are the search's own: the card is kept around them.
    marked = {**values, "title": _TITLE, "snippet": _SNIPPET}
    before, between, after = kept_cards.cards.get(
        (*key, "searched"), lambda: _around(drawn("archive/card.html", marked, request=request))
    )
    return mark_safe(f"{before}{title}{between}{snippet}{after}")


# Where a search's title and snippet go in a card drawn around them: markup, so written as they are.
_TITLE, _SNIPPET = mark_safe("\x00title\x00"), mark_safe("\x00snippet\x00")


def _around(card):
    before, rest = card.split(_TITLE)
    between, after = rest.split(_SNIPPET)
    return before, between, after


@register.simple_tag(takes_context=True)
def article_main(context):
    """`{% article_main %}`: the article page's main part, kept under all it is drawn from (`page_key`)."""
    return kept_cards.pages.get(page_key(context, "main"), lambda: drawn_page(context, "archive/article_main.html"))


def page_key(context, part):
    """What a part of the article page is drawn from: the article's row as it last changed, the digests of its own
    card and of every card the page shows, the interface's language, the host its citation names and the day it
    says the page was read."""
    request, article = context["request"], context["article"]
    shown = [*context["related"], *context["listed_under"], *context["suggested"], *context["counterparts"]]
    shown += [card for card in (context["previous"], context["next"]) if card is not None]
    return (
        part,
        article.pk,
        article.updated_at,
        article.version_count,
        article.text_since,
        context["stamp"],
        tuple(card.stamp for card in shown),
        translation.get_language(),
        request.scheme,
        request.get_host(),
        timezone.localdate(),
    )


@register.simple_tag(takes_context=True)
def drawn_page(context, name):
    """`{% drawn_page "archive/….html" %}`: a Jinja2 template of archive/jinja2/ drawn with the page's context."""
    return drawn(name, context.flatten(), interface=translation.get_language())


@register.simple_tag(takes_context=True)
def list_results(context, pagination, empty=None):
    """`{% list_results pagination empty %}`: a page of a list's cards, with its pagination; `empty` says what
    an empty list shows."""
    return drawn(
        "archive/results.html",
        request=context["request"],
        articles=pagination.articles,
        pagination=pagination,
        empty=empty,
    )


@register.simple_tag
def bar_chart(chart, id):
    """`{% bar_chart chart "per-year" %}`: a chart (`archive.reading.charts`) as SVG, with its figures as a table."""
    return drawn("archive/chart.html", chart=chart, id=id)


@register.simple_tag
def article_subjects(article):
    """`{% article_subjects article %}`: the article page's lists of its persons and topics, a link each."""
    return drawn("archive/article_subjects.html", article=article, interface=translation.get_language())


def drawn(name, *args, **values):
    """A Jinja2 template of archive/jinja2/ rendered, as markup: every value it writes is escaped by its environment
    (archive.templating)."""
    return mark_safe(engines["jinja2"].env.get_template(name).render(*args, **values))
