"""Person tagging measured on the labelled passages of fixtures/tagging/passages.json."""

import json
from io import StringIO

from django.core.management import call_command

from archive.management.commands.tag_eval import PASSAGES
from tests.support.locations import ROOT


def test_the_evaluation_reads_the_labelled_passages_from_the_projects_fixtures():
    assert PASSAGES == ROOT / "fixtures" / "tagging" / "passages.json"


def test_the_labelled_set_has_35_passages_in_english_25_in_russian_and_3_in_belarusian():
    languages = [passage["language"] for passage in json.loads(PASSAGES.read_text(encoding="utf-8"))]

    assert (languages.count("en"), languages.count("ru"), languages.count("be")) == (35, 25, 3)


def test_every_labelled_person_is_found_and_nobody_else(gazetteer):
    out = StringIO()

    call_command("tag_eval", verbosity=2, stdout=out)

    assert out.getvalue().splitlines() == [
        "63 passages, 83 persons labelled, 83 found, 83 right: precision 1.000, recall 1.000",
    ]
