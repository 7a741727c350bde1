from django.core.management.base import BaseCommand

from benchmarks import in_process, versions


class Command(BaseCommand):
    help = (
        "On a corpus bench_import made: give one article in ten 2 to 5 versions, time the article and version "
        "pages in process, then an import of pages that change stored texts against pages that change none."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=200, help="pages of each kind to import (default 200)")
        parser.add_argument("--runs", type=int, default=15, help="timed requests per page in process (default 15)")

    def handle(self, *args, pages, runs, **options):
        self.stdout.write(f"{versions.give_histories():,} articles with earlier versions")
        for line in in_process.measure(versions.pages(), 3, runs):
            self.stdout.write(line)
        costs = versions.import_costs(pages)
        unchanged = costs["unchanged"]
        for label, cost in costs.items():
            self.stdout.write(f"import of a one-article page, {label}: {cost:.2f} ms ({cost / unchanged - 1:+.0%})")
