"""The reference deployment, tried for real: nginx with deploy/'s configuration in front of gunicorn with
deploy/gunicorn.conf.py, on free local ports, over a scratch SQLite archive holding the seed page."""

import http.client
import json
import re
import shutil
import ssl
import time
from pathlib import Path

import pytest

from benchmarks.deployment import Deployment
from benchmarks.services import Redis
from tests.support.locations import PAGES, ROOT, SEEDS

# Short, so that the test sees a page go stale; deployments keep the archive's default of five minutes.
MAX_AGE = 2
ARTICLE = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"


class Archive(Deployment):
    """The deployment over a scratch SQLite archive holding the seed page, with a short max-age."""

    def __init__(self, folder):
        super().__init__(
            folder,
            {
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": "deployment-test-key-" + "x" * 40,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_SECURE_PROXY": "1",
                # nginx answers on a plain HTTP port too, which the tests use; HTTPS pages still get HSTS.
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "DATABASE_URL": f"sqlite:///{Path(folder) / 'archive.sqlite3'}",
                "ARCHIVE_INDEX_DIR": str(Path(folder) / "index"),
                "ARCHIVE_BROWSER_CACHE_SECONDS": str(MAX_AGE),
            },
        )

    def start(self):
        self.manage("migrate", "--noinput")
        self.manage("import_articles", str(SEEDS))
        return super().start()

    def get(self, path, method="GET", headers=None, tls=False):
        if tls:
            context = ssl.create_default_context()
            # The test's own certificate, made a moment ago.
            context.load_verify_locations(self.folder / "cert.pem")
            connection = http.client.HTTPSConnection("127.0.0.1", self.tls_port, context=context, timeout=30)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=30)
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        connection.close()
        return response

    def archive_answers(self, path, expected):
        """The statuses gunicorn logged for a path, in order, once they are `expected` or after 5 seconds: a
        worker writes its log line just after the response has gone."""
        deadline = time.monotonic() + 5
        while True:
            lines = self.access_log.read_text().splitlines() if self.access_log.exists() else []
            pattern = rf'"GET {re.escape(path)} HTTP/1.1" (\d{{3}})'
            found = [int(m[1]) for line in lines if (m := re.search(pattern, line))]
            if found == expected or time.monotonic() > deadline:
                return found
            time.sleep(0.1)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    if not shutil.which("nginx"):
        pytest.fail("nginx is needed for the deployment tests: apt-get install nginx-light")
    running = Archive(tmp_path_factory.mktemp("deployment"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


def test_a_second_request_for_a_page_is_served_by_the_cache(deployment):
    assert deployment.get("/topics/").getheader("X-Cache-Status") == "MISS"
    again = deployment.get("/topics/")
    assert (again.status, again.getheader("X-Cache-Status")) == (200, "HIT")
    assert deployment.archive_answers("/topics/", [200]) == [200]


def test_a_russian_page_is_cached_apart_from_the_english_one_and_served_by_the_cache(deployment):
    english = deployment.get("/topics/")
    assert deployment.get("/ru/topics/").getheader("X-Cache-Status") == "MISS"
    again = deployment.get("/ru/topics/")

    assert (again.status, again.getheader("X-Cache-Status"), again.getheader("Content-Language")) == (200, "HIT", "ru")
    assert '<html lang="ru">' in again.text
    assert '<html lang="en">' in english.text
    assert deployment.archive_answers("/ru/topics/", [200]) == [200]


@pytest.mark.parametrize(
    "path", ["/", "/ru/", "/articles/?q=Statkevich", "/ru/articles/?q=Statkevich", ARTICLE, f"/ru{ARTICLE}"]
)
def test_no_public_page_varies_on_the_readers_language_or_cookies(deployment, path):
    """A browser set to Russian, with a cookie, gets the page of the address it asked for, as every reader does."""
    response = deployment.get(path, headers={"Accept-Language": "ru", "Cookie": "django_language=ru"})
    vary = {value.strip().lower() for value in (response.getheader("Vary") or "").split(",")}

    assert response.status == 200
    assert vary & {"accept-language", "cookie"} == set()
    assert response.getheader("Content-Language") == ("ru" if path.startswith("/ru/") else "en")


def test_a_page_gone_stale_is_revalidated_by_the_archive_with_a_304(deployment):
    """After max-age nginx asks again with the page's ETag; the archive, unchanged, answers 304."""
    first = deployment.get("/people/")
    assert first.status == 200
    time.sleep(MAX_AGE + 1)
    deployment.get("/people/")
    assert deployment.archive_answers("/people/", [200, 304]) == [200, 304]
    assert deployment.get("/people/").text == first.text


def test_a_committed_import_shows_through_the_cache_within_its_max_age(deployment):
    title = "Белорусские власти возобновили аресты оппозиции"
    assert title not in deployment.get("/articles/?sort=oldest").text
    deployment.manage("import_articles", str(PAGES / "russian_dateline.txt"))
    imported = time.monotonic()
    while title not in deployment.get("/articles/?sort=oldest").text:
        assert time.monotonic() - imported < MAX_AGE + 2, "the import did not show within the page's max-age"
        time.sleep(0.2)


def test_a_post_is_not_allowed(deployment):
    assert deployment.get("/articles/", method="POST").status == 405


def test_an_api_request_line_over_gunicorns_limit_gets_the_414_the_apis_schema_documents(deployment):
    schema = json.loads(deployment.get("/api/openapi.json").text)
    too_long = "/api/articles/?q=" + "a" * 4100

    assert deployment.get(too_long).status == 414
    assert {"414"} <= set(schema["paths"]["/api/articles/"]["get"]["responses"])


def test_a_list_address_not_in_canonical_form_gets_one_permanent_redirect(deployment):
    moved = deployment.get("/articles/?sort=oldest&junk=1&person=b&person=a&page=1")
    assert (moved.status, moved.getheader("Location")) == (301, "/articles/?person=a&person=b&sort=oldest")
    assert deployment.get(moved.getheader("Location")).status == 200


def test_hashed_static_files_are_kept_for_a_year_and_never_asked_for_again(deployment):
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', deployment.get("/").text)[1]
    response = deployment.get(stylesheet)
    assert (response.status, response.getheader("Cache-Control")) == (200, "public, max-age=31536000, immutable")


def canonical_link(page):
    return re.search(r'<link rel="canonical" href="([^"]+)"', page.text)[1]


def test_over_tls_the_archive_writes_https_addresses(deployment):
    """nginx passes the host without the port (`$host`, which it has checked): deployments listen on 80 and 443."""
    assert canonical_link(deployment.get(ARTICLE, tls=True)) == f"https://127.0.0.1{ARTICLE}"
    assert canonical_link(deployment.get(ARTICLE)) == f"http://127.0.0.1{ARTICLE}"


def test_the_admin_is_never_cached(deployment):
    response = deployment.get("/admin/login/")
    assert response.status == 200
    assert "no-store" in response.getheader("Cache-Control")
    assert "private" in response.getheader("Cache-Control")
    assert response.getheader("X-Cache-Status") is None


FORGED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Ssl": "on",
    "X-Forwarded-Protocol": "ssl",
    "X-Forwarded-Host": "attacker.example",
    "X-Forwarded-Port": "8443",
    "Forwarded": "proto=https;host=attacker.example",
}


def test_forwarded_headers_a_client_sends_through_nginx_change_neither_scheme_nor_host(deployment):
    """nginx sets the one header the archive trusts, X-Forwarded-Proto, and drops the others a client may send."""
    forged = deployment.get("/feeds/articles.atom", headers={"Host": "localhost", **FORGED})

    assert forged.status == 200
    assert re.search(r'<link href="([^"]+)" rel="alternate"', forged.text)[1] == "http://localhost/articles/"
    assert "attacker.example" not in forged.text
    assert "https://" not in forged.text


def test_the_shipped_redis_configuration_bounds_the_caches_memory_and_evicts_what_is_least_used():
    """A flood of addresses can then cost rebuilt pages, never the host's memory."""
    import redis

    server = Redis(config=ROOT / "deploy" / "redis.conf")
    try:
        limits = redis.Redis(port=server.port).config_get("maxmemory*")
    finally:
        server.stop()

    assert (limits["maxmemory"], limits["maxmemory-policy"]) == (str(256 * 1024 * 1024), "allkeys-lfu")
