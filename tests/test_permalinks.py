"""Permanent URLs: made of the date and the slug only, and every former URL still leads to the article."""

import datetime

import lxml.html
import pytest

from archive.importing.loader import import_file
from archive.models import Article, SlugRedirect, SourceFile
from tests.support.locations import SEEDS
from tests.support.research_archive import LEAD_TITLE

OLD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
MIDDLE = "/articles/2016/04/22/lukashenko-and-the-russo-american-conflict/"
CURRENT = "/articles/2016/04/22/lukashenko-seeks-the-epicentre/"


@pytest.fixture
def renamed(research_archive):
    """The lead's slug changed twice, as the editors' admin records it: a redirect row for each former slug."""
    lead = research_archive.lead
    for old_slug in [
        "lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter",
        "lukashenko-and-the-russo-american-conflict",
    ]:
        SlugRedirect.objects.create(published_date=lead.published_date, old_slug=old_slug, article=lead)
    lead.slug = "lukashenko-seeks-the-epicentre"
    lead.save()
    return lead


def test_an_article_url_is_its_date_and_slug(research_archive):
    assert research_archive.lead.get_absolute_url() == OLD


def test_the_url_survives_a_new_database_where_the_ids_differ(research_archive):
    """Importing the seed page into an emptied archive makes new rows with new ids and the same URLs."""
    old_id = research_archive.lead.pk
    Article.objects.all().delete()
    SourceFile.objects.all().delete()
    for path in SEEDS.glob("*.txt"):
        import_file(path.name, path.read_bytes())

    again = Article.objects.get(title=LEAD_TITLE)

    assert again.pk != old_id
    assert again.get_absolute_url() == OLD


@pytest.mark.parametrize("former", [OLD, MIDDLE])
def test_every_former_url_answers_301_straight_to_the_current_one(client, renamed, former):
    response = client.get(former)

    assert response.status_code == 301
    assert response["Location"] == CURRENT


@pytest.mark.parametrize("former", [OLD, MIDDLE])
@pytest.mark.parametrize("kind", ["bib", "ris", "json"])
def test_citation_files_under_a_former_slug_answer_301_to_the_current_ones(client, renamed, former, kind):
    response = client.get(f"{former}cite.{kind}")

    assert response.status_code == 301
    assert response["Location"] == f"{CURRENT}cite.{kind}"


def test_the_current_url_serves_the_article(client, renamed):
    assert client.get(CURRENT).status_code == 200
    assert client.get(f"{CURRENT}cite.bib").status_code == 200


def test_a_corrected_date_redirects_from_the_former_date(client, research_archive):
    """An editor moved the lead to the 23rd; the URL under the 22nd still finds it."""
    lead = research_archive.lead
    SlugRedirect.objects.create(published_date=lead.published_date, old_slug=lead.slug, article=lead)
    lead.published_date = datetime.date(2016, 4, 23)
    lead.save()

    response = client.get(f"{OLD}cite.ris")

    assert response.status_code == 301
    assert response["Location"] == f"{lead.get_absolute_url()}cite.ris"
    assert response["Location"].startswith("/articles/2016/04/23/")


def test_a_former_slug_taken_again_by_another_article_serves_that_article(client, renamed):
    newcomer = Article.objects.create(
        title="Lukashenko and the Russo-American conflict",
        slug="lukashenko-and-the-russo-american-conflict",
        published_date=datetime.date(2016, 4, 22),
        body="A different article.",
    )

    response = client.get(f"{MIDDLE}cite.json")

    assert response.status_code == 200
    assert response.json()[0]["title"] == newcomer.title


def test_a_slug_that_never_existed_is_not_found(client, renamed):
    assert client.get("/articles/2016/04/22/never-existed/").status_code == 404
    assert client.get("/articles/2016/04/22/never-existed/cite.bib").status_code == 404


def export_links(client, query):
    doc = lxml.html.fromstring(client.get(f"/articles/{query}", follow=True).content)
    return sorted(doc.xpath('//a[contains(@href, "/articles/export.")]/@href'))


def test_a_filtered_list_has_one_canonical_form_whatever_order_its_parameters_came_in(client, research_archive):
    """A cited result set reopens identically: the same filters in any order export through the same URL."""
    one = export_links(client, "?topic=protests&person=nikolai-statkevich&person=alexander-lukashenko")
    other = export_links(client, "?person=alexander-lukashenko&topic=protests&person=nikolai-statkevich")

    query = "person=alexander-lukashenko&person=nikolai-statkevich&topic=protests"
    assert one == other == [f"/articles/export.csv?{query}", f"/articles/export.jsonl?{query}"]
