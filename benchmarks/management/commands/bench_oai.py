from django.core.management.base import BaseCommand, CommandError

from archive.models import Article
from benchmarks import in_process

LISTS = [
    ("ListRecords", "/oai/?verb=ListRecords&metadataPrefix=oai_dc"),
    ("ListRecords of a set", "/oai/?verb=ListRecords&metadataPrefix=oai_dc&set=person"),
    ("ListIdentifiers", "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"),
]


class Command(BaseCommand):
    help = (
        "Time OAI-PMH's first page of ListRecords (of the whole archive and of a set) and of ListIdentifiers in "
        "process, with their SQL queries: run it on SQLite and on PostgreSQL in turn to compare the two."
    )

    def add_arguments(self, parser):
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests per list (default 3)")
        parser.add_argument("--runs", type=int, default=30, help="timed requests per list (default 30)")

    def handle(self, *args, warmup, runs, **options):
        if warmup < 1 or runs < 1:
            raise CommandError("--warmup and --runs must be at least 1: queries are counted on a warm-up request")
        if not Article.objects.exists():
            raise CommandError("the archive is empty: fill it with bench_import first")
        for line in in_process.measure(LISTS, warmup, runs):
            self.stdout.write(line)
