from collections import Counter

from django.core.management.base import BaseCommand

from archive import curation, tagging
from archive.models import Article, UnknownName
from archive.transactions import tentative

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Tag every article again with the current gazetteer and report what changed. Persons and topics that "
        "editors confirmed, added or rejected are kept as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        counts, articles = Counter(), 0
        with tentative(keep=not dry_run):
            # Counts of unknown names are rebuilt from the whole archive; dismissed names stay dismissed.
            UnknownName.objects.update(count=0)
            for chunk in self.chunks():
                articles += len(chunk)
                changes = tagging.tag(chunk)
                for change in changes:
                    counts[change.kind, change.added] += 1
                    if verbosity > 1:
                        self.stdout.write(str(change))
                curation.articles_changed({change.article.pk for change in changes})
            UnknownName.objects.filter(count=0, dismissed=False).delete()
        self.stdout.write(
            f"{'dry run, nothing saved: ' if dry_run else ''}{articles} articles; "
            f"persons +{counts['person', True]} -{counts['person', False]}; "
            f"topics +{counts['topic', True]} -{counts['topic', False]}"
        )

    def chunks(self):
        articles = Article.objects.only("pk", "title", "body", "photo_caption").order_by("pk")
        last = 0
        while chunk := list(articles.filter(pk__gt=last)[:CHUNK]):
            yield chunk
            last = chunk[-1].pk
