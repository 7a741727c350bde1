"""Export the archive as JSON Lines, import the export into an empty database, and say how fast and how big.

The import runs as `manage.py import_articles` in a process of its own, pointed at the second database, exactly
as an operator would run it; this command watches that process's resident memory from outside.
"""

import hashlib
import os
import re
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.models import Article

MIB = 2**20
POLL_SECONDS = 0.1
DEFAULT_TARGET = "var/bench-jsonl-target.sqlite3"
TOTALS = re.compile(r"created (\d+), updated (\d+), unchanged (\d+), rejected (\d+)")


class Command(BaseCommand):
    help = (
        "Export this database's articles to a temporary JSON Lines file, import it with import_articles into an "
        "empty database (a fresh SQLite file, or the PostgreSQL database given by --target), and print records "
        "a second and the importing process's resident memory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--target",
            metavar="DATABASE_URL",
            help=f"the empty database to import into, e.g. postgres://postgres@127.0.0.1:5432/jsonl_bench "
            f"(migrated here; default: a fresh SQLite file, {DEFAULT_TARGET})",
        )
        parser.add_argument("--no-verify", action="store_true", help="skip exporting the second database again")

    def handle(self, *args, target=None, no_verify=False, **options):
        articles = Article.objects.count()
        if not articles:
            raise CommandError("this database holds no articles: fill it with `make bench` first")
        with tempfile.TemporaryDirectory(dir=self.scratch()) as scratch:
            scratch = Path(scratch)
            export = scratch / "archive.jsonl"
            started = time.perf_counter()
            call_command("export_articles", output=str(export))
            seconds = time.perf_counter() - started
            size = export.stat().st_size
            self.stdout.write(
                f"export from {connection.vendor}: {articles} articles, {size / MIB:.1f} MiB in {seconds:.1f} s"
            )
            env = self.target_environment(target, scratch)
            self.prepare(env, fresh_sqlite=target is None)
            self.measure_import(export, articles, env)
            if not no_verify:
                self.verify(export, scratch, env)

    def scratch(self):
        folder = Path(settings.BASE_DIR) / "var"
        folder.mkdir(exist_ok=True)
        return folder

    def target_environment(self, target, scratch):
        """The environment of a process working on the second database, with a read index of its own."""
        url = target or f"sqlite:///{Path(settings.BASE_DIR) / DEFAULT_TARGET}"
        return {
            **os.environ,
            "DATABASE_URL": url,
            # As in production, which keeps no query log; the key is a throwaway, since an import signs nothing.
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "ARCHIVE_INDEX_DIR": str(scratch / "index"),
        }

    def prepare(self, env, fresh_sqlite):
        if fresh_sqlite:
            database = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
            if Path(connection.settings_dict["NAME"]).resolve() == database.resolve():
                raise CommandError(f"{database} is the scratch target, which this command empties: export another")
            for path in [database, *database.parent.glob(f"{database.name}-*")]:
                path.unlink(missing_ok=True)
            shutil.rmtree(f"{database}.index", ignore_errors=True)
        self.manage(env, "migrate", "--noinput", "--verbosity", "0")
        count = "from archive.models import Article; print(Article.objects.count())"
        held = int(self.manage(env, "shell", "--verbosity", "0", "-c", count).split()[-1])
        if held:
            raise CommandError(f"the target database already holds {held} articles: it must be empty")

    def manage(self, env, *arguments):
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout

    def measure_import(self, export, articles, env):
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "import_articles", str(export)]
        log = export.with_suffix(".log")
        with open(log, "w") as output:
            started = time.perf_counter()
            process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
            samples, status, usage = watch(process.pid, started, export.resolve())
            seconds = time.perf_counter() - started
        # Reaped by wait4 already: Popen must not wait for it again.
        process.returncode = os.waitstatus_to_exitcode(status)
        output = log.read_text()
        totals = TOTALS.search(output)
        if process.returncode or not totals or int(totals[1]) != articles:
            raise CommandError(f"the import did not create {articles} articles:\n{output}")
        quarters = [rss_at(samples, seconds * share / 4) for share in (1, 2, 3, 4)]
        reading = [(moment, resident) for moment, resident, held in samples if held] or [(0.0, 0)]
        loader_peak = max(resident for _, resident in reading)
        open_for = reading[-1][0] - reading[0][0]
        self.stdout.write(
            f"import into {env['DATABASE_URL'].split(':')[0]}: {articles} records in {seconds:.1f} s = "
            f"{articles / seconds:,.0f} records/s (the export open for {open_for:.1f} s of them); "
            f"resident memory at 25/50/75/100 % of the run: {' / '.join(f'{q / MIB:.0f}' for q in quarters)} MiB; "
            f"peak while reading the export {loader_peak / MIB:.0f} MiB, over the whole run "
            f"{usage.ru_maxrss / 1024:.0f} MiB (the rest is the commit and the read index catching up)"
        )

    def verify(self, export, scratch, env):
        """The round trip the archive promises: the second database exports the same bytes."""
        again = scratch / "again.jsonl"
        self.manage(env, "export_articles", "-o", str(again))
        same = sha256(again) == sha256(export)
        self.stdout.write(f"export of the second database: {'the same bytes' if same else 'DIFFERENT bytes'}")
        if not same:
            raise CommandError("the round trip changed the export")


def watch(pid, started, export):
    """Sample a child's resident memory until it exits; return the samples, its exit status and its usage.

    A sample also says whether the child had the export open: after its last pass over the file, the import
    commits and `import_articles` brings the read index up to date, which is not the loader's memory.
    """
    page = resource.getpagesize()
    samples = []
    while True:
        finished, status, usage = os.wait4(pid, os.WNOHANG)
        if finished:
            return samples, status, usage
        try:
            with open(f"/proc/{pid}/statm") as statm:
                resident = int(statm.read().split()[1]) * page
            samples.append((time.perf_counter() - started, resident, holds_open(pid, export)))
        except (FileNotFoundError, ProcessLookupError):
            pass  # exited between the two looks; the next wait4 reaps it
        time.sleep(POLL_SECONDS)


def holds_open(pid, path):
    folder = f"/proc/{pid}/fd"
    try:
        return any(os.readlink(f"{folder}/{fd}") == str(path) for fd in os.listdir(folder))
    except (FileNotFoundError, ProcessLookupError):
        return False


def rss_at(samples, moment):
    """The resident memory of the last sample taken at or before this moment of the run."""
    return max((sample for sample in samples if sample[0] <= moment), default=samples[0])[1]


def sha256(path):
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
