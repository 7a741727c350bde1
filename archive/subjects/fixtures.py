"""The gazetteer's persons and topics as shipped in fixtures/, added to an archive that lacks them."""

import json

from django.db import transaction

from archive.models import Person, Topic
from archive.subjects import gazetteer


def load(persons_path, topics_path):
    """Add the persons and topics of the two files that the archive lacks; return (added, kept) for each.

    Rows already present are left exactly as editors keep them, and a person merged into another is not
    brought back.
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
        model(slug=e["slug"], name=e["name"], description=e["description"], **{words: e[words]}) for e in new
    )
    return len(new), len(entries) - len(new)
