from django.core.management.base import BaseCommand

from archive.subjects import curation


class Command(BaseCommand):
    help = (
        "Tag every article again with the current gazetteer and report what changed. Persons and topics that "
        "editors confirmed, added or rejected are kept as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        articles, counts = curation.retag_archive(
            dry_run=dry_run, on_change=(lambda change: self.stdout.write(str(change))) if verbosity > 1 else None
        )
        self.stdout.write(
            f"{'dry run, nothing saved: ' if dry_run else ''}{articles} articles; "
            f"persons +{counts['person', True]} -{counts['person', False]}; "
            f"topics +{counts['topic', True]} -{counts['topic', False]}"
        )
