"""The OAI-PMH data provider at /oai/, asked as a harvester asks: every response validates against the OAI-PMH 2.0
and oai_dc schemas, and every error condition is answered as the protocol says."""

import datetime

import pytest
from django.test import Client
from lxml import etree

from archive.index import changes
from archive.models import Article, Change, Mention
from archive.research.oai import datestamps
from tests.oai_protocol import NAMESPACES, text, texts, valid
from tests.research_archive import LEAD_TITLE, RELATED_TITLE, build_research_archive

REPOSITORY = "archive.example.org"
LEAD = "articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter"
RELATED = "articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition"
DATELESS = "articles/2020/05/12/opposition-leaders-the-vilnius-talks"
LEAD_ID, RELATED_ID, DATELESS_ID = (f"oai:{REPOSITORY}:{path}" for path in (LEAD, RELATED, DATELESS))


def utc(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def repository(settings):
    settings.ARCHIVE_OAI_REPOSITORY_ID = REPOSITORY
    settings.ARCHIVE_OAI_ADMIN_EMAIL = "editors@archive.example.org"


@pytest.fixture
def archive(db):
    built = build_research_archive()
    stamp_articles({LEAD_TITLE: "2021-03-01T10:00:00", RELATED_TITLE: "2021-03-02T10:00:00"}, rest="2021-03-03T10:00")
    return built


def stamp_articles(times, rest):
    """Give articles fixed update times and the change log one fixed time, then move the generation on (by a
    change naming no article) so that the provider works the datestamps out again."""
    Article.objects.update(updated_at=utc(rest))
    for title, moment in times.items():
        Article.objects.filter(title=title).update(updated_at=utc(moment))
    Change.objects.update(at=utc("2021-01-01T00:00:00"))
    changes.record()
    Change.objects.filter(article_id=None).update(at=utc("2021-01-01T00:00:00"))


def oai(client=None, **arguments):
    response = (client or Client()).get("/oai/", arguments)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return valid(response.content)


def listed(body):
    """A response's list, without the responseDate that differs between two responses."""
    return etree.tostring(valid(body).xpath("oai:ListRecords", namespaces=NAMESPACES)[0])


def error(document):
    return [found.get("code") for found in document.xpath("oai:error", namespaces=NAMESPACES)]


def echoed(document):
    (request,) = document.xpath("oai:request", namespaces=NAMESPACES)
    return dict(request.attrib)


def test_identify_describes_the_repository_its_identifiers_and_its_policies(archive):
    document = oai(verb="Identify")

    assert text(document, "oai:Identify/oai:repositoryName") == "Belarus Commentary Archive"
    assert text(document, "oai:Identify/oai:baseURL") == "http://testserver/oai/"
    assert text(document, "oai:Identify/oai:protocolVersion") == "2.0"
    assert text(document, "oai:Identify/oai:adminEmail") == "editors@archive.example.org"
    # The lead is stamped with its similar item's later time (see the lists test).
    assert text(document, "oai:Identify/oai:earliestDatestamp") == "2021-03-02T10:00:00Z"
    assert text(document, "oai:Identify/oai:deletedRecord") == "no"
    assert text(document, "oai:Identify/oai:granularity") == "YYYY-MM-DDThh:mm:ssZ"
    described = "oai:Identify/oai:description/id:oai-identifier/"
    assert text(document, described + "id:repositoryIdentifier") == REPOSITORY
    assert text(document, described + "id:sampleIdentifier") == f"oai:{REPOSITORY}:articles/2016/04/22/an-article"
    assert echoed(document) == {"verb": "Identify"}


def test_an_empty_archive_identifies_itself_with_the_epoch_as_its_earliest_datestamp(db):
    assert text(oai(verb="Identify"), "oai:Identify/oai:earliestDatestamp") == "1970-01-01T00:00:00Z"


def test_records_are_given_as_oai_dc_only(archive):
    for document in (oai(verb="ListMetadataFormats"), oai(verb="ListMetadataFormats", identifier=LEAD_ID)):
        assert texts(document, "//oai:metadataPrefix") == ["oai_dc"]
        assert texts(document, "//oai:schema") == ["http://www.openarchives.org/OAI/2.0/oai_dc.xsd"]
        assert texts(document, "//oai:metadataNamespace") == ["http://www.openarchives.org/OAI/2.0/oai_dc/"]


def test_sets_are_persons_and_topics_with_a_public_article_under_their_two_kinds(archive):
    document = oai(verb="ListSets")

    assert texts(document, "//oai:setSpec") == [
        "person",
        "person:alexander-lukashenko",
        "person:nikolai-statkevich",
        "person:vladimir-putin",
        "topic",
        "topic:protests",
    ]
    assert texts(document, "//oai:setName") == [
        "Persons",
        "Alexander Lukashenko",
        "Nikolai Statkevich",
        "Vladimir Putin",
        "Topics",
        "Protests",
    ]


def test_a_record_is_the_article_in_dublin_core_with_its_permanent_url_and_similar_items(archive):
    document = oai(verb="GetRecord", identifier=LEAD_ID, metadataPrefix="oai_dc")

    header = "oai:GetRecord/oai:record/oai:header/"
    assert text(document, header + "oai:identifier") == LEAD_ID
    assert text(document, header + "oai:datestamp") == "2021-03-02T10:00:00Z"
    assert texts(document, header + "oai:setSpec") == ["person:alexander-lukashenko", "person:vladimir-putin"]
    dc = "oai:GetRecord/oai:record/oai:metadata/oai_dc:dc/dc:"
    assert texts(document, dc + "title") == [LEAD_TITLE]
    assert document.xpath(f"{dc}title/@xml:lang", namespaces=NAMESPACES) == ["en"]
    assert texts(document, dc + "subject") == ["Alexander Lukashenko", "Vladimir Putin"]
    assert texts(document, dc + "publisher") == ["Belarus Commentary Archive"]
    assert texts(document, dc + "date") == ["2016-04-22"]
    assert texts(document, dc + "type") == ["Text"]
    assert texts(document, dc + "language") == ["en"]
    assert texts(document, dc + "identifier") == [f"http://testserver/{LEAD}/"]
    assert texts(document, dc + "relation") == [f"http://testserver/{RELATED}/"]
    assert texts(document, dc + "description")[0].startswith("On February 21st, at a meeting with KGB Chairman")
    assert echoed(document) == {"verb": "GetRecord", "identifier": LEAD_ID, "metadataPrefix": "oai_dc"}


def test_a_similar_item_relates_to_the_lead_that_lists_it_and_is_in_its_topic_set(archive):
    document = oai(verb="GetRecord", identifier=RELATED_ID, metadataPrefix="oai_dc")

    assert texts(document, "//oai:header/oai:setSpec") == ["person:nikolai-statkevich", "topic:protests"]
    assert texts(document, "//dc:subject") == ["Nikolai Statkevich", "Protests"]
    assert texts(document, "//dc:relation") == [f"http://testserver/{LEAD}/"]


def test_lists_are_ordered_by_datestamp_and_carry_every_article(archive):
    identifiers = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    records = oai(verb="ListRecords", metadataPrefix="oai_dc")

    # The lead and its similar item relate, so each is stamped with the later of their two times.
    assert texts(identifiers, "//oai:header/oai:identifier") == [LEAD_ID, RELATED_ID, DATELESS_ID]
    assert texts(identifiers, "//oai:header/oai:datestamp") == [
        "2021-03-02T10:00:00Z",
        "2021-03-02T10:00:00Z",
        "2021-03-03T10:00:00Z",
    ]
    assert texts(records, "//oai:record/oai:header/oai:identifier") == [LEAD_ID, RELATED_ID, DATELESS_ID]
    assert texts(records, "//dc:title") == [LEAD_TITLE, RELATED_TITLE, 'Opposition <leaders> & the "Vilnius" talks']
    assert identifiers.xpath("//oai:resumptionToken", namespaces=NAMESPACES) == []


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({"from": "2021-03-03"}, [DATELESS_ID]),
        ({"until": "2021-03-02"}, [LEAD_ID, RELATED_ID]),
        ({"from": "2021-03-02T10:00:00Z", "until": "2021-03-02T10:00:00Z"}, [LEAD_ID, RELATED_ID]),
        ({"from": "2021-03-02T10:00:01Z"}, [DATELESS_ID]),
        ({"set": "person:nikolai-statkevich"}, [RELATED_ID, DATELESS_ID]),
        ({"set": "person"}, [LEAD_ID, RELATED_ID, DATELESS_ID]),
        ({"set": "topic"}, [RELATED_ID]),
        ({"set": "person:alexander-lukashenko", "from": "2021-03-03"}, [DATELESS_ID]),
    ],
)
def test_lists_are_selected_by_datestamp_and_by_set(archive, selection, expected):
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **selection)

    assert texts(document, "//oai:header/oai:identifier") == expected
    assert echoed(document) == {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", **selection}


def test_a_rejected_mention_puts_no_article_in_the_persons_set(archive):
    # The dateless article's mention of Putin was rejected by an editor.
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="person:vladimir-putin")

    assert texts(document, "//oai:header/oai:identifier") == [LEAD_ID]


def test_a_change_to_an_articles_persons_moves_its_datestamp_to_the_change(archive):
    before = datestamps.seconds(utc("2021-03-03T10:00:00"))
    Mention.objects.filter(article=archive.dateless, person=archive.putin).delete()

    stamp = datestamps.current().of(archive.dateless)

    assert stamp > before
    assert stamp == datestamps.seconds(Change.objects.filter(article_id=archive.dateless.pk).latest("id").at)


def test_a_similar_items_new_address_moves_the_leads_datestamp_too(archive):
    archive.related.slug = "arrests-resumed"
    archive.related.save()
    moved = datestamps.seconds(Article.objects.get(pk=archive.related.pk).updated_at)

    document = oai(verb="GetRecord", identifier=LEAD_ID, metadataPrefix="oai_dc")

    assert text(document, "//oai:header/oai:datestamp") == datestamps.text(moved)
    assert texts(document, "//dc:relation") == ["http://testserver/articles/2017/09/25/arrests-resumed/"]


def test_a_long_list_is_given_a_page_at_a_time_with_resumption_tokens(archive, settings):
    settings.ARCHIVE_OAI_PAGE_SIZE = 2

    first = oai(verb="ListRecords", metadataPrefix="oai_dc")
    (token,) = first.xpath("//oai:resumptionToken", namespaces=NAMESPACES)
    second = oai(verb="ListRecords", resumptionToken=token.text)
    (end,) = second.xpath("//oai:resumptionToken", namespaces=NAMESPACES)

    assert texts(first, "//oai:header/oai:identifier") == [LEAD_ID, RELATED_ID]
    assert (token.get("completeListSize"), token.get("cursor")) == ("3", "0")
    assert texts(second, "//oai:header/oai:identifier") == [DATELESS_ID]
    assert (end.text, end.get("completeListSize"), end.get("cursor")) == (None, "3", "2")
    assert echoed(second) == {"verb": "ListRecords", "resumptionToken": token.text}


def test_a_resumption_token_keeps_the_sets_and_dates_of_the_first_request(archive, settings):
    settings.ARCHIVE_OAI_PAGE_SIZE = 1
    found, arguments = (
        [],
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "person", "until": "2021-03-02"},
    )
    while arguments:
        document = oai(**arguments)
        found += texts(document, "//oai:header/oai:identifier")
        token = texts(document, "//oai:resumptionToken")
        arguments = {"verb": "ListIdentifiers", "resumptionToken": token[0]} if token and token[0] else None

    assert found == [LEAD_ID, RELATED_ID]


def test_a_record_changed_while_a_list_is_harvested_is_given_again_at_its_end_and_none_is_missed(archive, settings):
    settings.ARCHIVE_OAI_PAGE_SIZE = 2
    first = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = texts(first, "//oai:resumptionToken")[0]
    Mention.objects.filter(article=archive.lead, person=archive.putin).delete()

    second = oai(verb="ListIdentifiers", resumptionToken=token)

    assert texts(second, "//oai:header/oai:identifier") == [DATELESS_ID, LEAD_ID]


def test_the_list_of_sets_is_paged_too(archive, settings):
    settings.ARCHIVE_OAI_PAGE_SIZE = 4
    first = oai(verb="ListSets")
    token = texts(first, "//oai:resumptionToken")[0]
    second = oai(verb="ListSets", resumptionToken=token)

    assert texts(first, "//oai:setSpec") == [
        "person",
        "person:alexander-lukashenko",
        "person:nikolai-statkevich",
        "person:vladimir-putin",
    ]
    assert texts(second, "//oai:setSpec") == ["topic", "topic:protests"]


def test_post_is_answered_as_get_without_a_csrf_token(archive):
    client = Client(enforce_csrf_checks=True)
    arguments = {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "topic:protests"}

    posted = client.post("/oai/", arguments)
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
    changes.record()

    document = oai(verb="GetRecord", identifier=LEAD_ID, metadataPrefix="oai_dc")

    assert texts(document, "//dc:title") == ["A title with a vertical tab"]
