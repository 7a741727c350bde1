"""The gazetteer's persons and topics as shipped in fixtures/, added to an archive that lacks them."""

import json

from django.db import transaction

from archive.models import Person, Topic
from archive.models.subjects import NAME_FIELDS
from archive.subjects import gazetteer


def load(persons_path, topics_path):
    """Add the persons and topics of the two files that the archive lacks; return (added, kept) for each.

    Rows already present are left exactly as editors keep them, but for the names in other languages they lack,
    which are filled in; a person merged into another is not brought back.
    """
    with transaction.atomic():
        persons = _add_missing(Person, "aliases", persons_path)
        topics = _add_missing(Topic, "terms", topics_path)
    gazetteer.invalidate()
    return persons, topics


def _add_missing(model, words, path):
    with open(path, encoding="utf-8") as stream:
        entries = json.load(stream)
    known = set()
    for slug, name, spellings in model.objects.values_list("slug", "name", words):
        known |= {slug, name.casefold(), *(spelling.casefold() for spelling in spellings)}
    # A merge keeps the merged person's name among the survivor's aliases: that name is known, so it stays merged.
    new = [entry for entry in entries if not {entry["slug"], entry["name"].casefold()} & known]
    model.objects.bulk_create(
        model(
            slug=e["slug"],
            name=e["name"],
            description=e["description"],
            **{words: e[words]},
            **{field: e.get(field, "") for field in NAME_FIELDS.values()},
        )
        for e in new
    )
    _name_in_other_languages(model, entries)
    return len(new), len(entries) - len(new)


def _name_in_other_languages(model, entries):
    """Give rows the names in other languages they lack, as an archive loaded before those were kept does. Each is
    saved on its own, so that the pages and the read index that show its name follow."""
    for field in NAME_FIELDS.values():
        names = {e["slug"]: e[field] for e in entries if e.get(field)}
        for row in model.objects.filter(slug__in=names, **{field: ""}):
            setattr(row, field, names[row.slug])
            row.save(update_fields=[field])
