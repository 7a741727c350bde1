import os
import sys

from django.core.management.base import BaseCommand, CommandError

from archive.importing.folders import import_paths


class Command(BaseCommand):
    help = "Import saved commentary pages (.txt) and archive exports (.jsonl) from files or folders."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, or folders searched for .txt and .jsonl files")

    def handle(self, *args, paths, **options):
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        totals = import_paths(paths, on_rejected=self.report_rejected, on_progress=self.report_progress)
        counts = totals.articles
        self.stdout.write(
            f"created {counts['created']}, updated {counts['updated']}, unchanged {counts['unchanged']}, "
            f"rejected {totals.rejected} (files read: {totals.files})"
        )
        if totals.rejected:
            sys.exit(1)

    def report_rejected(self, path, result):
        where = f":{result.line}" if result.line else ""
        self.stderr.write(f"rejected {path}{where}: {result.error}")

    def report_progress(self, totals, seconds):
        self.stdout.write(f"… {totals.files} files, {totals.articles.total()} articles, {seconds:.0f} s")
