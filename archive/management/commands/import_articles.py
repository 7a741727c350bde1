import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from archive.importing.loader import import_file, iter_files
from archive.importing.outcomes import REJECTED
from archive.index import changes, store

PROGRESS_EVERY_SECONDS = 5


class Command(BaseCommand):
    help = "Import saved commentary pages (.txt) and archive exports (.jsonl) from files or folders."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, or folders searched for .txt and .jsonl files")

    def handle(self, *args, paths, **options):
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        totals = {"created": 0, "updated": 0, "unchanged": 0}
        files = rejected = 0
        started = last_report = time.monotonic()
        # The index follows once every few seconds and at the end, not after each of thousands of files.
        with changes.deferred():
            for path in iter_files(paths):
                # An export, which may hold the whole archive, is read as a stream from its path.
                data = path if path.suffix.lower() == ".jsonl" else path.read_bytes()
                result = import_file(str(path), data)
                files += 1
                if result.status == REJECTED:
                    rejected += 1
                    where = f":{result.line}" if result.line else ""
                    self.stderr.write(f"rejected {path}{where}: {result.error}")
                for status, count in result.counts.items():
                    totals[status] += count
                if time.monotonic() - last_report > PROGRESS_EVERY_SECONDS:
                    store.catch_up()
                    last_report = time.monotonic()
                    self.stdout.write(
                        f"… {files} files, {sum(totals.values())} articles, {last_report - started:.0f} s"
                    )
        self.stdout.write(
            f"created {totals['created']}, updated {totals['updated']}, unchanged {totals['unchanged']}, "
            f"rejected {rejected} (files read: {files})"
        )
        if rejected:
            sys.exit(1)
