"""A small archive for the page-level tests: the seed page, two pages written here, curated persons and topics.

The persons and topics are set as an editor would leave them, replacing whatever the tagger found, so that the
tests state exactly which articles each filter gives. The dates are chosen so that a date range separates
articles about the same person: the seed's similar item (25 September 2017) falls outside 26 September 2017 to
31 December 2017, the two articles of `RELEASE_PAGE` fall inside it.
"""

from archive.importing.loader import import_file
from archive.models import Article, ArticleTopic, Decision, Mention, Person, Topic
from archive.text.identity import slug_for
from tests.support.locations import SEEDS

RELEASE_PAGE = """\
Statkevich released after five days of administrative arrest

September 30, 2017 09:05

The opposition politician Nikolai Statkevich left the detention centre in Minsk on Saturday morning.

His supporters expect the authorities to keep up the pressure before the spring protests.

Similar articles

Belarusian authorities resumed arrests of opposition
September 25, 2017 11:14
Николай Статкевич. Фото: Дмитрий Брушко, TUT.BY

Following crackdown and arrests of participants in the spring protests, the authorities resumed arrests.

Оппозиция готовит марш в Минске
2 октября 2017

Организаторы подали заявку на шествие, но власти пока не ответили.
"""

SANCTIONS_PAGE = """\
Sanctions debate returns to Brussels & Minsk watches <closely>

March 3, 2018 14:40

European ministers discussed whether to extend the remaining restrictions on Belarusian officials.

Official Minsk hopes that its role in the regional conflict will soften the position of the EU.

Similar articles

Lukashenko aspires to be in the Russo-American conflict’s epicenter
April 22, 2016 18:26

On February 21st, at a meeting with KGB Chairman Vladimir Vakulchik, President Lukashenko asked about progress.
"""

# A later saving of the Russian article, with a longer text: its second version.
MARCH_LATER_PAGE = """\
Оппозиция готовит марш в Минске
2 октября 2017

Организаторы подали заявку на шествие, но власти пока не ответили.

Городские власти обещают рассмотреть заявку в течение недели.
"""

SEED_LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
SEED_RELATED = "Belarusian authorities resumed arrests of opposition"
RELEASE = "Statkevich released after five days of administrative arrest"
MARCH = "Оппозиция готовит марш в Минске"
SANCTIONS = "Sanctions debate returns to Brussels & Minsk watches <closely>"


def curate(title, persons=(), topics=()):
    article = Article.objects.get(title=title)
    for position, person in enumerate(persons):
        Mention.objects.create(article=article, person=person, decision=Decision.CONFIRMED, position=position)
    for position, topic in enumerate(topics):
        ArticleTopic.objects.create(article=article, topic=topic, decision=Decision.ADDED, position=position)


def person(slug, name, aliases):
    return Person.objects.update_or_create(slug=slug, defaults={"name": name, "aliases": aliases})[0]


def topic(slug, name):
    return Topic.objects.update_or_create(slug=slug, defaults={"name": name})[0]


def build_browsing_archive():
    files = [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    files += [("release.txt", RELEASE_PAGE.encode()), ("sanctions.txt", SANCTIONS_PAGE.encode())]
    files += [("march-later.txt", MARCH_LATER_PAGE.encode())]
    for name, data in files:
        result = import_file(name, data)
        assert result.status == "imported", result.error
    Mention.objects.all().delete()
    ArticleTopic.objects.all().delete()

    lukashenko = person("alexander-lukashenko", "Alexander Lukashenko", ["Lukashenko", "Лукашенко"])
    statkevich = person("nikolai-statkevich", "Nikolai Statkevich", ["Statkevich", "Статкевич"])
    putin = person("vladimir-putin", "Vladimir Putin", ["Putin", "Путин"])
    protests = topic("protests", "Protests")
    curate(SEED_LEAD, persons=[lukashenko, putin])
    curate(SEED_RELATED, persons=[statkevich], topics=[protests])
    curate(RELEASE, persons=[statkevich], topics=[protests])
    curate(MARCH, persons=[statkevich], topics=[protests])
    curate(SANCTIONS, persons=[lukashenko], topics=[topic("sanctions", "Sanctions")])


def permalink(date, title):
    return f"/articles/{date}/{slug_for(title)}/"


# One URL of every public page type, by a name used in test ids and screenshot file names.
PAGE_URLS = {
    "home": "/",
    "list": "/articles/",
    "list-filtered": "/articles/?person=nikolai-statkevich&topic=protests&date_after=2017-09-26&date_before=2017-12-31",
    "list-search": "/articles/?q=Статкевич",
    "list-invalid": "/articles/?date_after=2016-13-45&person=no-such-person",
    "article": permalink("2017/09/30", RELEASE),
    "article-photo": permalink("2017/09/25", SEED_RELATED),
    "article-russian": permalink("2017/10/02", MARCH),
    "people": "/people/",
    "person": "/people/nikolai-statkevich/",
    "topics": "/topics/",
    "topic": "/topics/protests/",
    "year": "/articles/2017/",
    "month": "/articles/2017/09/",
    "versions": permalink("2017/10/02", MARCH) + "versions/",
    "version-former": permalink("2017/10/02", MARCH) + "versions/1/",
    "version-compare": permalink("2017/10/02", MARCH) + "versions/1/compare/2/",
    "not-found": "/articles/2017/09/30/no-such-article/",
    "api": "/api/",
}
# The same pages in the interface's other language.
RUSSIAN_PAGE_URLS = {f"{name}-ru": f"/ru{url}" for name, url in PAGE_URLS.items()}
