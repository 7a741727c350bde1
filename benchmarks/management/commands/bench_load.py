import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.urls import reverse

from archive.models import Article, Person, RelatedLink, Topic
from benchmarks.deployment import free_port, wait_for
from benchmarks.environment import production_over_http
from benchmarks.pages import COMMON_WORDS, list_url, rare_words
from benchmarks.wrk import lua_string

# Each wrk thread walks the same list from its own starting point, so the mix is the same in every stretch of time.
LOAD_LUA = """
local paths = {%s}
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
function init(args)
  position = offset
end
function request()
  position = position + 1
  return wrk.format("GET", paths[position %% #paths + 1])
end
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
"""
RESULT = re.compile(r"^RESULT" + r" (\d+)" * 10, re.M)
ARTICLES_IN_MIX = 200
PERSONS_IN_MIX = 20
TOPICS_IN_MIX = 10


class Command(BaseCommand):
    help = (
        "Serve this archive under gunicorn (deploy/gunicorn.conf.py) and load it with wrk over a mix of pages: home, "
        "lists with filters, searches, articles, persons, topics, date archives and feeds. Prints requests per "
        "second, errors (non-2xx/3xx answers and socket errors) and latency percentiles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
        parser.add_argument("--connections", type=int, default=64, help="concurrent connections (default 64)")
        parser.add_argument("--threads", type=int, default=4, help="wrk threads (default 4)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
        parser.add_argument(
            "--no-page-cache", action="store_true", help="build every page (ARCHIVE_PAGE_CACHE_SECONDS=0)"
        )

    def handle(self, *args, duration, connections, threads, workers, no_page_cache, **options):
        paths = self.mix()
        port = free_port()
        with tempfile.TemporaryDirectory() as folder:
            env = production_over_http(
                DJANGO_ALLOWED_HOSTS="127.0.0.1",
                DJANGO_STATIC_ROOT=str(Path(folder) / "static"),
                DATABASE_URL=_database_url(),
                ARCHIVE_INDEX_DIR=str(settings.ARCHIVE_INDEX_DIR),
                GUNICORN_BIND=f"127.0.0.1:{port}",
                GUNICORN_WORKERS=str(workers),
                GUNICORN_ACCESS_LOG=str(Path(folder) / "access.log"),
            )
            env.pop("DJANGO_SETTINGS_MODULE", None)
            if no_page_cache:
                env["ARCHIVE_PAGE_CACHE_SECONDS"] = "0"
            manage = [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
            subprocess.run(manage, cwd=settings.BASE_DIR, env=env, check=True)
            gunicorn = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "archive.wsgi"]
            server = subprocess.Popen(gunicorn, cwd=settings.BASE_DIR, env=env)
            try:
                wait_for(port, deadline=60)
                base = f"http://127.0.0.1:{port}"
                self.warm_up(base, paths)
                result = self.load(base, paths, Path(folder), duration, connections, threads)
            finally:
                server.terminate()
                server.wait(timeout=60)
        self.report(result, paths, duration, connections, threads, workers, no_page_cache)

    def mix(self):
        """The addresses loaded in turn: a realistic spread of what readers ask for, every one answering 200."""
        articles = Article.objects.count()
        if not articles:
            raise CommandError("the archive is empty: import articles (or run bench_import) first")
        persons = list(Person.objects.annotate(n=Count("mentions")).filter(n__gt=0).order_by("-n", "slug"))
        topics = list(Topic.objects.annotate(n=Count("article_topics")).filter(n__gt=0).order_by("-n", "slug"))
        step = max(1, articles // ARTICLES_IN_MIX)
        sampled = Article.objects.order_by("pk")[::step][:ARTICLES_IN_MIX]
        years = sorted({article.published_date.year for article in sampled})
        leads = RelatedLink.objects.order_by("pk").values_list("lead_id", flat=True)
        paths = ["/", list_url(), list_url(sort="oldest"), list_url(page=2)]
        paths += [article.get_absolute_url() for article in sampled]
        paths += [Article.objects.get(pk=pk).get_absolute_url() for pk in leads[: ARTICLES_IN_MIX // 10]]
        paths += [list_url(q=words) for words in [*COMMON_WORDS, *rare_words()]]
        paths += [list_url(q=words, sort="newest") for words in COMMON_WORDS[:2]]
        paths += [reverse("archive:person_list"), reverse("archive:topic_list")]
        for person in persons[:PERSONS_IN_MIX]:
            year = years[len(person.slug) % len(years)]
            paths += [person.get_absolute_url(), list_url(person=person.slug)]
            paths += [list_url(person=person.slug, date_after=f"{year}-01-01", date_before=f"{year}-12-31")]
            paths += [reverse("archive:person_feed", kwargs={"slug": person.slug})]
        for topic in topics[:TOPICS_IN_MIX]:
            paths += [topic.get_absolute_url(), list_url(topic=topic.slug)]
            if persons:
                paths += [list_url(person=persons[0].slug, topic=topic.slug)]
        paths += [reverse("archive:year_archive", kwargs={"year": year}) for year in years]
        paths += [reverse("archive:month_archive", kwargs={"year": years[-1], "month": month}) for month in (1, 6)]
        paths += [reverse("archive:articles_feed"), reverse("archive:sitemap")]
        return paths

    def warm_up(self, base, paths):
        """Ask for every address once, so that the load starts on an open read index; anything but a 200 stops."""
        for path in paths:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                if response.status != 200 or response.url != base + path:
                    raise CommandError(f"{path} answered {response.status} at {response.url}")
                response.read()

    def load(self, base, paths, folder, duration, connections, threads):
        script = folder / "load.lua"
        script.write_text(LOAD_LUA % ", ".join(lua_string(path) for path in paths))
        command = ["wrk", "--threads", str(threads), "--connections", str(connections), "--duration", f"{duration}s"]
        # As long as gunicorn lets a request run: a slower answer is an error of the site, not of the measurement.
        command += ["--timeout", "30s", "--script", str(script), base + "/"]
        try:
            run = subprocess.run(command, capture_output=True, text=True, check=True)
        except FileNotFoundError:
            raise CommandError("wrk is needed to generate the load: apt-get install wrk") from None
        found = RESULT.search(run.stdout)
        if found is None:
            raise CommandError(f"wrk printed no result:\n{run.stdout}\n{run.stderr}")
        names = ["requests", "microseconds", "status", "connect", "read", "write", "timeout", "p50", "p90", "p99"]
        return dict(zip(names, map(int, found.groups()), strict=True))

    def report(self, result, paths, duration, connections, threads, workers, no_page_cache):
        cache = "every page built (ARCHIVE_PAGE_CACHE_SECONDS=0)" if no_page_cache else "page cache as configured"
        sockets = result["connect"] + result["read"] + result["write"] + result["timeout"]
        self.stdout.write(
            f"{Article.objects.count():,} articles; gunicorn, deploy/gunicorn.conf.py, {workers} workers, DEBUG off, "
            f"{cache}; wrk {threads} threads, {connections} connections, {duration} s over {len(paths)} addresses\n"
            f"requests: {result['requests']:,} ({result['requests'] / result['microseconds'] * 1e6:,.1f}/s)\n"
            f"errors: non-2xx/3xx {result['status']}, sockets {sockets} (connect {result['connect']}, read "
            f"{result['read']}, write {result['write']}, timeout {result['timeout']})\n"
            f"latency: p50 {result['p50'] / 1000:.1f} ms, p90 {result['p90'] / 1000:.1f} ms, "
            f"p99 {result['p99'] / 1000:.1f} ms"
        )


def _database_url():
    return os.environ.get("DATABASE_URL") or f"sqlite:///{settings.DATABASES['default']['NAME']}"
