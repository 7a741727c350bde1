import resource
import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from archive.index import documents, store, suggestions
from archive.models import Article
from benchmarks import stories, story_archive


class Command(BaseCommand):
    help = (
        "What the archive's own suggestions cost: the read index's whole rebuild and, within it, the suggestions "
        "(the articles read from the database once more, and worked out), timed in turn; with --generated N, the "
        "suggestions of N articles made in memory with stories, a large vocabulary and many persons; with --fill N, "
        "an empty database filled with N such articles first, so that the rebuild works out their suggestions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=3, help="rebuilds and suggestion passes, in turn")
        parser.add_argument("--generated", type=int, default=0, help="time N generated articles instead")
        parser.add_argument("--fill", type=int, default=0, help="first write N generated articles to the database")

    def handle(self, *args, runs, generated, fill, **options):
        if fill:
            if Article.objects.exists():
                raise CommandError("the database already holds articles: point DATABASE_URL at an empty database")
            started = time.perf_counter()
            written = story_archive.fill(fill)
            self.stdout.write(f"{written} generated articles written in {time.perf_counter() - started:.1f} s")
        if generated:
            self.generated(generated)
        else:
            self.archive(runs)
        self.stdout.write(
            f"peak resident set of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )

    def archive(self, runs):
        articles = Article.objects.count()
        if not articles:
            raise CommandError("the archive is empty: fill it with bench_import first")
        rebuilds, passes = [], []
        for _ in range(runs):
            started = time.perf_counter()
            store.rebuild()
            rebuilds.append(time.perf_counter() - started)
            started = time.perf_counter()
            found = suggestions.of_archive(documents.all_rows())
            passes.append(time.perf_counter() - started)
        rebuild, alone = statistics.median(rebuilds), statistics.median(passes)
        self.stdout.write(
            f"{articles} articles, median of {runs}: rebuild_index {rebuild:.1f} s, of which suggestions "
            f"{alone:.1f} s ({alone / articles * 1000:.2f} ms an article); {len(found.suggested)} articles with "
            f"suggestions, {len(found.counterparts)} with a counterpart"
        )

    def generated(self, total):
        rows = list(stories.rows(total))
        started = time.perf_counter()
        found = suggestions.of_archive(rows)
        seconds = time.perf_counter() - started
        shown = sum(len(chosen) for chosen in found.suggested.values())
        self.stdout.write(
            f"{total} generated articles: suggestions in {seconds:.1f} s ({seconds / total * 1000:.2f} ms an "
            f"article), {shown / total:.1f} suggested an article, {len(found.counterparts)} with a counterpart"
        )
