import os
import shutil
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings

from archive.models import Article, Person, RelatedLink
from benchmarks.deployment import Deployment
from benchmarks.environment import production_over_http
from benchmarks.wrk import wrk

IN_PROCESS_RUNS = 200


class Command(BaseCommand):
    help = (
        "Measure the article page and a filtered list through the shipped nginx cache against the same nginx "
        "serving saved copies of them as static files, with wrk on 127.0.0.1; then the archive's own cost of "
        "answering a conditional request with 304 beside building the page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
        parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")

    def handle(self, *args, duration, connections, **options):
        for tool in ("wrk", "nginx", "openssl"):
            if not shutil.which(tool):
                raise CommandError(f"{tool} is needed: apt-get install wrk nginx-light openssl")
        targets = self.targets()
        self.stdout.write(
            f"{Article.objects.count():,} articles on {connection.vendor}; nginx (deploy/) in front of gunicorn "
            f"(2 workers); wrk, 1 thread, {connections} connections, {duration} s a row"
        )
        with tempfile.TemporaryDirectory() as folder:
            self.through_nginx(Path(folder), targets, duration, connections)
        self.conditional(targets)

    def targets(self):
        lead = RelatedLink.objects.order_by("pk")
        lead = lead[lead.count() // 2].lead
        person = Person.objects.annotate(n=Count("mentions")).order_by("-n").first()
        year = Article.objects.order_by("-published_date").first().published_date.year - 1
        listed = f"/articles/?person={person.slug}&date_after={year}-01-01&date_before={year}-12-31"
        return {"article page": lead.get_absolute_url(), "filtered list": listed}

    def through_nginx(self, folder, targets, duration, connections):
        env = production_over_http(
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=_database_url(),
            ARCHIVE_INDEX_DIR=str(settings.ARCHIVE_INDEX_DIR),
        )
        with Deployment(folder, env) as deployment:
            base = f"http://127.0.0.1:{deployment.http_port}"
            saved = folder / "static" / "saved"
            saved.mkdir(parents=True)
            rows, ratios = [], []
            for name, path in targets.items():
                body = _fetch(base + path)
                _fetch(base + path)
                copy = saved / f"{name.replace(' ', '-')}.html"
                copy.write_bytes(body)
                cached = wrk(base, path, duration=duration, connections=connections)
                static = wrk(base, f"/static/saved/{copy.name}", duration=duration, connections=connections)
                rows.append((name, path, len(body), cached, static))
                ratios.append(f"{name} {cached[0] / static[0]:.2f}")
        self.stdout.write("| page | URL | bytes | through the cache: req/s, median | static copy: req/s, median |")
        self.stdout.write("| --- | --- | ---: | ---: | ---: |")
        for name, path, size, cached, static in rows:
            self.stdout.write(
                f"| {name} | `{path}` | {size:,} | {cached[0]:,.0f}, {cached[1]:.2f} ms | {static[0]:,.0f}, "
                f"{static[1]:.2f} ms |"
            )
        self.stdout.write("requests/s through the cache / static copy: " + "; ".join(ratios))

    def conditional(self, targets):
        """In process, no page cache: a request whose ETag matches against one that builds the page."""
        self.stdout.write(f"\nthe archive itself, in process, no page cache, median of {IN_PROCESS_RUNS} requests")
        self.stdout.write("| page | full page | 304 for a matching ETag |\n| --- | ---: | ---: |")
        client = Client()
        with override_settings(ARCHIVE_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False):
            for name, path in targets.items():
                etag = client.get(path)["ETag"]
                full = _median_ms(lambda path=path: client.get(path), 200)
                not_modified = _median_ms(lambda path=path, etag=etag: client.get(path, HTTP_IF_NONE_MATCH=etag), 304)
                self.stdout.write(f"| {name} | {full:.2f} ms | {not_modified:.3f} ms |")


def _database_url():
    return os.environ.get("DATABASE_URL") or f"sqlite:///{settings.DATABASES['default']['NAME']}"


def _fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
        return response.read()


def _median_ms(request, status):
    timings = []
    for _ in range(IN_PROCESS_RUNS):
        started = time.perf_counter()
        response = request()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != status:
            raise CommandError(f"expected {status}, got {response.status_code}")
    return statistics.median(timings)
