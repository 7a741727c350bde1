"""The site with a private Redis stopped and started: Redis down costs only the shared cache."""

import time

import pytest

from benchmarks.services import Redis
from tests.support.outage_services import CACHE_RETRY_SECONDS, LEAD, Site, prepared, site_environment


@pytest.fixture
def redis_server():
    server = Redis()
    yield server
    if server.process.poll() is None:
        server.stop()


def test_with_redis_down_pages_are_served_without_the_shared_cache_which_is_used_again_when_it_returns(
    redis_server, tmp_path
):
    env = prepared(
        site_environment(
            tmp_path,
            DATABASE_URL=f"sqlite:///{tmp_path / 'archive.sqlite3'}",
            REDIS_URL=redis_server.url,
            ARCHIVE_PAGE_CACHE_SECONDS="3600",
            ARCHIVE_CACHE_RETRY_SECONDS=str(CACHE_RETRY_SECONDS),
        )
    )
    site = Site(env, tmp_path)
    try:
        assert site.get("/topics/").status == 200
        assert redis_server.pages_kept() == 1

        redis_server.stop()
        for path in ["/topics/", "/", "/people/", LEAD, "/articles/?q=Statkevich"] * 3:
            response = site.get(path)
            assert response.status == 200, response.text
        assert len(site.logged("The shared cache is unreachable")) == 1

        redis_server.start()
        time.sleep(CACHE_RETRY_SECONDS + 0.2)
        assert site.get("/people/").status == 200
        assert site.get("/topics/").status == 200
        assert redis_server.pages_kept() == 2
        assert len(site.logged("The shared cache is reachable again")) == 1
    finally:
        site.stop()
