import json

from django.conf import settings
from django.core.management.base import BaseCommand

from archive.models import Person
from archive.subjects import gazetteer

PASSAGES = settings.BASE_DIR / "fixtures" / "tagging" / "passages.json"


class Command(BaseCommand):
    help = "Measure person tagging on labelled passages: precision and recall against the current gazetteer."

    def add_arguments(self, parser):
        parser.add_argument("passages", nargs="?", default=PASSAGES, help="JSON list of {text, persons: [slug...]}")

    def handle(self, *args, passages, verbosity=1, **options):
        with open(passages, encoding="utf-8") as stream:
            labelled = json.load(stream)
        known = gazetteer.current()
        slugs = dict(Person.objects.values_list("pk", "slug"))
        expected_total = found_total = right_total = 0
        for number, passage in enumerate(labelled, start=1):
            expected = set(passage["persons"])
            found = {slugs[pk] for pk in known.scan(body=passage["text"]).persons}
            expected_total, found_total = expected_total + len(expected), found_total + len(found)
            right_total += len(expected & found)
            if verbosity > 1 and found != expected:
                missed, wrong = sorted(expected - found), sorted(found - expected)
                self.stdout.write(f"passage {number}: missed {missed}, wrongly found {wrong}")
        precision = right_total / found_total if found_total else 1.0
        recall = right_total / expected_total if expected_total else 1.0
        self.stdout.write(
            f"{len(labelled)} passages, {expected_total} persons labelled, {found_total} found, {right_total} right: "
            f"precision {precision:.3f}, recall {recall:.3f}"
        )
