import json

from django.core.management.base import BaseCommand, CommandError

from archive.models import Article
from benchmarks import importing, saved_pages


class Command(BaseCommand):
    help = (
        "Import saved pages and print one line of JSON: how many articles they added, in how many seconds, and the "
        "process's memory. Either the corpus's first N articles, into an empty archive, or the pages that follow a "
        "corpus of --after articles shown with --shift and --date-shift (an archive grown by copies, "
        "`benchmarks.copies`). `bench_growth` runs it in a process of its own, so that its memory is the "
        "import's alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--first", type=int, help="the corpus's first N articles")
        parser.add_argument("--after", type=int, help="the pages after a corpus of this many articles")
        parser.add_argument("--shift", type=int, default=0, help="with --after: titles numbered this much later")
        parser.add_argument("--date-shift", type=int, help="with --after: dated as articles this much later")
        parser.add_argument("--pages", type=int, default=2000, help="with --after: how many pages (default 2000)")

    def handle(self, *args, first, after, shift, date_shift, pages, **options):
        if (first is None) == (after is None):
            raise CommandError("give either --first or --after")
        before = Article.objects.count()
        if first is not None:
            if before:
                raise CommandError("the database already holds articles: point DATABASE_URL at an empty database")
            made, count = saved_pages.pages(first), saved_pages.page_count(first)
        else:
            made, _ = saved_pages.pages_after(after, 0, pages, shift, date_shift)
            count = len(made)
        timed = importing.run(made, count)
        added = Article.objects.count() - before
        self.stdout.write(
            json.dumps(
                {
                    "pages": count,
                    "articles": added,
                    "seconds": round(timed.seconds, 2),
                    "own_mib": [round(mib) for mib in timed.samples],
                    "mapped_mib": round(timed.mapped_mib),
                    "peak_mib": round(timed.peak_mib),
                    "own_peak_mib": round(timed.own_peak_mib),
                    "mapped_peak_mib": round(timed.mapped_peak_mib),
                }
            )
        )
