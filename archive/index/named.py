"""The persons and topics a page shows, with the counts the index gave them or as a list's chosen filters. A list's
facets and chips, the home page and a person's page name the same few again and again, and their names change
only with the archive's generation: so their rows are read once a generation, and each page is given instances of
its own to set its counts on."""

from django.db import connection

from archive.index import lookup
from archive.models.subjects import NAME_FIELDS

# In the order of the models' fields, as `Model.from_db` reads them.
FIELDS = ("id", "slug", "name", *NAME_FIELDS.values(), "description")


def counted(model, counts, limit=None, exclude=()):
    """Persons or topics (`model`) with `count` set from the index's (slug, count) pairs, most first then by name;
    `limit` of them, or all. One query, for the subjects that make the cut (ties at the cut included), unless
    the same were read in this generation."""
    found = [(slug, n) for slug, n in counts if slug not in exclude]
    if limit is not None and len(found) > limit:
        cutoff = found[limit - 1][1]
        found = [(slug, n) for slug, n in found if n >= cutoff]
    numbers = dict(found)
    subjects = with_slugs(model, numbers)
    for subject in subjects:
        subject.count = numbers[subject.slug]
    subjects.sort(key=lambda subject: (-subject.count, subject.name))
    return subjects[:limit]


def with_slugs(model, slugs):
    """Instances of these persons or topics (`model`), made from the rows this generation read of them."""
    rows = lookup.kept(
        ("named", model._meta.label, *sorted(slugs)),
        lambda: list(model.objects.filter(slug__in=slugs).values_list(*FIELDS)),
    )
    return [model.from_db(connection.alias, FIELDS, row) for row in rows]
