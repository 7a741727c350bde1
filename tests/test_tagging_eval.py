"""Person tagging measured on the labelled passages of tests/tagging/passages.json."""

import json
from io import StringIO

from django.core.management import call_command

from tests.locations import ROOT

PASSAGES = ROOT / "tests" / "tagging" / "passages.json"


def test_the_labelled_set_has_at_least_40_passages_in_english_and_russian():
    languages = [passage["language"] for passage in json.loads(PASSAGES.read_text(encoding="utf-8"))]

    assert (languages.count("en"), languages.count("ru"), languages.count("be")) == (35, 25, 3)


def test_precision_and_recall_on_the_labelled_passages(gazetteer):
    """One miss: the Belarusian spelling of Josep Borrell (Жазэп Барэль) is not in the gazetteer."""
    out = StringIO()

    call_command("tag_eval", verbosity=2, stdout=out)

    assert out.getvalue().splitlines() == [
        "passage 61: missed ['josep-borrell'], wrongly found []",
        "63 passages, 83 persons labelled, 82 found, 82 right: precision 1.000, recall 0.988",
    ]
