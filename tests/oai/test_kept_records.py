"""A record is made once and kept under all it is made of (its article's card, its datestamp, the articles it
relates to, the host): a harvest copies it, and what a record shows changes as soon as any of that does."""

import pytest
from django.test import Client

from archive.index.kept import Kept
from archive.models import Article
from archive.research.oai import records
from tests.oai.provider import LEAD_ID, listed
from tests.support.oai_protocol import texts, valid
from tests.support.research_archive import LEAD_TITLE


@pytest.fixture
def made(monkeypatch):
    """The records made, by identifier, with none kept to begin with."""
    monkeypatch.setattr(records, "_kept", Kept(records.KEPT))
    make, found = records._record, []

    def counted(parent, article, *args):
        found.append(article.pk)
        return make(parent, article, *args)

    monkeypatch.setattr(records, "_record", counted)
    return found


def harvest(**headers):
    return Client(headers=headers).get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}).content


def test_a_harvest_again_copies_the_kept_records_which_are_the_records_made_anew(archive, made, monkeypatch):
    first = harvest()
    again = harvest()
    monkeypatch.setattr(records, "_kept", Kept(records.KEPT))
    anew = harvest()

    assert listed(again) == listed(first) == listed(anew)
    assert len(made) == 6


def test_a_kept_record_shows_its_articles_new_title_once_an_editor_changed_it(archive, made):
    harvest()
    lead = Article.objects.get(title=LEAD_TITLE)
    lead.title = "Lukashenko aspires to the epicenter"
    lead.save()

    titles = texts(valid(harvest()), "//dc:title")

    assert "Lukashenko aspires to the epicenter" in titles
    assert LEAD_TITLE not in titles


def test_a_record_is_kept_apart_for_each_host_it_names(archive, made, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    harvest()

    identifiers = texts(valid(harvest(host="mirror.example.org")), "//dc:identifier")

    assert identifiers[0] == "http://mirror.example.org/" + LEAD_ID.split(":", 2)[2] + "/"
    assert len(made) == 6
