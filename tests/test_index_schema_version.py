"""A build of the read index made with other fields than the code's is made again on first use."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from archive.index import build_files, schema, store

LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
SIMILAR = "Belarusian authorities resumed arrests of opposition"


def current_build(settings):
    return (settings.ARCHIVE_INDEX_DIR / store.CURRENT).resolve()


def listed_titles(client):
    html = BeautifulSoup(client.get(reverse("archive:article_list")).content, "html.parser")
    return [a.text for a in html.select(".item-title a")]


@pytest.mark.parametrize("version", [str(schema.VERSION - 1), None], ids=["older-version", "no-version"])
def test_a_build_of_another_schema_version_is_rebuilt_with_this_one(version, client, seeded, settings):
    assert listed_titles(client) == [SIMILAR, LEAD]
    old = current_build(settings)
    if version is None:
        (old / build_files.VERSION).unlink()
    else:
        (old / build_files.VERSION).write_text(version)
    store.close()

    assert listed_titles(client) == [SIMILAR, LEAD]
    assert current_build(settings) != old
    assert (current_build(settings) / build_files.VERSION).read_text() == str(schema.VERSION)
