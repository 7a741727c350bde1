"""Whole pages come from the cache until a change to the archive commits."""

import pytest
from django.test import Client

from archive.index import recording
from archive.index.kept import Kept
from archive.lists.query import ListQuery
from archive.models import Article
from archive.serving import canonical
from tests.support.importing import import_path
from tests.support.locations import PAGES

pytestmark = pytest.mark.django_db

LEAD_TITLE = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"


def test_an_unchanged_archive_serves_the_page_it_made_before(seeded, cached_pages, client):
    assert LEAD_TITLE in client.get("/").text
    # A change that announces nothing, as only a bug would make, shows that the page came from the cache.
    Article.objects.filter(title=LEAD_TITLE).update(title="Renamed behind the archive's back")
    assert LEAD_TITLE in client.get("/").text


def test_a_committed_change_makes_every_page_fresh(seeded, cached_pages, client, django_capture_on_commit_callbacks):
    client.get("/")
    lead = Article.objects.get(title=LEAD_TITLE)
    Article.objects.filter(pk=lead.pk).update(title="Renamed and announced")
    assert "Renamed and announced" not in client.get("/").text
    with django_capture_on_commit_callbacks(execute=True):
        recording.record([lead.pk])
    assert "Renamed and announced" in client.get("/").text


def test_an_import_makes_pages_fresh(
    seeded, cached_pages, client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """Kept, the list reads only the archive's generation; the import's commit makes it build the list anew."""
    assert "Белорусские власти" not in client.get("/articles/").text
    with django_assert_num_queries(1):
        client.get("/articles/")
    with django_capture_on_commit_callbacks(execute=True):
        import_path(PAGES / "russian_dateline.txt")
    assert "Белорусские власти возобновили аресты оппозиции" in client.get("/articles/").text


def test_an_editors_save_makes_pages_fresh(seeded, cached_pages, client, django_capture_on_commit_callbacks):
    lead = Article.objects.get(title=LEAD_TITLE)
    client.get(lead.get_absolute_url())
    Article.objects.filter(pk=lead.pk).update(title="Corrected by an editor")
    assert "Corrected by an editor" not in client.get(lead.get_absolute_url()).text
    lead.title = "Corrected by an editor"
    with django_capture_on_commit_callbacks(execute=True):
        lead.save()
    assert "Corrected by an editor" in client.get(lead.get_absolute_url()).text


def test_a_dry_run_forgets_nothing(seeded, cached_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        import_path(PAGES / "russian_dateline.txt", dry_run=True)
    assert callbacks == []


def test_pages_tell_browsers_and_shared_caches_how_long_to_keep_them(seeded, cached_pages, client):
    response = client.get("/")
    assert response["Cache-Control"] == "public, max-age=300, stale-while-revalidate=60"
    again = client.get("/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_missing_page_is_not_kept(seeded, cached_pages, client):
    url = "/articles/2020/05/12/lukashenko-i-zapad/"
    assert client.get(url).status_code == 404
    # Not even announced as a change: an answer that was never kept needs no forgetting.
    import_path(PAGES / "russian_dateline.txt")
    assert client.get(url).status_code == 200


def test_a_template_response_is_kept_once_rendered(seeded, cached_pages, client, django_assert_num_queries):
    """Built, the sitemap index takes seven queries; kept, only the archive's generation is read."""
    first = client.get("/sitemap.xml")
    assert first.status_code == 200
    with django_assert_num_queries(1):
        kept = client.get("/sitemap.xml")
    assert kept.content == first.content


@pytest.mark.parametrize("url", ["/", "/articles/", "/sitemap.xml", "/feeds/articles.atom", "/articles/export.csv"])
def test_a_write_to_a_public_page_is_refused_as_not_allowed_even_with_csrf_checks(seeded, url):
    response = Client(enforce_csrf_checks=True).post(url)
    assert response.status_code == 405


def test_a_kept_page_is_never_the_answer_to_another_method(seeded, cached_pages, client):
    assert client.get("/articles/").status_code == 200
    assert client.delete("/articles/").status_code == 405
    assert client.post("/articles/").status_code == 405


def test_a_sitemap_section_is_built_once_a_generation(
    seeded, cached_pages, client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """Django's sitemap view answers a TemplateResponse, which the cache keeps once it is rendered."""
    built = client.get("/sitemap-articles.xml").content
    with django_assert_num_queries(1):
        kept = client.get("/sitemap-articles.xml").content
    with django_capture_on_commit_callbacks(execute=True):
        import_path(PAGES / "russian_dateline.txt")

    rebuilt = client.get("/sitemap-articles.xml").content

    assert kept == built
    # Each article in English and in Russian.
    assert built.count(b"<url>") == 4
    assert rebuilt.count(b"<url>") == 8


def test_a_list_found_in_the_cache_has_its_parameters_read_once_for_its_address(
    seeded, cached_pages, client, monkeypatch
):
    monkeypatch.setattr(canonical, "_addresses", Kept(canonical.KEPT_ADDRESSES))
    read, original = [], ListQuery.__init__

    def counted(query, data):
        read.append(data.urlencode())
        original(query, data)

    monkeypatch.setattr(ListQuery, "__init__", counted)
    first = client.get("/articles/?q=minsk&sort=oldest")
    again = client.get("/articles/?q=minsk&sort=oldest")
    redirected = client.get("/articles/?sort=oldest&q=minsk")

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.content == first.content
    assert redirected.status_code == 301
    assert redirected["Location"] == "/articles/?q=minsk&sort=oldest"
    assert read == ["q=minsk&sort=oldest", "sort=oldest&q=minsk"]
