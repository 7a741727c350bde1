"""A small archive for the researchers' tests: the seed page, one article without a time, curated persons and topics.

The persons and topics are set here as an editor would leave them, replacing whatever the tagger found, so that
the tests state exactly who each article is about.
"""

from dataclasses import dataclass

from archive.importing.loader import import_file
from archive.models import Article, ArticleTopic, Decision, Mention, Person, Topic
from tests.support.locations import SEEDS

DATELESS_PAGE = """\
Opposition <leaders> & the "Vilnius" talks

May 12, 2020

Opposition leaders met in Vilnius to discuss a common platform & a single candidate.

Observers expect the talks to continue in June.
"""

LEAD_TITLE = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
RELATED_TITLE = "Belarusian authorities resumed arrests of opposition"


@dataclass
class SampleArchive:
    lead: Article
    related: Article
    dateless: Article
    lukashenko: Person
    statkevich: Person
    putin: Person
    protests: Topic


def curate(article, persons=(), rejected=(), topics=()):
    for position, person in enumerate(persons):
        Mention.objects.create(article=article, person=person, decision=Decision.CONFIRMED, position=position)
    for position, person in enumerate(rejected, start=len(persons)):
        Mention.objects.create(article=article, person=person, decision=Decision.REJECTED, position=position)
    for position, topic in enumerate(topics):
        ArticleTopic.objects.create(article=article, topic=topic, decision=Decision.ADDED, position=position)


def build_research_archive():
    files = [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    for name, data in [*files, ("dateless.txt", DATELESS_PAGE.encode())]:
        result = import_file(name, data)
        assert result.status == "imported", result.error
    Mention.objects.all().delete()
    ArticleTopic.objects.all().delete()

    def person(slug, name):
        return Person.objects.update_or_create(slug=slug, defaults={"name": name})[0]

    archive = SampleArchive(
        lead=Article.objects.get(title=LEAD_TITLE),
        related=Article.objects.get(title=RELATED_TITLE),
        dateless=Article.objects.get(published_date="2020-05-12"),
        lukashenko=person("alexander-lukashenko", "Alexander Lukashenko"),
        statkevich=person("nikolai-statkevich", "Nikolai Statkevich"),
        putin=person("vladimir-putin", "Vladimir Putin"),
        protests=Topic.objects.update_or_create(slug="protests", defaults={"name": "Protests"})[0],
    )
    curate(archive.lead, persons=[archive.lukashenko, archive.putin])
    curate(archive.related, persons=[archive.statkevich], topics=[archive.protests])
    curate(archive.dateless, persons=[archive.statkevich, archive.lukashenko], rejected=[archive.putin])
    return archive
