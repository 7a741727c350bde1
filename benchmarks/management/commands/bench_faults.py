import os
import signal
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.models import Count

from archive.models import PUBLIC_DECISIONS, Article, Mention
from benchmarks import corpora, faults
from benchmarks.readers import Readers
from benchmarks.services import Cluster, Redis

ARTICLES_READ = 40
PERSONS_READ = 5
STEADY_SECONDS = 10
# What gunicorn's output says of the faults: workers lost, the index found damaged and made again, 503s, errors.
LOGGED = [
    "was sent SIGKILL",
    "was sent SIGBUS",
    "is damaged (",
    "has a whole build again",
    "could not be rebuilt",
    "The read index could not answer",
    "The database could not answer",
    "Internal Server Error",
    "Traceback",
]


class Command(BaseCommand):
    help = (
        "Fault runs against the deployment (deploy/) over a copy of the archive DATABASE_URL names (PostgreSQL) in a "
        "private cluster: a gunicorn worker killed, the read index damaged, read-only and full, two hosts importing "
        "at once, PostgreSQL restarted; all under readers' load. Prints what was answered in each phase and what "
        "was lost. Needs root (to mount a tmpfs), nginx and PostgreSQL's and Redis's servers."
    )

    def add_arguments(self, parser):
        corpora.add_argument(parser)

    def handle(self, *args, five_article_pages=False, **options):
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("point DATABASE_URL at a PostgreSQL database holding the corpus (bench_import)")
        if os.geteuid() != 0:
            raise CommandError("mounting the tmpfs of host A's index folder needs root")
        self.corpus = Article.objects.count()
        self.generator = corpora.chosen(five_article_pages)
        self.started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="archive-faults-") as folder:
            self.folder = Path(folder)
            cluster, redis = Cluster(), Redis(config=settings.BASE_DIR / "deploy" / "redis.conf")
            tmpfs = faults.Tmpfs(self.folder / "index-a")
            try:
                self.say(f"copying {self.corpus:,} articles into a private PostgreSQL cluster")
                faults.copy_database(os.environ["DATABASE_URL"], cluster)
                self.run(cluster, redis, tmpfs)
            finally:
                tmpfs.unmount()
                redis.stop()
                cluster.remove()

    def say(self, line):
        self.stdout.write(f"[{time.monotonic() - self.started:6.1f} s] {line}")

    def run(self, cluster, redis, tmpfs):
        self.cluster, self.tmpfs = cluster, tmpfs
        self.a = faults.Host(
            self.folder / "a", faults.host_environment(self.folder / "a", cluster.url, redis.url, tmpfs.folder)
        )
        index_b = self.folder / "index-b"
        self.b = faults.Host(
            self.folder / "b", faults.host_environment(self.folder / "b", cluster.url, redis.url, index_b), workers=1
        )
        for name, host in (("A", self.a), ("B", self.b)):
            host.folder.mkdir()
            self.say(f"host {name}: " + host.manage_output("rebuild_index").stdout.strip())
        pages = self.pages()
        with self.a, self.b:
            self.say(
                f"host A: nginx :{self.a.http_port}, gunicorn :{self.a.app_port} (2 workers); host B: gunicorn "
                f":{self.b.app_port} (1 worker); {len(pages)} addresses read in turn"
            )
            ports = {"A via nginx": self.a.http_port, "A gunicorn": self.a.app_port, "B gunicorn": self.b.app_port}
            with Readers(ports, pages, threads=2) as self.readers:
                phases = [
                    ("steady", self.steady),
                    ("1 worker killed", self.kill_worker),
                    ("2a segment truncated", self.truncate_segment),
                    ("2b index read-only", self.read_only_index),
                    ("2c index disk full", self.full_index),
                    ("3 two hosts import", self.two_hosts_import),
                    ("4 PostgreSQL restarted", self.restart_postgresql),
                    ("after", self.steady),
                ]
                for name, fault in phases:
                    self.readers.phase = name
                    self.say(f"phase {name}")
                    fault()
            self.report([name for name, _ in phases])

    def pages(self):
        """{path: what a 200 answer must hold}: articles by their titles, lists sorted oldest first by the title of
        their oldest article, which no import of later articles changes."""
        step = max(1, self.corpus // ARTICLES_READ)
        read = {a.get_absolute_url(): a.title for a in Article.objects.order_by("pk")[::step][:ARTICLES_READ]}
        oldest = Article.objects.order_by("published_date", "published_time", "slug")
        read["/articles/?sort=oldest"] = oldest.first().title
        for slug in self.persons():
            first = oldest.filter(mentions__person__slug=slug, mentions__decision__in=PUBLIC_DECISIONS).first()
            read[f"/articles/?person={slug}&sort=oldest"] = first.title
        return read

    def persons(self):
        counted = Mention.objects.filter(decision__in=PUBLIC_DECISIONS).values("person__slug")
        counted = counted.annotate(n=Count("article_id", distinct=True)).order_by("-n", "person__slug")
        return [row["person__slug"] for row in counted[:PERSONS_READ]]

    def steady(self):
        time.sleep(STEADY_SECONDS)

    def kill_worker(self):
        before = self.a.workers()
        os.kill(before[0], signal.SIGKILL)
        killed = time.monotonic()
        while len(after := self.a.workers()) < len(before) or before[0] in after:
            time.sleep(0.05)
        self.say(
            f"worker {before[0]} killed with SIGKILL; the master started {set(after) - set(before)} after "
            f"{time.monotonic() - killed:.1f} s"
        )
        self.steady()

    def truncate_segment(self):
        damaged = self.a.index_build()
        segment = max(damaged.glob("*.store"), key=lambda file: file.stat().st_size)
        os.truncate(segment, segment.stat().st_size // 2)
        self.say(f"host A: {segment.name} ({damaged.name}) cut to half its size while served")
        waited = self.a.wait_until("/articles/?sort=oldest", self.total(), build_other_than=damaged)
        self.say(f"host A: a new build {self.a.index_build().name} answered in full after {waited:.1f} s")
        self.steady()

    def read_only_index(self):
        self.tmpfs.read_only(True)
        self.say("host A: index folder remounted read-only; importing a batch on host A")
        self.import_batch(self.a, 0)
        self.steady()
        self.tmpfs.read_only(False)
        waited = self.a.wait_until("/articles/?sort=oldest", self.total())
        self.say(f"host A: remounted read-write; the list showed {self.total():,} articles after {waited:.1f} s")

    def full_index(self):
        self.say(f"host A: index folder filled ({self.tmpfs.fill():,} bytes taken); importing a batch on host A")
        self.import_batch(self.a, 1)
        self.steady()
        self.tmpfs.empty()
        waited = self.a.wait_until("/articles/?sort=oldest", self.total())
        self.say(f"host A: space freed; the list showed {self.total():,} articles after {waited:.1f} s")

    def two_hosts_import(self):
        """Batches 2 and 3 share articles: batch 3 lists some of batch 2's again (of the five-article pages, the lead
        of batch 2's last page)."""
        folders = [self.write_batch(2), self.write_batch(3)]
        importing = [self.a.start_import(folders[0]), self.b.start_import(folders[1])]
        for host, process in zip(("A", "B"), importing, strict=True):
            output, errors = process.communicate(timeout=faults.TIMEOUT_SECONDS)
            if process.returncode:
                raise CommandError(f"host {host}'s import failed:\n{output}\n{errors}")
            self.say(f"host {host}: {output.strip().splitlines()[-1]}")
        for name, host in (("A", self.a), ("B", self.b)):
            waited = max(host.wait_until(path, count) for path, count in self.expected_counts().items())
            self.say(f"host {name}: every list counted as the database within {waited:.1f} s")

    def restart_postgresql(self):
        before = self.total()
        importing = self.a.start_import(self.write_batch(4))
        while (committed := self.total() - before) == 0:
            time.sleep(0.2)
        self.cluster.stop()
        self.say(f"PostgreSQL stopped (fast shutdown) during an import on host A, {committed} of its articles in")
        time.sleep(5)
        self.cluster.start()
        connections["default"].close()
        self.say("PostgreSQL started")
        output, errors = importing.communicate(timeout=faults.TIMEOUT_SECONDS)
        last = (output.strip() or errors.strip()).splitlines()[-1]
        self.say(f"the import ended with status {importing.returncode}: {last}")
        if importing.returncode:
            again = self.a.manage_output("import_articles", str(self.folder / "batch-4"))
            self.say(f"the same import run again: {again.stdout.strip().splitlines()[-1]}")
        waited = self.a.wait_until("/articles/?sort=oldest", self.total())
        self.say(f"host A: the list showed {self.total():,} articles after {waited:.1f} s")
        self.steady()

    def write_batch(self, batch):
        folder = self.folder / f"batch-{batch}"
        self.added = getattr(self, "added", 0) + faults.write_batch(folder, self.generator, self.corpus, batch)
        return folder

    def import_batch(self, host, batch):
        done = host.manage_output("import_articles", str(self.write_batch(batch)))
        self.say(f"import: {done.stdout.strip().splitlines()[-1]}; warnings: {done.stderr.count('did not take')}")

    def total(self):
        return Article.objects.count()

    def expected_counts(self):
        counts = {"/articles/?sort=oldest": self.total()}
        for slug in self.persons():
            public = Mention.objects.filter(person__slug=slug, decision__in=PUBLIC_DECISIONS)
            counts[f"/articles/?person={slug}&sort=oldest"] = public.values("article_id").distinct().count()
        return counts

    def report(self, phases):
        self.stdout.write("\nanswers by phase (status: count; 'no answer': connection closed without a response)")
        for phase in phases:
            for server, outcomes in self.readers.answers(phase).items():
                shown = ", ".join(f"{outcome}: {n:,}" for outcome, n in sorted(outcomes.items()))
                self.stdout.write(f"  {phase:<24} {server:<12} {shown}")
        self.stdout.write(f"wrong pages: {len(self.readers.wrong)} {self.readers.wrong[:5]}")
        for name, host in (("A", self.a), ("B", self.b)):
            self.stdout.write(f"gunicorn of host {name} logged answers: {host.logged_statuses()}")
            logged = {text: host.logged(text) for text in LOGGED}
            self.stdout.write("  and lines: " + "; ".join(f"{text!r}: {n}" for text, n in logged.items()))
        titles = Article.objects.values("title").distinct().count()
        self.stdout.write(
            f"articles: {self.total():,} in the database, {self.corpus:,} + {self.added:,} imported expected; "
            f"{titles:,} distinct titles"
        )
