"""Databases of their own that other processes can open (tests/index_processes.py), and servers on them."""

import pytest

from tests.support import index_processes


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    made = index_processes.Databases(tmp_path_factory.mktemp("databases"))
    yield made
    made.drop_all()


@pytest.fixture
def database(databases):
    """The URL of a database of this test's own, migrated, with the gazetteer and no article."""
    url = databases.new()
    yield url
    databases.drop(url)


@pytest.fixture
def servers():
    """Start a server with `servers(env, folder)`; every server started is stopped at the end of the test."""
    started = []

    def start(env, folder):
        started.append(index_processes.Server(env, folder))
        return started[-1]

    yield start
    for server in started:
        server.stop()
