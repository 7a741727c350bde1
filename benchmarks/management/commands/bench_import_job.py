import tempfile
import time
import zipfile
from pathlib import Path

from django.core.files import File
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.importing import tasks, uploads
from archive.importing.limits import within_batch_limits
from archive.models import Article, ImportJob
from benchmarks import corpora
from benchmarks.importing import peak_rss_mib, rss_mib


class Command(BaseCommand):
    help = (
        "An admin import job of N synthetic pages (shaped like saved pages unless --five-article-pages): a zip of them "
        "checked and staged as the admin's upload is, queued, then run by the import worker in this process; prints "
        "the time of each step and memory."
    )

    def add_arguments(self, parser):
        parser.add_argument("pages", type=int)
        corpora.add_argument(parser)

    def handle(self, *args, pages, five_article_pages=False, **options):
        if Article.objects.exists() or ImportJob.objects.exists():
            raise CommandError("the database already holds articles or jobs: point DATABASE_URL at an empty database")
        generator = corpora.chosen(five_article_pages)
        articles = generator.articles_in(pages)
        with tempfile.TemporaryDirectory() as folder:
            path = self.make_zip(Path(folder) / "pages.zip", generator.first_pages(pages))
            started = time.perf_counter()
            with open(path, "rb") as handle:
                part = uploads.part_of(File(handle, name=path.name))
                within_batch_limits([part])
                job = tasks.queue(uploads.stage([part]), None, path.name)
            staged = time.perf_counter() - started
            size = path.stat().st_size / 2**20
        started = time.perf_counter()
        call_command("import_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
        ran = time.perf_counter() - started
        job.refresh_from_db()
        if (job.status, job.files_done, job.files_rejected, job.created) != (ImportJob.Status.DONE, pages, 0, articles):
            raise CommandError(
                f"the job ended {job.status} at {job.files_done} of {pages}, {job.files_rejected} rejected, "
                f"{job.created} of {articles} articles created"
            )
        self.stdout.write(
            f"{pages} pages ({articles} articles, a zip of {size:.1f} MiB) on {connection.vendor}: checked and staged "
            f"in {staged:.1f} s; the job in {ran:.1f} s = {pages / ran:,.0f} pages/s, {job.created / ran:,.0f} "
            f"articles/s; resident memory (own data) at the end {rss_mib():.0f} MiB, peak {peak_rss_mib():.0f} MiB"
        )

    def make_zip(self, path, pages):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in pages:
                archive.writestr(name, data)
        return path
