"""One article in the API: its text, its similar items and the leads that list it, its citations, and the addresses
of what is not there."""

import pytest

from archive.models import SlugRedirect
from tests.support.api_answers import BASE, get


def test_an_article_gives_its_text_its_similar_items_in_page_order_and_its_citations(client, lead_with_similar):
    found = get(client, "/api/articles/2016/04/22/lead/")

    assert {key: found[key] for key in ("title", "published", "body", "body_html", "photo", "listed_under")} == {
        "title": "Lead",
        "published": "2016-04-22T18:26:00+03:00",
        "body": "Lead text.\n\nMore of it.",
        "body_html": "<p>Lead text.</p>\n<p>More of it.</p>",
        "photo": None,
        "listed_under": [],
    }
    assert [(item["title"], item["published"], item["summary"]) for item in found["related"]] == [
        ("First", "2017-09-25T11:14:00+03:00", "First's first paragraph."),
        ("Second", "2014-01-01", "Second's first paragraph."),
        ("Third", "2015-03-01", "Third's first paragraph."),
    ]
    assert found["citations"] == {
        "bibtex": f"{BASE}/articles/2016/04/22/lead/cite.bib",
        "ris": f"{BASE}/articles/2016/04/22/lead/cite.ris",
        "csl_json": f"{BASE}/articles/2016/04/22/lead/cite.json",
    }


def test_an_item_names_the_leads_that_list_it_newest_first(client, lead_with_similar):
    found = get(client, "/api/articles/2015/03/01/third/")

    assert [(lead["title"], lead["api_url"]) for lead in found["listed_under"]] == [
        ("Other lead", f"{BASE}/api/articles/2018/01/01/other-lead/"),
        ("Lead", f"{BASE}/api/articles/2016/04/22/lead/"),
    ]


def test_a_former_slug_or_an_unpadded_date_redirects_permanently_to_the_current_address(client, lead_with_similar):
    lead, _ = lead_with_similar
    SlugRedirect.objects.create(published_date=lead.published_date, old_slug="first-lead", article=lead)

    for former in ["/api/articles/2016/04/22/first-lead/", "/api/articles/2016/4/22/lead/"]:
        response = client.get(former)
        assert (response.status_code, response["Location"]) == (301, "/api/articles/2016/04/22/lead/")


@pytest.mark.parametrize(
    ("url", "status", "errors"),
    [
        ("/api/articles/2016/04/22/no-such-article/", 404, {}),
        ("/api/articles/2016/02/30/lead/", 404, {}),
        ("/api/articles/2016/13/22/lead/", 400, {"month": ["Input should be less than or equal to 12"]}),
        ("/api/persons/no-such-person/", 404, {}),
        ("/api/topics/not%20a%20slug/", 400, {"slug": ["String should match pattern '^[-a-zA-Z0-9_]+$'"]}),
    ],
)
def test_what_is_not_there_is_a_json_404_and_a_malformed_address_a_400(client, lead_with_similar, url, status, errors):
    assert get(client, url, status=status).get("errors", {}) == errors
