import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from archive.benchmarks.deployment import free_port
from archive.benchmarks.environment import production_over_http
from archive.models import Article, Person, RelatedLink, Topic

BENCH_SETTINGS = "archive.benchmarks.settings"
# Words found in most articles of the synthetic corpus: the worst case for ranking and counting facets.
COMMON_WORDS = ["sanctions", "parliament reform", "Statkevich", "Лукашенко", "energy border", '"security dialogue"']
RARE_QUERIES = 6
# Each measured under wrk beside a minimal page of its own size, made in the same run on the same server.
WRK_PAGES = [
    ("article", "article page"),
    ("list", "filtered list"),
    ("home", "home page"),
    ("person", "person's page"),
    ("search", "search"),
]
_REQUESTS_PER_SECOND = re.compile(r"Requests/sec:\s+([\d.]+)")
_MEDIAN = re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
# Cycles through the search queries so that no single query's pages sit warm in the database's cache.
ROTATE_LUA = """paths = {%s}
i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


class Command(BaseCommand):
    help = (
        "Measure the median time each public page type takes in process, with its SQL queries, then requests per "
        "second of the article page, a filtered list, the home page, a person's page and searches under gunicorn, "
        "against pages of the same size made without the database, with wrk on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per wrk measurement (default 10)")
        parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page in process (default 3)")
        parser.add_argument("--runs", type=int, default=15, help="timed requests per page in process (default 15)")
        parser.add_argument("--in-process-only", action="store_true", help="skip gunicorn and wrk")
        parser.add_argument(
            "--no-page-cache", action="store_true", help="under gunicorn too, build every page for every request"
        )

    def handle(self, *args, duration, connections, workers, warmup, runs, in_process_only, no_page_cache, **options):
        if warmup < 1 or runs < 1:
            raise CommandError("--warmup and --runs must be at least 1: queries are counted on a warm-up request")
        # Checked first so that a missing wrk does not surface only after minutes of in-process measurement.
        if not in_process_only and not shutil.which("wrk"):
            raise CommandError("wrk is needed to generate the load: apt-get install wrk (or pass --in-process-only)")
        targets = self.targets()
        env = production_over_http(DJANGO_SETTINGS_MODULE=BENCH_SETTINGS)
        # Before either measurement: with DEBUG off, pages name their CSS through the manifest collectstatic writes.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        self.measure_in_process(targets["pages"], warmup, runs)
        if in_process_only:
            return
        self.stdout.write("")
        # The server runs as deployed, each worker keeping whole pages in its own memory, unless told otherwise.
        self.page_cache = "off" if no_page_cache else f"{settings.ARCHIVE_PAGE_CACHE_SECONDS} s"
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
            wait_until_up(base + "/benchmark/minimal/1/")
            self.measure(base, targets, duration, connections, workers)
        finally:
            server.terminate()
            server.wait(timeout=30)

    def targets(self):
        """Every public page type, for the in-process table, and what wrk loads: a lead article from the middle of
        the archive, a year of the most written-about person's articles, that person's page, a search for a common
        word, and two sets of searches: the last word of titles spread over the archive (in the synthetic corpus, a
        number found in one title), and words found in most articles."""
        links = RelatedLink.objects.order_by("pk")
        if not links.exists():
            raise CommandError("no article lists similar ones: run bench_import to make a corpus with leads")
        lead = links.select_related("lead")[links.count() // 2].lead
        person = Person.objects.annotate(n=Count("mentions")).order_by("-n", "slug").first()
        topic = Topic.objects.annotate(n=Count("article_topics")).order_by("-n", "slug").first()
        if person is None or topic is None:
            raise CommandError("no person or topic: run load_gazetteer before bench_import so that articles are tagged")
        day = lead.published_date
        rare = rare_words()
        pages = [
            ("home", "/"),
            ("all articles", list_url()),
            ("a person's articles", list_url(person=person.slug)),
            (
                "… over 18 months",
                list_url(person=person.slug, date_after=f"{day.year}-01-01", date_before=f"{day.year + 1}-06-30"),
            ),
            ("… on a topic", list_url(person=person.slug, topic=topic.slug)),
            ("all articles, oldest first", list_url(sort="oldest")),
            ("search, a common word", list_url(q="sanctions")),
            ("search, a rare word", list_url(q=rare[len(rare) // 2])),
            ("search, a common word, newest first", list_url(q="sanctions", sort="newest")),
            ("people", reverse("archive:person_list")),
            ("a person", person.get_absolute_url()),
            ("a topic", topic.get_absolute_url()),
            ("a year", reverse("archive:year_archive", kwargs={"year": day.year})),
            ("a month", reverse("archive:month_archive", kwargs={"year": day.year, "month": day.month})),
            ("an article (a lead with similar items)", lead.get_absolute_url()),
            ("Atom feed", reverse("archive:articles_feed")),
            ("sitemap", reverse("archive:sitemap")),
        ]
        return {
            "pages": pages,
            "article": lead.get_absolute_url(),
            "list": list_url(person=person.slug, date_after=f"{day.year}-01-01", date_before=f"{day.year}-12-31"),
            "home": "/",
            "person": person.get_absolute_url(),
            "search": list_url(q="sanctions"),
            "rare searches": [list_url(q=word) for word in rare],
            "common searches": [list_url(q=words) for words in COMMON_WORDS],
        }

    def measure_in_process(self, pages, warmup, runs):
        """Median time of each page through Django's WSGI handler: no HTTP server, no page cache.

        The handler rather than the test client, so that the database connection is opened and closed around each
        request as under gunicorn (with SQLite's CONN_MAX_AGE of 0, every request opens its own).
        """
        rows = []
        with override_settings(ARCHIVE_PAGE_CACHE_SECONDS=0, SECURE_SSL_REDIRECT=False):
            handler = WSGIHandler()
            for label, url in pages:
                for _ in range(warmup - 1):
                    call(handler, url)
                # Counted on the last warm-up request, not a timed one: recording the SQL has a cost of its own.
                with CaptureQueriesContext(connection) as queries:
                    size = len(call(handler, url))
                # Taken now: the next request's request_started signal empties the log the capture reads from.
                count = len(queries)
                timings = []
                for _ in range(runs):
                    started = time.perf_counter()
                    call(handler, url)
                    timings.append((time.perf_counter() - started) * 1000)
                rows.append((label, url, size, count, timings))
        self.stdout.write(
            f"{Article.objects.count():,} articles on {connection.vendor}; in process through Django's WSGI handler "
            f"(no HTTP server), ARCHIVE_PAGE_CACHE_SECONDS=0, DEBUG={settings.DEBUG}; "
            f"{warmup} warm-up and {runs} timed requests a page"
        )
        self.stdout.write("| page | URL | bytes | SQL queries | median | fastest | slowest |")
        self.stdout.write("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for label, url, size, count, timings in rows:
            self.stdout.write(
                f"| {label} | `{url}` | {size:,} | {count} | {statistics.median(timings):,.1f} ms "
                f"| {min(timings):,.1f} ms | {max(timings):,.1f} ms |"
            )

    def measure(self, base, targets, duration, connections, workers):
        sizes = {name: page_size(base + targets[name]) for name, _ in WRK_PAGES}
        for url in targets["rare searches"] + targets["common searches"]:
            page_size(base + url)

        def rate(path):
            # A short run first, so that every worker has opened the index and made its caches before timing.
            wrk(base, path, duration=2, connections=connections)
            return wrk(base, path, duration=duration, connections=connections)

        rows, ratios = [], []
        for name, label in WRK_PAGES:
            floor = f"/benchmark/minimal/{sizes[name]}/"
            page, minimal = rate(targets[name]), rate(floor)
            rows.append((label, f"`{targets[name]}`", f"{sizes[name]:,}", page))
            rows.append(("minimal page of the same size", f"`{floor}`", f"{sizes[name]:,}", minimal))
            ratios.append(f"{label} / minimal page: {page[0] / minimal[0]:.3g}")
        searches = {}
        for name in ("rare searches", "common searches"):
            paths = targets[name]
            queries = ", ".join(parse_qs(urlsplit(path).query)["q"][0] for path in paths)
            searches[name] = wrk(base, paths[0], duration=duration, connections=1, paths=paths)
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


def rare_words():
    titles = Article.objects.order_by("pk").values_list("title", flat=True)
    total = titles.count()
    return [titles[total * index // RARE_QUERIES].split()[-1] for index in range(RARE_QUERIES)]


def list_url(**params):
    return "/articles/" + (f"?{urlencode(params)}" if params else "")


def call(handler, url):
    """The page's body, from the handler as a WSGI server would call it; anything but a 200 stops the benchmark."""
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    statuses = []
    response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(response)
    finally:
        # Closing is what sends request_finished, which closes or keeps the database connection.
        response.close()
    if not statuses[0].startswith("200"):
        raise CommandError(f"{url} answered {statuses[0]}")
    return body


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise CommandError(f"gunicorn did not answer {url} within {timeout} s") from None
            time.sleep(0.2)


def page_size(url):
    """The page's size in bytes, after checking that it answers 200 (which also warms it up)."""
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
        return len(response.read())


def wrk(base, path, *, duration, connections, paths=None):
    """Requests per second and median latency in milliseconds of one wrk run against 127.0.0.1."""
    with tempfile.TemporaryDirectory() as folder:
        command = ["wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{duration}s"]
        command += ["--latency", "--timeout", "60s"]
        if paths:
            script = Path(folder) / "rotate.lua"
            script.write_text(ROTATE_LUA % ", ".join(lua_string(p) for p in paths))
            command += ["--script", str(script)]
        run = subprocess.run([*command, base + path], capture_output=True, text=True, check=True)
    if "Non-2xx" in run.stdout or "Socket errors" in run.stdout:
        raise CommandError(f"errors while measuring {path}:\n{run.stdout}")
    rps = float(_REQUESTS_PER_SECOND.search(run.stdout)[1])
    value, unit = _MEDIAN.search(run.stdout).groups()
    return rps, float(value) * _UNIT_MS[unit]


def lua_string(text):
    return '"' + "".join(f"\\{byte:03d}" for byte in text.encode()) + '"'
