"""The API served like the pages: read-only, kept and revalidated by the archive's generation, and described by
its OpenAPI schema and documentation page."""

import hashlib
import json

import pytest
from bs4 import BeautifulSoup

from archive.research.api.service import api
from tests.support.api_answers import BASE, get

API_URLS = [
    "/api/",
    "/api/openapi.json",
    "/api/articles/?person=putin",
    "/api/articles/2016/01/10/minsk-talks/",
    "/api/persons/",
    "/api/persons/putin/",
    "/api/topics/",
    "/api/topics/integration/",
]


@pytest.mark.parametrize("url", API_URLS)
def test_the_api_only_reads(client, small_archive, url):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(url)
        assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")


@pytest.mark.parametrize("url", API_URLS)
def test_answers_are_kept_like_pages_and_revalidated_by_the_archives_generation(client, small_archive, url):
    page = client.get("/articles/")
    response = client.get(url)

    generation = page["ETag"].strip('"').split("-")[0]
    assert response.status_code == 200
    assert response["Cache-Control"] == page["Cache-Control"]
    assert response["ETag"] == f'"{generation}-{hashlib.sha256(url.encode()).hexdigest()[:12]}"'
    assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_head_gets_the_headers_of_get_without_a_body(client, small_archive):
    response = client.head("/api/articles/?person=putin")

    assert (response.status_code, response["Content-Type"], response.content) == (
        200,
        "application/json; charset=utf-8",
        b"",
    )


def test_the_openapi_schema_is_served_at_a_stable_address_without_head_operations(client, small_archive):
    served = get(client, "/api/openapi.json")

    assert served == json.loads(json.dumps(api.get_openapi_schema()))
    assert served["openapi"].startswith("3.")
    assert sorted(served["paths"]) == [
        "/api/articles/",
        "/api/articles/{year}/{month}/{day}/{slug}/",
        "/api/articles/{year}/{month}/{day}/{slug}/versions/",
        "/api/persons/",
        "/api/persons/{slug}/",
        "/api/topics/",
        "/api/topics/{slug}/",
    ]
    assert {method for operations in served["paths"].values() for method in operations} == {"get"}


def test_the_documentation_page_shows_curl_and_python_examples_for_this_host(client, small_archive):
    response = client.get("/api/")
    html = BeautifulSoup(response.content, "html.parser")
    examples = [pre.text for pre in html.select("pre")]

    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html.select_one("h1").text == "The archive’s API"
    assert examples[0] == f"curl '{BASE}/api/articles/?person=nikolai-statkevich&date_after=2017-01-01'"
    assert 'url = "http://testserver/api/articles/?person=nikolai-statkevich&date_after=2017-01-01"' in examples[1]
    assert 'url = page["next"]' in examples[1]
    assert "Answers may be kept for 5 minutes (Cache-Control)" in html.text
