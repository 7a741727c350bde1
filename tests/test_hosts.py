"""The Host header is checked in full: a port in it must be the one the request came in on."""

import re

import pytest

from archive.models import Article

pytestmark = pytest.mark.django_db


def canonical_link(response):
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.text)[1]


@pytest.fixture
def lead_url(seeded):
    return Article.objects.get(related_links__isnull=False).get_absolute_url()


def test_a_host_without_a_port_is_written_into_canonical_links_as_it_is(client, lead_url):
    assert canonical_link(client.get(lead_url)) == f"http://testserver{lead_url}"


def test_the_port_the_request_came_in_on_is_written_into_canonical_links(client, lead_url):
    response = client.get(lead_url, HTTP_HOST="testserver:8000", SERVER_PORT="8000")

    assert canonical_link(response) == f"http://testserver:8000{lead_url}"


@pytest.mark.parametrize("path", ["/", "/sitemap.xml", "/articles/export.csv", "/admin/login/"])
def test_a_port_other_than_the_one_the_request_came_in_on_is_refused(client, seeded, path):
    response = client.get(path, HTTP_HOST="testserver:6666", SERVER_PORT="8000")

    assert response.status_code == 400
    assert b"6666" not in response.content


def test_a_host_allowed_hosts_does_not_list_is_refused_whatever_its_port(client, seeded):
    assert client.get("/", HTTP_HOST="attacker.example:80").status_code == 400


def test_the_https_redirect_never_repeats_a_port_the_request_did_not_come_in_on(client, seeded, settings):
    settings.SECURE_SSL_REDIRECT = True

    refused = client.get("/", HTTP_HOST="testserver:6666", SERVER_PORT="8000")
    redirected = client.get("/", HTTP_HOST="testserver")

    assert refused.status_code == 400
    assert (redirected.status_code, redirected["Location"]) == (301, "https://testserver/")
