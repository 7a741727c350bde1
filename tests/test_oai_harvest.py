"""A real harvester, Sickle, harvests the archive from a live server: whole, by date, by set, by GET and by POST,
across resumption tokens, with every response it receives validated against the OAI-PMH and oai_dc schemas."""

import datetime

import pytest
from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch

from archive.index import recording
from archive.models import Article, Change, Mention
from tests.support.oai_protocol import valid
from tests.support.research_archive import build_research_archive

REPOSITORY = "archive.example.org"
# Four articles more than the research archive's three, so that a page of two leaves a list in four parts.
MORE = [
    ("Minsk talks", "2016-01-10"),
    ("Sochi visit", "2016-02-20"),
    ("Union state", "2017-12-01"),
    ("Quiet", "2018-03-03"),
]


class CheckingSickle(Sickle):
    """Sickle, keeping and validating every response it is given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = []

    def harvest(self, **kwargs):
        response = super().harvest(**kwargs)
        valid(response.http_response.content)
        self.responses.append(response)
        return response


def utc(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


@pytest.fixture
def harvested(transactional_db, django_db_serialized_rollback, settings, live_server):
    """The research archive and four more articles, each last changed on its own day of March 2021. The live
    server needs them committed; what the database held before is put back afterwards, for the tests after."""
    settings.ARCHIVE_OAI_REPOSITORY_ID = REPOSITORY
    settings.ARCHIVE_OAI_PAGE_SIZE = 2
    archive = build_research_archive()
    for title, day in MORE:
        Article.objects.create(title=title, slug=title.lower().replace(" ", "-"), published_date=day, body="Text.")
    for day, pk in enumerate(Article.objects.order_by("published_date").values_list("pk", flat=True), start=1):
        Article.objects.filter(pk=pk).update(updated_at=utc(f"2021-03-{day:02d}T12:00:00"))
    Change.objects.update(at=utc("2021-01-01T00:00:00"))
    # A change naming no article moves the generation on, so the provider works the new times out.
    recording.record()
    Change.objects.filter(article_id=None).update(at=utc("2021-01-01T00:00:00"))
    return archive


def sickle(live_server, **kwargs):
    return CheckingSickle(f"{live_server.url}/oai/", **kwargs)


def paths():
    return [f"oai:{REPOSITORY}:{a.get_absolute_url().strip('/')}" for a in Article.objects.order_by("published_date")]


def test_a_harvester_takes_the_whole_archive_across_resumption_tokens(harvested, live_server):
    harvester = sickle(live_server)

    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))

    assert sorted(record.header.identifier for record in records) == sorted(paths())
    assert len(records) == 7
    assert len(harvester.responses) == 4
    assert [r.xml.find(".//{*}resumptionToken").get("cursor") for r in harvester.responses] == ["0", "2", "4", "6"]
    assert {r.xml.find(".//{*}resumptionToken").get("completeListSize") for r in harvester.responses} == {"7"}
    lead = next(record for record in records if record.header.identifier.endswith(harvested.lead.slug))
    assert lead.metadata["title"] == [harvested.lead.title]
    assert lead.metadata["subject"] == ["Alexander Lukashenko", "Vladimir Putin"]
    assert lead.metadata["identifier"] == [f"{live_server.url}{harvested.lead.get_absolute_url()}"]
    assert lead.metadata["relation"] == [f"{live_server.url}{harvested.related.get_absolute_url()}"]


def test_identifiers_and_records_list_the_same_items_by_get_and_by_post(harvested, live_server):
    by_get = [header.identifier for header in sickle(live_server).ListIdentifiers(metadataPrefix="oai_dc")]
    by_post = sickle(live_server, http_method="POST")

    records = [record.header.identifier for record in by_post.ListRecords(metadataPrefix="oai_dc")]

    assert records == by_get
    assert len(by_post.responses) == 4


def test_a_harvester_takes_a_window_of_time_and_then_only_what_changed_since(harvested, live_server):
    harvester = sickle(live_server)
    window = [h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2021-03-06"})]
    until = [h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2021-03-02T12:00:00Z")]
    last_harvest = harvester.responses[-1].xml.find("{*}responseDate").text

    assert window == paths()[5:]
    assert until == paths()[:2]

    Mention.objects.filter(article=harvested.dateless, person=harvested.statkevich).delete()
    since = [h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": last_harvest})]

    assert since == [paths()[-1]]
    with pytest.raises(NoRecordsMatch):
        list(harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2021-02-28"))


def test_a_harvester_takes_one_persons_or_one_topics_set_from_the_list_of_sets(harvested, live_server):
    harvester = sickle(live_server)

    specs = [found.setSpec for found in harvester.ListSets()]
    statkevich = [
        r.header.identifier for r in harvester.ListRecords(metadataPrefix="oai_dc", set="person:nikolai-statkevich")
    ]
    protests = [r.header.identifier for r in harvester.ListRecords(metadataPrefix="oai_dc", set="topic:protests")]

    assert specs == [
        "person",
        "person:alexander-lukashenko",
        "person:nikolai-statkevich",
        "person:vladimir-putin",
        "topic",
        "topic:protests",
    ]
    assert statkevich == [paths()[3], paths()[6]]
    assert protests == [paths()[3]]


def test_a_harvester_reads_one_record_and_the_repositorys_identity(harvested, live_server):
    harvester = sickle(live_server)
    identifier = paths()[0]

    identity = harvester.Identify()
    record = harvester.GetRecord(identifier=identifier, metadataPrefix="oai_dc")

    assert identity.repositoryName == "Belarus Commentary Archive"
    assert identity.baseURL == f"{live_server.url}/oai/"
    assert identity.earliestDatestamp == "2021-03-01T12:00:00Z"
    assert record.header.identifier == identifier
    assert record.header.datestamp == "2021-03-01T12:00:00Z"
