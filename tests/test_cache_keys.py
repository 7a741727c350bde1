"""Pages answered at any address they are sent to (OAI-PMH, the API) are kept once whatever the order of their
parameters, and never under a parameter a client made up; the other pages are kept under their canonical address
alone: one client cannot fill the cache with copies."""

import pytest
from django.core.cache import cache

from tests.oai.provider import REPOSITORY

ARTICLE_API = "/api/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"


@pytest.fixture
def cached_pages(settings):
    settings.ARCHIVE_PAGE_CACHE_SECONDS = 3600
    settings.ARCHIVE_OAI_REPOSITORY_ID = REPOSITORY
    cache.clear()
    yield
    cache.clear()


def pages_kept():
    # LocMemCache's own table: the test settings keep pages in this process's memory.
    return len([key for key in cache._cache if ":archive:page:" in key])


def answers(client, *addresses):
    return [client.get(address).content for address in addresses]


def test_every_order_of_the_oai_arguments_is_one_kept_page(client, research_archive, cached_pages):
    first, *others = answers(
        client,
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc&set=person:nikolai-statkevich",
        "/oai/?set=person:nikolai-statkevich&metadataPrefix=oai_dc&verb=ListRecords",
        "/oai/?metadataPrefix=oai_dc&verb=ListRecords&set=person:nikolai-statkevich",
    )

    assert pages_kept() == 1
    assert b"<ListRecords>" in first
    assert others == [first, first]


def test_an_oai_request_with_an_argument_made_up_is_answered_and_not_kept(client, research_archive, cached_pages):
    answered = answers(client, *(f"/oai/?verb=Identify&junk{number}=1" for number in range(5)))

    assert pages_kept() == 0
    assert [b'<error code="badArgument">' in answer for answer in answered] == 5 * [True]


def test_every_order_of_the_api_lists_parameters_is_one_kept_page(client, research_archive, cached_pages):
    first, *others = answers(
        client,
        "/api/articles/?person=nikolai-statkevich&sort=oldest&limit=1",
        "/api/articles/?limit=1&sort=oldest&person=nikolai-statkevich",
        "/api/articles/?sort=oldest&limit=1&person=nikolai-statkevich",
    )

    assert pages_kept() == 1
    assert others == [first, first]


def test_a_parameter_made_up_for_the_api_is_refused_or_ignored_and_never_kept_apart(
    client, research_archive, cached_pages
):
    statuses = [client.get(f"/api/articles/?junk={number}").status_code for number in range(3)]
    article, *junk = answers(client, ARTICLE_API, *(f"{ARTICLE_API}?junk={number}" for number in range(3)))
    people, *more = answers(client, "/api/persons/", "/api/persons/?page=2", "/api/persons/?junk=1")

    assert statuses == [400, 400, 400]
    assert pages_kept() == 2
    assert (junk, more) == ([article] * 3, [people] * 2)


def test_a_list_whose_address_holds_a_malformed_value_is_answered_and_not_kept(client, research_archive, cached_pages):
    """Such a list has no canonical address to be kept under: it explains the value instead of redirecting."""
    responses = [client.get(f"/articles/?page=x{number}") for number in range(5)]

    assert pages_kept() == 0
    assert [response.status_code for response in responses] == 5 * [200]


def test_a_list_at_its_canonical_address_is_one_kept_page(client, research_archive, cached_pages):
    first, again = answers(client, "/articles/?person=nikolai-statkevich", "/articles/?person=nikolai-statkevich")

    assert pages_kept() == 1
    assert again == first
