"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from archive.index import recording
from tests.support.browsing_archive import build_browsing_archive
from tests.support.related_archive import import_labelled_set

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from playwright.sync_api import sync_playwright

    # While Playwright's event loop runs, Django hands this thread new connection objects. The test database's
    # serialized contents, kept on the connections that created it, are carried over, so that serialized
    # rollbacks still restore what the migrations wrote after a live-server test has emptied the database.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def browsing_archive(django_db_serialized_rollback, live_server):
    """The live server's archive: the seed page, two more pages, curated persons and topics.

    The live server needs committed data, so the database is emptied after each test; the serialized rollback
    then restores what the migrations created (the editors' group), which other browser tests rely on. Each of
    the build's commits would bring the read index up to date on its own; the pages need it only at the end.
    """
    with recording.deferred():
        build_browsing_archive()


@pytest.fixture
def labelled_archive(django_db_serialized_rollback, live_server):
    """The live server's archive: the labelled stories of fixtures/related/, with the archive's suggestions; the
    read index brought up to date once, after the last commit."""
    with recording.deferred():
        call_command("load_gazetteer", verbosity=0)
        return import_labelled_set()
