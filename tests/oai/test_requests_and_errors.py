"""Requests as the protocol allows them, POST as GET and cached like every public page, and every error condition
answered as the protocol says."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from archive.index import recording
from archive.models import Article
from tests.oai.provider import LEAD, LEAD_ID, RELATED_ID, REPOSITORY, echoed, error, listed, oai
from tests.support.oai_protocol import texts, valid


def test_post_is_answered_as_get_without_a_csrf_token(archive):
    client = Client(enforce_csrf_checks=True)
    arguments = {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "topic:protests"}

    posted = client.post("/oai/", urlencode(arguments), content_type="application/x-www-form-urlencoded")
    got = client.get("/oai/", arguments)

    assert posted.status_code == 200
    assert listed(posted.content) == listed(got.content)
    assert texts(valid(posted.content), "//oai:header/oai:identifier") == [RELATED_ID]


def test_get_is_cacheable_like_every_public_page_and_other_methods_are_refused(archive):
    client = Client()
    got = client.get("/oai/", {"verb": "Identify"})

    assert got["Cache-Control"] == "public, max-age=300, stale-while-revalidate=60"
    assert got.has_header("ETag")
    assert client.get("/oai/", {"verb": "Identify"}, headers={"If-None-Match": got["ETag"]}).status_code == 304
    assert client.put("/oai/").status_code == 405
    assert client.delete("/oai/").status_code == 405


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"verb": "ListEverything"},
        {"verb": ["Identify", "Identify"]},
    ],
    ids=["no verb", "unknown verb", "repeated verb"],
)
def test_a_missing_unknown_or_repeated_verb_is_a_bad_verb_and_echoes_no_arguments(archive, arguments):
    document = oai(**arguments)

    assert error(document) == ["badVerb"]
    assert echoed(document) == {}


@pytest.mark.parametrize(
    "arguments",
    [
        {"verb": "Identify", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-02-30"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-03-01T10:00:00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-03-01", "until": "2021-03-02T10:00:00Z"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-03-02", "until": "2021-03-01"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "person:"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "abc"},
        {"verb": "GetRecord", "identifier": LEAD_ID},
        {"verb": "GetRecord", "identifier": "oai:archive.example.org:an article", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": "oai dc"},
        {"verb": "ListSets", "set": "person"},
    ],
    ids=[
        "argument of no verb",
        "missing metadataPrefix",
        "repeated argument",
        "no such day",
        "time without Z",
        "two granularities",
        "from after until",
        "malformed set",
        "token with other arguments",
        "GetRecord without metadataPrefix",
        "identifier with a space",
        "metadataPrefix with a space",
        "ListSets with a set",
    ],
)
def test_a_request_the_verb_does_not_allow_is_a_bad_argument_and_echoes_no_arguments(archive, arguments):
    document = oai(**arguments)

    assert error(document) == ["badArgument"]
    assert echoed(document) == {}


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "GetRecord"])
def test_a_format_other_than_oai_dc_cannot_be_disseminated(archive, verb):
    arguments = {"verb": verb, "metadataPrefix": "marcxml", **({"identifier": LEAD_ID} if verb == "GetRecord" else {})}
    document = oai(**arguments)

    assert error(document) == ["cannotDisseminateFormat"]
    assert echoed(document) == arguments


@pytest.mark.parametrize(
    "identifier",
    [
        f"oai:{REPOSITORY}:articles/2016/04/22/no-such-article",
        f"oai:{REPOSITORY}:articles/2016/02/30/no-such-day",
        f"oai:{REPOSITORY}:people/alexander-lukashenko",
        f"oai:another.example.org:{LEAD}",
        f"http://testserver/{LEAD}/",
    ],
)
def test_an_identifier_of_no_article_does_not_exist(archive, identifier):
    for arguments in ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, {"verb": "ListMetadataFormats"}):
        document = oai(identifier=identifier, **arguments)

        assert error(document) == ["idDoesNotExist"]
        assert echoed(document) == {**arguments, "identifier": identifier}


@pytest.mark.parametrize(
    "selection",
    [{"until": "2021-02-28"}, {"from": "2021-03-04"}, {"set": "person:nobody"}, {"set": "person:putin:more"}],
)
def test_a_list_nothing_matches_is_no_records_match(archive, selection):
    for verb in ("ListRecords", "ListIdentifiers"):
        document = oai(verb=verb, metadataPrefix="oai_dc", **selection)

        assert error(document) == ["noRecordsMatch"]
        assert echoed(document) == {"verb": verb, "metadataPrefix": "oai_dc", **selection}


def test_a_token_that_was_not_given_or_was_given_for_another_verb_is_a_bad_resumption_token(archive, settings):
    settings.ARCHIVE_OAI_PAGE_SIZE = 1
    token = texts(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"), "//oai:resumptionToken")[0]

    for verb, given in [("ListRecords", token), ("ListIdentifiers", token[:-1] + "x"), ("ListSets", "forged")]:
        document = oai(verb=verb, resumptionToken=given)

        assert error(document) == ["badResumptionToken"]
        assert echoed(document) == {"verb": verb, "resumptionToken": given}


def test_characters_xml_cannot_carry_are_left_out_of_a_record(archive):
    Article.objects.filter(pk=archive.lead.pk).update(title="A title\x0b with a vertical tab")
    recording.record()

    document = oai(verb="GetRecord", identifier=LEAD_ID, metadataPrefix="oai_dc")

    assert texts(document, "//dc:title") == ["A title with a vertical tab"]
