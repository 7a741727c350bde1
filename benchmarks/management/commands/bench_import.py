from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.models import Article
from benchmarks import corpora, importing


class Command(BaseCommand):
    help = (
        "Import N synthetic articles in pages shaped like saved pages (a lead and up to three similar items, some "
        "seen on earlier pages), then import them again."
    )

    def add_arguments(self, parser):
        parser.add_argument("articles", type=int)
        parser.add_argument("--no-reimport", action="store_true", help="skip the second, unchanged import")
        corpora.add_argument(parser)

    def handle(self, *args, articles, no_reimport=False, five_article_pages=False, **options):
        if Article.objects.exists():
            raise CommandError("the database already holds articles: point DATABASE_URL at an empty database")
        generator = corpora.chosen(five_article_pages)
        first = self.run_import(generator, articles, "first import")
        stored = Article.objects.count()
        if stored != articles:
            raise CommandError(f"expected {articles} articles, the archive holds {stored}")
        if not no_reimport:
            again = self.run_import(generator, articles, "re-import of unchanged files")
            self.stdout.write(f"re-import speed-up: {first / again:.1f}x")
        if connection.vendor == "postgresql":
            # What autovacuum does to tables grown this much, done at once: a server run without it (as some
            # development machines are) keeps its planner's guesses for empty tables, which read every row of a
            # table for the pages' look-ups of a hundred (OAI-PMH's ListRecords took 311 ms instead of 48–63 ms).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def run_import(self, generator, articles, label):
        timed = importing.run(generator.pages(articles), generator.page_count(articles))
        self.stdout.write(
            f"{label}: {articles} articles in {timed.seconds:.1f} s = {articles / timed.seconds:,.0f} articles/s; "
            f"resident memory (own data) at 25/50/75/100 %: {' / '.join(f'{mib:.0f}' for mib in timed.samples)} "
            f"MiB; files mapped at the end {timed.mapped_mib:.0f} MiB; peak of both {timed.peak_mib:.0f} MiB"
        )
        return timed.seconds
