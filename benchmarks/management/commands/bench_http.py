import os
import shutil
import statistics
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.models import Article
from benchmarks import in_process, pages, rotations, wrk
from benchmarks.deployment import free_port
from benchmarks.environment import production_over_http

BENCH_SETTINGS = "benchmarks.settings"
# Each measured under wrk beside a minimal page of its own size, made in the same run on the same server.
WRK_PAGES = [
    ("article", "article page"),
    ("list", "filtered list"),
    ("home", "home page"),
    ("person", "person's page"),
    ("search", "search"),
]


# Each wrk's connections taking the next address of its list in turn, every address once before any twice.
ROTATIONS = [
    ("articles", "{count:,} article pages"),
    ("lists", "{count:,} list variants"),
    ("searches", "{count:,} searches"),
]


class Command(BaseCommand):
    help = (
        "Measure the median time each public page type takes in process, with its SQL queries, then requests per "
        "second of the article page, a filtered list, the home page, a person's page and searches under gunicorn, "
        "then of 10,000 article pages, 1,000 list variants and 1,000 searches in turn, against pages of the same "
        "size made without the database, with wrk on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per wrk measurement (default 10)")
        parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page in process (default 3)")
        parser.add_argument("--runs", type=int, default=15, help="timed requests per page in process (default 15)")
        parser.add_argument("--in-process-only", action="store_true", help="skip gunicorn and wrk")
        parser.add_argument(
            "--in-each-language",
            action="store_true",
            help="in process only: each reader's page in English and in Russian (/ru/), timed in turn",
        )
        parser.add_argument(
            "--no-page-cache", action="store_true", help="under gunicorn too, build every page for every request"
        )

    def handle(self, *args, duration, connections, workers, warmup, runs, in_process_only, no_page_cache, **options):
        in_process_only = in_process_only or options["in_each_language"]
        if warmup < 1 or runs < 1:
            raise CommandError("--warmup and --runs must be at least 1: queries are counted on a warm-up request")
        # Checked first so that a missing wrk does not surface only after minutes of in-process measurement.
        if not in_process_only and not shutil.which("wrk"):
            raise CommandError("wrk is needed to generate the load: apt-get install wrk (or pass --in-process-only)")
        targets = pages.targets()
        self.rotations = rotations.rotations()
        env = production_over_http(DJANGO_SETTINGS_MODULE=BENCH_SETTINGS)
        # Before either measurement: with DEBUG off, pages name their CSS through the manifest collectstatic writes.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        if options["in_each_language"]:
            lines = in_process.measure_in_each_language(pages.reader_pages(targets), warmup, runs)
        else:
            lines = in_process.measure(targets["pages"], warmup, runs)
        for line in lines:
            self.stdout.write(line)
        if in_process_only:
            return
        self.stdout.write("")
        # The server runs as deployed, keeping whole pages (in Redis with REDIS_URL, else in each worker's memory),
        # unless told otherwise; pages another database's run left in Redis are removed first.
        cache.clear()
        shared = "Redis" if os.environ.get("REDIS_URL") else "each worker's memory"
        self.page_cache = "off" if no_page_cache else f"{settings.ARCHIVE_PAGE_CACHE_SECONDS} s, in {shared}"
        if no_page_cache:
            env["ARCHIVE_PAGE_CACHE_SECONDS"] = "0"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "archive.wsgi:application"),
                *("--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"),
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )
        try:
            wrk.wait_until_up(base + "/benchmark/minimal/1/")
            self.measure(base, targets, duration, connections, workers)
        finally:
            server.terminate()
            server.wait(timeout=30)

    def measure(self, base, targets, duration, connections, workers):
        sizes = {name: wrk.page_size(base + targets[name]) for name, _ in WRK_PAGES}
        for url in targets["rare searches"] + targets["common searches"]:
            wrk.page_size(base + url)

        def rate(path):
            # A short run first, so that every worker has opened the index and made its caches before timing.
            wrk.wrk(base, path, duration=2, connections=connections)
            return wrk.wrk(base, path, duration=duration, connections=connections)

        rows, ratios = [], []
        for name, label in WRK_PAGES:
            floor = f"/benchmark/minimal/{sizes[name]}/"
            page, minimal = rate(targets[name]), rate(floor)
            rows.append((label, f"`{targets[name]}`", f"{sizes[name]:,}", page))
            rows.append(("minimal page of the same size", f"`{floor}`", f"{sizes[name]:,}", minimal))
            ratios.append(f"{label} / minimal page: {page[0] / minimal[0]:.3g}")
        self.rotate(base, duration, connections, rate, rows, ratios)
        searches = {}
        for name in ("rare searches", "common searches"):
            paths = targets[name]
            queries = ", ".join(parse_qs(urlsplit(path).query)["q"][0] for path in paths)
            searches[name] = wrk.wrk(base, paths[0], duration=duration, connections=1, paths=paths)
            rows.append((f"{name}, 1 connection, in turn", queries, "", searches[name]))

        self.stdout.write(
            f"{Article.objects.count():,} articles on {connection.vendor}; gunicorn, {workers} workers, "
            f"DJANGO_DEBUG=0, page cache {self.page_cache}; wrk, 1 thread, {connections} connections (searches in "
            f"turn: 1), {duration} s a row after 2 s of warm-up"
        )
        self.stdout.write("| page | URL or queries | bytes | requests/s | median latency |")
        self.stdout.write("| --- | --- | ---: | ---: | ---: |")
        for label, what, size, (rps, median) in rows:
            self.stdout.write(f"| {label} | {what} | {size} | {rps:,.1f} | {median:,.1f} ms |")
        self.stdout.write("requests/s, " + "; ".join(ratios))
        self.stdout.write(
            f"search median: {searches['rare searches'][1]:,.1f} ms (rare words), "
            f"{searches['common searches'][1]:,.1f} ms (common words)"
        )

    def rotate(self, base, duration, connections, rate, rows, ratios):
        """Each rotation under wrk, beside a minimal page of its pages' median size, into `rows` and `ratios`.

        With the page cache on, every address is asked for once first, as readers and crawlers would have before:
        the run then measures the cache as deployed (REDIS_URL, shared by the workers), which holds them all; a
        cache of each worker's own keeps only the 2,000 pages it served last. Off, the run starts cold."""
        for name, label in ROTATIONS:
            paths = self.rotations[name]
            label = label.format(count=len(paths))
            if self.page_cache != "off":
                for path in paths:
                    wrk.page_size(base + path)
            size = int(statistics.median(wrk.page_size(base + path) for path in paths[:: max(len(paths) // 40, 1)]))
            floor = f"/benchmark/minimal/{size}/"
            page = wrk.wrk(base, paths[0], duration=duration, connections=connections, paths=paths)
            minimal = rate(floor)
            rows.append((label, "in turn", f"{size:,} (median)", page))
            rows.append(("minimal page of the same size", f"`{floor}`", f"{size:,}", minimal))
            ratios.append(f"{label} / minimal page: {page[0] / minimal[0]:.3g}")
