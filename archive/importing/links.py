"""The similar-article links an import adds: a link seen before keeps the earliest position it was seen at."""

from archive.models import RelatedLink, bulk


def link(lead_id, related_ids, lead_is_new=False):
    """Add lead → related links in page order, and return the ids of the articles newly linked."""
    existing = {} if lead_is_new else {row.related_id: row for row in RelatedLink.objects.filter(lead_id=lead_id)}
    new, seen = [], set()
    for position, related_id in enumerate(related_ids):
        if related_id == lead_id or related_id in seen:
            continue
        seen.add(related_id)
        stored = existing.get(related_id)
        if stored is None:
            new.append((lead_id, related_id, position))
        elif position < stored.position:
            stored.position = position
            stored.save(update_fields=["position"])
    bulk.insert(RelatedLink, ("lead", "related", "position"), new)
    return {related_id for _, related_id, _ in new}


def plan_links(leads):
    """The links to create and those to move up, as `link` would make them for each (lead id, related ids) in turn.

    The same work as `link`, for many leads at once in one query: an export's chunk brings hundreds.
    """
    leads = list(leads)
    stored = {
        (row.lead_id, row.related_id): row
        for row in RelatedLink.objects.filter(lead_id__in={lead_id for lead_id, _ in leads}).order_by()
    }
    new, moved = {}, {}
    for lead_id, related_ids in leads:
        seen = set()
        for position, related_id in enumerate(related_ids):
            key = (lead_id, related_id)
            if related_id == lead_id or related_id in seen:
                continue
            seen.add(related_id)
            row = new.get(key) or stored.get(key)
            if row is None:
                new[key] = RelatedLink(lead_id=lead_id, related_id=related_id, position=position)
            elif position < row.position:
                row.position = position
                if key not in new:
                    moved[key] = row
    return list(new.values()), list(moved.values())
