import pytest
from django.core.management import call_command

from archive.models import RelatedLink
from archive.subjects.gazetteer import invalidate as invalidate_gazetteer
from tests.support.browsing_archive import build_browsing_archive
from tests.support.editing import make_editor
from tests.support.importing import import_path
from tests.support.locations import SEEDS
from tests.support.research_archive import build_research_archive
from tests.support.small_archive import SMALL_ARCHIVE


def pytest_collection_modifyitems(items):
    """A module's tests that share a module-scoped fixture (servers, clusters, migrated template databases) run on
    one worker, one after another (`make test` distributes by group): spread over workers, or interleaved with other
    modules on one, each would make the fixture again."""
    for item in items:
        definitions = getattr(item, "_fixtureinfo", None)
        scopes = {d.scope for defs in definitions.name2fixturedefs.values() for d in defs} if definitions else set()
        if "module" in scopes:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture
def seed_page_path():
    return next(SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def fresh_gazetteer():
    """Compile the gazetteer from this test's database: an earlier test's persons were rolled back with it."""
    invalidate_gazetteer()


@pytest.fixture(autouse=True)
def read_index(settings, tmp_path):
    """A read index of this test's own: the database is rolled back after each test, the index folder is not."""
    from archive.index import store

    settings.ARCHIVE_INDEX_DIR = tmp_path / "index"
    store.close()
    yield settings.ARCHIVE_INDEX_DIR
    store.close()


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    """A folder of this test's own for uploads waiting for their preview's confirmation and their job."""
    settings.ARCHIVE_IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    return settings.ARCHIVE_IMPORT_UPLOAD_DIR


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """Serve pages fresh: a test rolls its changes back instead of committing them, so the page cache, which
    forgets pages when a change commits, would go on serving what an earlier test saw (test_caching.py
    turns it back on)."""
    settings.ARCHIVE_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def cached_pages(settings):
    """The page cache on, and empty before and after the test."""
    from django.core.cache import cache

    settings.ARCHIVE_PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gazetteer(db):
    """The archive with the persons and topics of fixtures/persons.json and fixtures/topics.json."""
    call_command("load_gazetteer", verbosity=0)


@pytest.fixture
def seeded(db, gazetteer, seed_page_path):
    """The archive with the seed page imported, as `make run` serves it."""
    result = import_path(seed_page_path)
    assert result.status == "imported", result.error
    return result


@pytest.fixture
def make_article(db):
    """Create an article directly: `make_article("Title", "2016-04-22", body=..., time=...)`."""
    import datetime

    from archive.models import Article
    from archive.text.identity import slug_for

    def make(title, date, *, body="A paragraph.", time=None, **fields):
        article = Article.objects.create(
            title=title,
            slug=fields.pop("slug", slug_for(title)),
            published_date=datetime.date.fromisoformat(date),
            published_time=datetime.time.fromisoformat(time) if time else None,
            body=body,
            **fields,
        )
        return article

    return make


@pytest.fixture
def small_archive(make_article):
    """Five articles with persons (one mention rejected) and topics, for filter and list tests."""
    from archive.models import ArticleTopic, Decision, Mention, Person, Topic

    persons = {
        slug: Person.objects.create(slug=slug, name=slug.title()) for slug in ["lukashenko", "putin", "statkevich"]
    }
    topics = {
        slug: Topic.objects.create(slug=slug, name=slug.title()) for slug in ["integration", "repression", "sanctions"]
    }
    for title, date, time, public, rejected, tags in SMALL_ARCHIVE:
        article = make_article(title, date, time=time, body=f"About {title.lower()}.")
        for slug in public:
            Mention.objects.create(article=article, person=persons[slug])
        for slug in rejected:
            Mention.objects.create(article=article, person=persons[slug], decision=Decision.REJECTED)
        for slug in tags:
            ArticleTopic.objects.create(article=article, topic=topics[slug], decision=Decision.CONFIRMED)


@pytest.fixture
def editor(django_user_model):
    return make_editor(django_user_model)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def research_archive(db):
    """The seed page and one article without a time, with curated persons and topics (tests/research_archive.py)."""
    return build_research_archive()


@pytest.fixture
def browsing_archive(db):
    """The seed page and two more pages, with curated persons and topics (tests/browsing_archive.py)."""
    build_browsing_archive()


@pytest.fixture
def lead_with_similar(make_article):
    """A lead listing three similar items out of date order; another lead lists the third of them too."""
    lead = make_article("Lead", "2016-04-22", time="18:26", body="Lead text.\n\nMore of it.")
    similar = [
        make_article("Third", "2015-03-01", body="Third's first paragraph.\n\nMore."),
        make_article("First", "2017-09-25", time="11:14", body="First's first paragraph."),
        make_article("Second", "2014-01-01", body="Second's first paragraph."),
    ]
    for position, item in enumerate([similar[1], similar[2], similar[0]]):
        RelatedLink.objects.create(lead=lead, related=item, position=position)
    other = make_article("Other lead", "2018-01-01")
    RelatedLink.objects.create(lead=other, related=similar[0], position=0)
    return lead, similar


@pytest.fixture
def versioned(client, gazetteer, editor):
    """The seed's lead in three versions: imported, a longer text imported, a title fixed by an editor
    (tests/versioned_archive.py)."""
    from tests.support.versioned_archive import build_versioned_archive

    return build_versioned_archive(client, editor)
