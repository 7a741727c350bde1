import resource
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.importing.folders import CATCH_UP_SECONDS
from archive.importing.loader import import_file
from archive.importing.outcomes import REJECTED
from archive.index import recording, store
from archive.models import Article
from benchmarks import corpora


def rss_mib(kind="RssAnon"):
    """Resident memory in MiB: by default the process's own data. `RssFile` is the read index's files mapped into
    memory: pages of the file system's cache, which follow the index's size on disk and are given back under
    pressure."""
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields[kind].split()[0]) / 1024


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
        """Import as `import_articles` does: the read index follows every few seconds and at the end, and the
        time counted includes it."""
        pages = generator.page_count(articles)
        checkpoints = {round(pages * share / 4) for share in (1, 2, 3)}
        samples, elapsed, last_catch_up = [], 0.0, time.monotonic()
        with recording.deferred():
            for number, (name, data) in enumerate(generator.pages(articles)):
                started = time.perf_counter()
                result = import_file(name, data)
                if time.monotonic() - last_catch_up > CATCH_UP_SECONDS:
                    store.catch_up()
                    last_catch_up = time.monotonic()
                elapsed += time.perf_counter() - started
                if result.status == REJECTED:
                    raise CommandError(f"synthetic page {name} was rejected: {result.error}")
                if number in checkpoints:
                    samples.append(f"{rss_mib():.0f}")
            started = time.perf_counter()
        elapsed += time.perf_counter() - started
        samples.append(f"{rss_mib():.0f}")
        self.stdout.write(
            f"{label}: {articles} articles in {elapsed:.1f} s = {articles / elapsed:,.0f} articles/s; "
            f"resident memory (own data) at 25/50/75/100 %: {' / '.join(samples)} MiB; files mapped at the end "
            f"{rss_mib('RssFile'):.0f} MiB; peak of both {peak_rss_mib():.0f} MiB"
        )
        return elapsed
