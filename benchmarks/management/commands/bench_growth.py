import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse

from archive.index import store
from archive.models import Article, Person
from benchmarks import copies, growth_figures, in_process, pages
from benchmarks.environment import production_over_http

SIZES = "10080,100800,1008000"
OAI = ("OAI-PMH ListRecords", "/oai/?verb=ListRecords&metadataPrefix=oai_dc")


class Command(BaseCommand):
    help = (
        "How every cost grows with the archive: import a base of saved pages, then at each size (the base, then "
        "copies of it, `benchmarks.copies`) rebuild the read index, time every public page type in process, note "
        "the sizes of the database and the index, and import the pages that would come next in a process of its "
        "own. Prints a table and writes the figures as JSON for `bench_growth_chart`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default=SIZES, help=f"articles, comma-separated (default {SIZES})")
        parser.add_argument("--batch-pages", type=int, default=2000, help="pages imported at each size (2000)")
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page (default 3)")
        parser.add_argument("--runs", type=int, default=10, help="timed requests per page (default 10)")
        parser.add_argument("--output", type=Path, help="the JSON file (default var/growth-<database>.json)")
        parser.add_argument("--time-pages", action="store_true", help="only time the pages and print them as JSON")

    def handle(self, *args, sizes, batch_pages, warmup, runs, output, time_pages, **options):
        if time_pages:
            self.stdout.write(json.dumps(self.pages(warmup, runs)))
            return
        sizes = [int(size) for size in sizes.split(",")]
        if Article.objects.exists():
            raise CommandError("the database already holds articles: point DATABASE_URL at an empty database")
        if sizes != sorted(sizes) or any(size % sizes[0] for size in sizes) or sizes[0] % copies.STEP:
            raise CommandError(f"sizes must grow, each a multiple of the first, itself a multiple of {copies.STEP}")
        output = output or Path(settings.BASE_DIR) / "var" / f"growth-{connection.vendor}.json"
        if not Person.objects.exists():
            call_command("load_gazetteer", verbosity=0)
        self.env = production_over_http(DJANGO_SETTINGS_MODULE="benchmarks.settings")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        figures = {"database": connection.vendor, "batch_pages": batch_pages, "runs": runs, "sizes": []}
        base_import = self.import_pages("--first", str(sizes[0]))
        self.say(f"base: {base_import['articles']:,} articles imported in {base_import['seconds']} s")
        base = copies.Base(sizes[0])
        for size in sizes:
            started = time.perf_counter()
            base.grow_to(size)
            grown = time.perf_counter() - started
            self.say(f"{size:,} articles ({grown:.0f} s of copies); rebuilding the read index")
            figure = {"articles": size, "copies_seconds": round(grown, 1), "rebuild": self.rebuild()}
            figure["database_bytes"], figure["index_bytes"] = database_bytes(), folder_bytes(store.folder())
            self.say(f"rebuilt in {figure['rebuild']['seconds']} s; timing the pages")
            figure["pages"] = self.timed_apart(warmup, runs)
            figure["import"] = self.import_next(base, batch_pages, last=size == sizes[-1])
            if size == sizes[0]:
                figure["base_import"] = base_import
            figures["sizes"].append(figure)
            output.write_text(json.dumps(figures, indent=1) + "\n")
            self.say(f"{size:,} articles done: {output}")
        for line in growth_figures.table(figures):
            self.stdout.write(line)

    def say(self, message):
        self.stdout.write(message)
        self.stdout.flush()

    def manage(self, *args, env=None, capture=False):
        """A command of this project in a process of its own; its own peak resident memory comes back with it."""
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env={**self.env, **(env or {})},
            stdout=subprocess.PIPE if capture else None,
        )
        out = process.stdout.read() if capture else b""
        # wait4 rather than wait: the child's own resource usage, its peak resident memory among it.
        _, status, usage = os.wait4(process.pid, 0)
        if code := os.waitstatus_to_exitcode(status):
            raise CommandError(f"manage.py {' '.join(args)} ended with {code}")
        return out.decode(), round(usage.ru_maxrss / 1024)

    def rebuild(self):
        connection.close()
        started = time.perf_counter()
        _, peak = self.manage("rebuild_index")
        return {"seconds": round(time.perf_counter() - started, 1), "peak_mib": peak}

    def import_pages(self, *args, env=None):
        out, peak = self.manage("bench_import_pages", *args, env=env, capture=True)
        figures = json.loads(out.strip().splitlines()[-1])
        # The peak of the whole process as the kernel saw it, which counts the index's files mapped into memory.
        figures["process_peak_mib"] = peak
        return figures

    def import_next(self, base, count, last):
        """Import the pages that would follow: into this archive at the last size, else into a copy of it made for
        the purpose, so that the next size grows from the archive as the copies made it."""
        shift, date_shift = base.next_shifts()
        args = ("--after", str(base.articles), "--shift", str(shift), "--date-shift", str(date_shift))
        args = (*args, "--pages", str(count))
        if last:
            return self.import_pages(*args)
        with scratch_copy() as env:
            return self.import_pages(*args, env=env)

    def timed_apart(self, warmup, runs):
        """The pages timed in a process of its own, as a server's worker would serve them: in this one, which made
        the copies, a person's list at a million took 20 ms, in a new process 6 ms."""
        connection.close()
        out, _ = self.manage("bench_growth", "--time-pages", "--warmup", str(warmup), "--runs", str(runs), capture=True)
        return json.loads(out.strip().splitlines()[-1])

    def pages(self, warmup, runs):
        targets = pages.targets()
        listed = [*targets["pages"], OAI, ("API list", reverse("api:article_list"))]
        rows = in_process.timed(listed, warmup, runs)
        return [
            {
                "page": label,
                "url": url,
                "bytes": size,
                "queries": queries,
                "median_ms": round(statistics.median(timings), 2),
            }
            for label, url, size, queries, timings in rows
        ]


class scratch_copy:
    """The database and its read index copied whole, named in the environment a command needs to use them; both
    are removed afterwards."""

    def __enter__(self):
        connection.close()
        database = settings.DATABASES["default"]
        self.index = Path(f"{store.folder()}-scratch")
        shutil.copytree(store.folder(), self.index, symlinks=True)
        if connection.vendor == "sqlite":
            self.path = Path(f"{database['NAME']}-scratch")
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            shutil.copyfile(database["NAME"], self.path)
            url = f"sqlite:///{self.path}"
        else:
            self.name = f"{database['NAME']}_scratch"
            self._sql(f"CREATE DATABASE {self.name} TEMPLATE {database['NAME']}")
            url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{self.name}").geturl()
        return {"DATABASE_URL": url, "ARCHIVE_INDEX_DIR": str(self.index)}

    def __exit__(self, *exc_info):
        shutil.rmtree(self.index)
        if connection.vendor == "sqlite":
            for path in self.path.parent.glob(f"{self.path.name}*"):
                path.unlink()
        else:
            self._sql(f"DROP DATABASE {self.name}")

    def _sql(self, statement):
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(statement)


def database_bytes():
    if connection.vendor == "sqlite":
        name = Path(settings.DATABASES["default"]["NAME"])
        return sum(path.stat().st_size for path in name.parent.glob(f"{name.name}*") if path.is_file())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def folder_bytes(folder):
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file() and not path.is_symlink())
