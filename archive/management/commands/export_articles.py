from django.core.management.base import BaseCommand

from archive.importing import jsonl
from archive.models import Article


class Command(BaseCommand):
    help = "Export every article as JSON Lines, ordered by publication date, then URL."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="file to write (standard output when omitted)")

    def handle(self, *args, output=None, **options):
        if output:
            with open(output, "w", encoding="utf-8", newline="\n") as stream:
                self.write_records(stream)
        else:
            self.write_records(self.stdout)

    def write_records(self, stream):
        for record in jsonl.iter_records(Article.objects.chronological(), hidden=True):
            stream.write(jsonl.dumps(record) + "\n")
