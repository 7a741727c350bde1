"""Nothing a client sends makes the public site fail: every answer is one of the site's own.

Generated requests go to every public URL pattern, with valid and hostile path segments and every parameter the
pages read (and others), their values huge, repeated, non-UTF-8 percent-escapes, NUL and other control characters,
Cyrillic, or broken escapes, through Django's test client on the seed archive. The answer is a page (200), a
permanent redirect to a local address (301), not modified (304), or the site's own 400, 404 or 405.
"""

import os
import re
from urllib.parse import quote, quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LEAD = "2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter"
SIMILAR = "2017/09/25/belarusian-authorities-resumed-arrests-of-opposition"
REQUESTS = 10_000
LIST_PARAMETERS = ["date_after", "date_before", "person", "topic", "q", "sort", "page"]

# Each public URL pattern with the parameters its page reads; "{...}" are path segments drawn in turn.
PATTERNS = [
    ("/", []),
    ("/articles/", LIST_PARAMETERS),
    ("/articles/{year}/", ["page"]),
    ("/articles/{year}/{month}/", ["page"]),
    ("/articles/export.csv", LIST_PARAMETERS),
    ("/articles/export.jsonl", LIST_PARAMETERS),
    ("/articles/{year}/{month}/{day}/{slug}/", []),
    ("/articles/{year}/{month}/{day}/{slug}/cite.bib", []),
    ("/articles/{year}/{month}/{day}/{slug}/cite.ris", []),
    ("/articles/{year}/{month}/{day}/{slug}/cite.json", []),
    ("/articles/{article}/", []),
    ("/articles/{article}/cite.{kind}", []),
    ("/people/", []),
    ("/people/{person}/", ["page"]),
    ("/topics/", []),
    ("/topics/{topic}/", ["page"]),
    ("/feeds/articles.atom", []),
    ("/people/{person}/feed.atom", []),
    ("/topics/{topic}/feed.atom", []),
    ("/sitemap.xml", []),
    ("/sitemap-{section}.xml", ["p"]),
    ("/robots.txt", []),
]
# What readers send in each place, valid or plainly mistaken: the rest of an address holding a hostile value.
ORDINARY = {
    "year": ["2016", "2017", "2018", "0000", "9999"],
    "month": ["04", "09", "13", "00"],
    "day": ["22", "25", "31", "00"],
    "slug": ["lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter", "nothing-of-the-kind"],
    "article": [LEAD, SIMILAR],
    "kind": ["bib", "ris", "json", "xml"],
    "person": ["nikolai-statkevich", "alexander-lukashenko", "vladimir-putin", "nobody", ""],
    "topic": ["belarus-russia-relations", "ruling-elite", "nothing", ""],
    "section": ["articles", "people", "topics", "static", "nothing"],
    "date_after": ["2016-01-01", "2017-09-25", "2016-02-30", "16-01-01"],
    "date_before": ["2017-12-31", "2016-04-22", "0001-01-01", "9999-12-31"],
    "q": ["Statkevich", "Статкевич", '"a phrase', "OR", "-", "ab*", "a* OR -b", "*" * 30],
    "sort": ["newest", "oldest", "relevance", "NEWEST", ""],
    "page": ["1", "2", "0", "-1", "01", "1.5", "9" * 3000, "٣"],
}
HOSTILE_CHARACTERS = "\x00\x01\x08\x0b\x1b\x7f\x85\u200b\u202e\ufeff\ufffd\U0001f600ЁёЙйЪъ&=+;?#%/\\<>\"' \t\r\n"


def percent_encoded(text):
    return quote(text, safe="")


hostile_text = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40),
    st.text(alphabet=HOSTILE_CHARACTERS, max_size=40),
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВІЎі ", max_size=60),
).map(percent_encoded)
# Bytes that are no UTF-8, and escapes that are no escapes.
hostile_bytes = st.binary(max_size=40).map(lambda raw: quote_from_bytes(raw, safe=""))
broken_escapes = st.lists(st.sampled_from(["%", "%G1", "%F", "%FF", "%C3", "%C3%28", "%E2%82", "%00", "%ED%A0%80"]))
huge = st.builds(
    lambda unit, times: unit * times,
    st.sampled_from(["9", "a", "%D1%8F", "%00", "%FF", "a%20", "+", "%22"]),
    st.integers(min_value=500, max_value=5000),
)
hostile = st.one_of(hostile_text, hostile_bytes, broken_escapes.map("".join), huge)


def addresses_holding(value, repeated, ordinary):
    """Every public URL pattern with the value in each of its path segments, then as each of its parameters
    (`repeated` times), the rest of the address ordinary; and the value as the name of a parameter."""
    for template, parameters in PATTERNS:
        slots = re.findall(r"\{(\w+)\}", template)
        path = template.format(**{slot: ordinary[slot] for slot in slots})
        for slot in slots:
            yield template.format(**{other: value if other == slot else ordinary[other] for other in slots})
        for name in parameters:
            yield path + "?" + "&".join([f"{name}={value}"] * repeated)
        yield f"{path}?{value}=1"


REQUESTS_PER_VALUE = len(list(addresses_holding("x", 1, {name: values[0] for name, values in ORDINARY.items()})))


@st.composite
def requests(draw):
    """(method, addresses, headers): a hostile value in every place of every address, one request each."""
    value = draw(hostile)
    ordinary = {name: percent_encoded(draw(st.sampled_from(values))) for name, values in ORDINARY.items()}
    repeated = draw(st.sampled_from([1, 1, 1, 2, 50]))
    method = draw(st.sampled_from(["GET"] * 8 + ["HEAD", "POST", "PUT", "DELETE", "OPTIONS"]))
    headers = {}
    if draw(st.integers(0, 3)) == 0:
        headers["HTTP_IF_NONE_MATCH"] = draw(st.sampled_from(['"1"', "*", 'W/"2", "3"', "", '"\x00"', "\u0416"]))
        headers["HTTP_IF_MODIFIED_SINCE"] = draw(
            st.sampled_from(["Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "yesterday", ""])
        )
    return method, list(addresses_holding(value, repeated, ordinary)), headers


def template_names(response):
    return {template.name for template in response.templates}


def assert_the_sites_own_answer(response):
    status = response.status_code
    assert status in {200, 301, 304, 400, 404, 405}, status
    if response.streaming:
        b"".join(response.streaming_content)
    if status == 301:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
    elif status == 400:
        assert "400.html" in template_names(response)
    elif status == 404:
        assert "404.html" in template_names(response)
    elif status == 405:
        assert response["Allow"] == "GET, HEAD"


def send(client, method, address, headers):
    # The client's generic request keeps the query string as given: its escapes reach Django undecoded.
    return client.generic(method, address, **headers)


@pytest.fixture
def archive(seeded, client):
    """The seed archive, its read index built before the first generated request."""
    assert client.get("/articles/").status_code == 200
    return client


@settings(
    max_examples=-(-REQUESTS // REQUESTS_PER_VALUE),
    deadline=None,
    # Examples reproducible in CI; a developer's run explores new ones.
    derandomize=bool(os.environ.get("CI")),
    database=None,
    # The archive is only read, so one for every example is enough.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(request=requests())
def test_every_generated_request_gets_one_of_the_sites_own_answers(archive, request):
    method, addresses, headers = request
    for address in addresses:
        assert_the_sites_own_answer(send(archive, method, address, headers))


@pytest.mark.parametrize(
    "path",
    ["/articles/", "/articles/2016/", "/articles/2016/04/", "/people/nikolai-statkevich/", "/topics/ruling-elite/"],
)
def test_a_page_number_of_thousands_of_digits_gets_the_lists_own_message(archive, path):
    response = archive.get(path, {"page": "9" * 3000})
    assert response.status_code == 200
    notice = BeautifulSoup(response.content, "html.parser").select_one(".notice")
    assert " ".join(notice.text.split()) == (f"There is no page {'9' * 39}…: this list has 1. Go to the last page.")


def test_a_page_number_of_thousands_of_digits_is_not_redirected_to_another_number(archive):
    assert archive.get("/articles/", {"page": "12" * 1000}).status_code == 200
    assert archive.get("/sitemap-articles.xml", {"p": "12" * 1000}).status_code == 404


def test_more_parameters_than_django_reads_get_the_sites_own_400_page(archive):
    response = archive.get("/articles/?" + "&".join(f"q{n}=1" for n in range(1001)))
    assert response.status_code == 400
    assert template_names(response) == {"400.html"}
    assert BeautifulSoup(response.content, "html.parser").h1.text == "This address asks too much of the archive"


def test_a_post_gets_405_naming_the_methods_the_site_answers(archive):
    response = archive.post("/articles/", {"q": "x"})
    assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")
