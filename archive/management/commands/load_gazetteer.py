from django.conf import settings
from django.core.management.base import BaseCommand

from archive.subjects import fixtures

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
        (added_persons, kept_persons), (added_topics, kept_topics) = fixtures.load(persons, topics)
        if verbosity:
            self.stdout.write(
                f"persons: {added_persons} added, {kept_persons} already present; "
                f"topics: {added_topics} added, {kept_topics} already present"
            )
