import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from archive.models import Article, Person, RelatedLink

BENCH_SETTINGS = "archive.benchmarks.settings"
# Words found in most articles of the synthetic corpus: the worst case for ranking and counting facets.
COMMON_WORDS = ["sanctions", "parliament reform", "Statkevich", "Лукашенко", "energy border", '"security dialogue"']
RARE_QUERIES = 6
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
        "Measure requests per second of the article page, a filtered list and a search under gunicorn, against a "
        "page of the same size made without the database, with wrk on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
        parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")

    def handle(self, *args, duration, connections, workers, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is needed to generate the load: apt-get install wrk")
        targets = self.targets()
        env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS}
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
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
        """A lead article from the middle of the archive, a year of one person's articles, and two sets of searches:
        the last word of titles spread over the archive (in the synthetic corpus, a number found in one title),
        and words found in most articles."""
        links = RelatedLink.objects.order_by("pk")
        if not links.exists():
            raise CommandError("no article lists similar ones: run bench_import to make a corpus with leads")
        lead = links.select_related("lead")[links.count() // 2].lead
        year = lead.published_date.year
        query = {"date_after": f"{year}-01-01", "date_before": f"{year}-12-31"}
        person = Person.objects.annotate(n=Count("mentions")).order_by("-n", "slug").first()
        if person is not None:
            query["person"] = person.slug
        return {
            "article": lead.get_absolute_url(),
            "list": "/articles/?" + urlencode(query),
            "rare searches": [search_url(word) for word in rare_words()],
            "common searches": [search_url(words) for words in COMMON_WORDS],
        }

    def measure(self, base, targets, duration, connections, workers):
        sizes = {name: page_size(base + targets[name]) for name in ("article", "list")}
        for url in targets["rare searches"] + targets["common searches"]:
            page_size(base + url)

        def rate(path):
            return wrk(base, path, duration=duration, connections=connections)

        rows = []
        for name, label in (("article", "article page"), ("list", "filtered list")):
            rows.append((label, f"`{targets[name]}`", f"{sizes[name]:,}", rate(targets[name])))
            floor = f"/benchmark/minimal/{sizes[name]}/"
            rows.append(("minimal page of the same size", f"`{floor}`", f"{sizes[name]:,}", rate(floor)))
        for name in ("rare searches", "common searches"):
            paths = targets[name]
            queries = ", ".join(parse_qs(urlsplit(path).query)["q"][0] for path in paths)
            measured = wrk(base, paths[0], duration=duration, connections=1, paths=paths)
            rows.append((f"{name}, 1 connection, in turn", queries, "", measured))

        self.stdout.write(
            f"{Article.objects.count():,} articles; gunicorn, {workers} workers, DJANGO_DEBUG=0; "
            f"wrk, 1 thread, {connections} connections (searches: 1), {duration} s a row"
        )
        self.stdout.write("| page | URL or queries | bytes | requests/s | median latency |")
        self.stdout.write("| --- | --- | ---: | ---: | ---: |")
        for label, what, size, (rps, median) in rows:
            self.stdout.write(f"| {label} | {what} | {size} | {rps:,.1f} | {median:,.1f} ms |")
        self.stdout.write(
            f"article page / minimal page: {rows[0][3][0] / rows[1][3][0]:.2f}; "
            f"filtered list / minimal page: {rows[2][3][0] / rows[3][3][0]:.2f}; "
            f"search median: {rows[4][3][1]:,.1f} ms (rare words), {rows[5][3][1]:,.1f} ms (common words)"
        )


def rare_words():
    titles = Article.objects.order_by("pk").values_list("title", flat=True)
    total = titles.count()
    return [titles[total * index // RARE_QUERIES].split()[-1] for index in range(RARE_QUERIES)]


def search_url(text):
    return "/articles/?" + urlencode({"q": text})


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    with urllib.request.urlopen(url, timeout=30) as response:
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
