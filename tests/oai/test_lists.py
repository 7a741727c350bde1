"""Lists are ordered and selected by datestamp and set, datestamps follow every change, and long lists come a page
at a time with resumption tokens."""

import pytest

from archive.models import Article, Change, Mention
from archive.research.oai import datestamps
from tests.oai.provider import DATELESS_ID, LEAD_ID, RELATED_ID, echoed, oai, utc
from tests.support.oai_protocol import NAMESPACES, text, texts
from tests.support.research_archive import LEAD_TITLE, RELATED_TITLE


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


def test_a_set_is_selected_in_the_read_index_so_a_list_of_a_set_costs_the_database_what_the_whole_list_costs(
    archive, django_assert_num_queries
):
    """The generation, read by the page and by the datestamps: the records' articles are the index's cards, and no
    query reads a set."""
    # The datestamps are worked out, and the index opened, once: not by the requests measured.
    oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="person", until="2021-03-03")

    with django_assert_num_queries(2):
        whole = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    with django_assert_num_queries(2):
        of_a_set = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="person:nikolai-statkevich")
    with django_assert_num_queries(2):
        of_a_kind = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="topic")

    assert texts(whole, "//oai:header/oai:identifier") == [LEAD_ID, RELATED_ID, DATELESS_ID]
    assert texts(of_a_set, "//oai:header/oai:identifier") == [RELATED_ID, DATELESS_ID]
    assert texts(of_a_kind, "//oai:header/oai:identifier") == [RELATED_ID]


def test_a_page_of_records_asks_the_database_only_for_the_generation(archive, django_assert_num_queries):
    """The generation, read by the page and by the datestamps: the records, with their persons and topics, and the
    articles they relate to, are the index's cards."""
    oai(verb="ListRecords", metadataPrefix="oai_dc")

    with django_assert_num_queries(2):
        records = oai(verb="ListRecords", metadataPrefix="oai_dc")

    assert texts(records, "//oai:record/oai:header/oai:identifier") == [LEAD_ID, RELATED_ID, DATELESS_ID]
