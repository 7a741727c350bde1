"""The most one request may cost, each through the public site as a client asks for it (no page cache)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from archive.lists import limits
from archive.models import Article


class Command(BaseCommand):
    help = (
        "Time the requests whose work the archive bounds: a filtered export of every article (one part), the "
        "deepest page relevance ranks, and an OAI-PMH ListRecords of a set; print the time and rows of each."
    )

    def add_arguments(self, parser):
        parser.add_argument("--word", default="the", help="a word most articles hold, for the relevance page")
        parser.add_argument("--set", default="person", help="the OAI-PMH set listed (default: every person's)")

    def handle(self, *args, word, set, **options):
        articles = Article.objects.count()
        if not articles:
            raise CommandError("the archive is empty: fill it with bench_import first")
        self.stdout.write(f"{articles} articles on {connection.vendor}")
        deepest = limits.RELEVANCE_DEPTH // limits.PER_PAGE
        requests = [
            ("filtered export of everything", "/articles/export.csv?date_after=1900-01-01", _csv_rows),
            (f"relevance page {deepest} of “{word}”", f"/articles/?q={word}&page={deepest}", _results),
            (f"ListRecords of set {set}", f"/oai/?verb=ListRecords&metadataPrefix=oai_dc&set={set}", _records),
        ]
        # With DEBUG off, pages name their CSS through the manifest collectstatic writes.
        call_command("collectstatic", interactive=False, verbosity=0)
        with override_settings(ARCHIVE_PAGE_CACHE_SECONDS=0):
            for name, address, rows in requests:
                started = time.perf_counter()
                response = Client().get(address, secure=True)
                body = b"".join(response.streaming_content) if response.streaming else response.content
                seconds = time.perf_counter() - started
                self.stdout.write(f"{name}: {response.status_code}, {rows(body)} rows in {seconds:.2f} s")


def _csv_rows(body):
    return body.count(b"\n") - 1


def _results(body):
    return body.count(b'<article class="item"')


def _records(body):
    return body.count(b"<record>")
