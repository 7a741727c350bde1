"""The provider identifies itself, gives its records as oai_dc only, and its persons and topics as sets; every
response validates against the OAI-PMH 2.0 and oai_dc schemas."""

from tests.oai.provider import LEAD, LEAD_ID, RELATED, RELATED_ID, REPOSITORY, echoed, oai
from tests.support.oai_protocol import NAMESPACES, text, texts
from tests.support.research_archive import LEAD_TITLE


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
