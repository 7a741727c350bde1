import json

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from archive.models import Person, Topic
from archive.subjects import gazetteer

FIXTURES = settings.BASE_DIR / "fixtures"


class Command(BaseCommand):
    help = (
        "Add the persons and topics of the gazetteer fixtures that the archive lacks. Rows already present are left "
        "exactly as editors keep them, and a person merged into another is not brought back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--persons", default=FIXTURES / "persons.json", help="persons file (JSON list)")
        parser.add_argument("--topics", default=FIXTURES / "topics.json", help="topics file (JSON list)")

    def handle(self, *args, persons, topics, verbosity=1, **options):
        with transaction.atomic():
            added_persons, kept_persons = self.add(Person, "aliases", persons)
            added_topics, kept_topics = self.add(Topic, "terms", topics)
        gazetteer.invalidate()
        if verbosity:
            self.stdout.write(
                f"persons: {added_persons} added, {kept_persons} already present; "
                f"topics: {added_topics} added, {kept_topics} already present"
            )

    def add(self, model, words, path):
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
