import resource
import time
import tracemalloc

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory

from archive.lists import limits
from archive.models import Article
from archive.research import exports

MIB = 2**20
VIEWS = {"csv": exports.export_csv, "jsonl": exports.export_jsonl}


def streamed(view):
    """The export's body exactly as a client would receive it, piece by piece."""
    # A filter every article passes: the whole archive unfiltered is served from a file made once per generation.
    return view(RequestFactory().get("/articles/export", {"date_after": "0001-01-01"})).streaming_content


class Command(BaseCommand):
    help = (
        "Export every article as the streamed CSV and JSON Lines downloads: rows a second, "
        "then the memory held while streaming, traced at each quarter of the export."
    )

    def handle(self, *args, **options):
        articles = Article.objects.count()
        if not articles:
            raise CommandError("the archive is empty: fill it with bench_import first")
        self.stdout.write(f"{articles} articles on {connection.vendor}")
        # Streaming is measured over every article in one response: a request answers one part of them otherwise.
        limits.EXPORT_ROWS = articles
        for name, view in VIEWS.items():
            seconds, size, lines = self.timed(view)
            if name == "jsonl" and lines != articles:
                raise CommandError(f"the JSON Lines export has {lines} lines for {articles} articles")
            quarters, peak = self.traced(view, size)
            self.stdout.write(
                f"{name}: {articles} rows, {size / MIB:.1f} MiB in {seconds:.1f} s = {articles / seconds:,.0f} rows/s; "
                f"memory held at 25/50/75/100%: {'/'.join(f'{q / MIB:.1f}' for q in quarters)} MiB, "
                f"peak {peak / MIB:.1f} MiB"
            )
        self.stdout.write(
            f"peak resident set of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )

    def timed(self, view):
        started = time.perf_counter()
        size = lines = 0
        for piece in streamed(view):
            size += len(piece)
            lines += piece.count(b"\n")
        return time.perf_counter() - started, size, lines

    def traced(self, view, size):
        """Trace allocations in a second pass: tracing slows Python down too much to time the same run."""
        marks = [size * share // 4 for share in (1, 2, 3, 4)]
        quarters, sent = [], 0
        tracemalloc.start()
        try:
            for piece in streamed(view):
                sent += len(piece)
                while marks and sent >= marks[0]:
                    marks.pop(0)
                    quarters.append(tracemalloc.get_traced_memory()[0])
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return quarters, peak
