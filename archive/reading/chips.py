"""The filters a list applies, each as a chip that links to the list without it."""

from archive.lists.filterset import SORTS

SORT_LABELS = dict(SORTS)


def chips(query, names):
    """(label, url without it) for each applied filter; names maps (kind, slug) to a display name."""
    params = query.params
    found = []
    if "q" in params:
        found.append((f"Search: {params['q']}", query.url(q=None)))
    for kind, label in [("person", "Person"), ("topic", "Topic")]:
        for slug in params.get(kind, []):
            found.append((f"{label}: {names.get((kind, slug), slug)}", query.removing(kind, slug)))
    for name, label in [("date_after", "From"), ("date_before", "To")]:
        if name in params:
            found.append((f"{label} {params[name].isoformat()}", query.url(**{name: None})))
    if "sort" in params:
        found.append((SORT_LABELS[params["sort"]], query.url(sort=None)))
    return found
