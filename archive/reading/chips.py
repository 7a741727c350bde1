"""The filters a list applies, each as a chip that links to the list without it."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from archive.lists.filterset import SORTS

SORT_LABELS = dict(SORTS)


def chips(query, names):
    """(label, url without it) for each applied filter; names maps (kind, slug) to a display name."""
    params = query.params
    found = []
    if "q" in params:
        found.append((_("Search: %(words)s") % {"words": params["q"]}, query.url(q=None)))
    for kind, label in [("person", _("Person: %(name)s")), ("topic", _("Topic: %(name)s"))]:
        for slug in params.get(kind, []):
            found.append((label % {"name": names.get((kind, slug), slug)}, query.removing(kind, slug)))
    for name, label in [
        ("date_after", pgettext("a list's dates", "From %(day)s")),
        ("date_before", pgettext("a list's dates", "To %(day)s")),
    ]:
        if name in params:
            found.append((label % {"day": params[name].isoformat()}, query.url(**{name: None})))
    if "sort" in params:
        found.append((SORT_LABELS[params["sort"]], query.url(sort=None)))
    return found
