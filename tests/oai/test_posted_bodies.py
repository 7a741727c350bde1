"""A POST to /oai/ is a harvester's form, as the protocol says: anything else is refused before its body is read."""

import pytest
from django.test import Client

from tests.oai.provider import REPOSITORY

FORM = "application/x-www-form-urlencoded"


class Unread:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def posted(content_type, length, **extra):
    return Client().generic(
        "POST", "/oai/", CONTENT_TYPE=content_type, CONTENT_LENGTH=str(length), **{"wsgi.input": Unread()}, **extra
    )


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data; boundary=xyz", "application/json", "text/plain", "application/octet-stream", ""],
)
def test_a_post_that_is_not_a_form_is_refused_with_415_before_its_body_is_read(archive, content_type):
    response = posted(content_type, 10_000)

    assert (response.status_code, response["Accept-Post"]) == (415, FORM)


def test_a_form_longer_than_any_request_of_the_protocol_is_refused_with_413_before_it_is_read(archive):
    response = posted(f"{FORM}; charset=UTF-8", 8193)

    assert response.status_code == 413


def test_a_form_as_long_as_the_bound_is_answered(archive):
    body = f"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:{REPOSITORY}:articles/".ljust(8192, "a")

    response = Client().generic("POST", "/oai/", body, content_type=f"{FORM}; charset=UTF-8")

    assert (len(body), response.status_code) == (8192, 200)
    assert b'<error code="idDoesNotExist">' in response.content
