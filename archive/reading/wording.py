"""The sentences that carry values of the pages drawn by Jinja2, written as `{% blocktranslate %}` writes them (the
values escaped, the translation not): the catalogue's messages are found here, in Python."""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext


def interpolated(message, **values):
    return mark_safe(message % {name: conditional_escape(value) for name, value in values.items()})


def heading(words):
    """The list's heading: the search's words, or "Articles"."""
    if words:
        return interpolated(gettext("Search: “%(words)s”"), words=words)
    return gettext("Articles")


def count_line(paginator, number):
    """How many articles the list has, and which of its pages this is when it has more than one."""
    line = interpolated(
        ngettext("%(counter)s article", "%(counter)s articles", paginator.count), counter=paginator.count
    )
    if paginator.num_pages > 1:
        page = interpolated(gettext("page %(number)s of %(pages)s"), number=number, pages=paginator.num_pages)
        line = mark_safe(f"{line}, {page}")
    return line


def left_out(label, error):
    """A malformed filter's explanation."""
    return interpolated(gettext("%(label)s: %(error)s It was left out."), label=label, error=error)


def not_in_archive(kind, slug):
    """A person's or topic's that the archive does not have."""
    if kind == "person":
        return interpolated(gettext("The archive has no person “%(slug)s”, so no article matches."), slug=slug)
    return interpolated(gettext("The archive has no topic “%(slug)s”, so no article matches."), slug=slug)


def as_table(title):
    """The heading of a chart's figures, shown as a table."""
    return interpolated(gettext("%(title)s as a table"), title=title)
