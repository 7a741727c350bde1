"""Too many persons in a link: the filter is left out with a message, at the cost of the list without it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.read_index.reading import LEAD, SIMILAR, titles


def test_200_distinct_persons_answer_the_whole_list_with_a_message_in_the_queries_of_the_list_alone(
    client, seeded, django_assert_max_num_queries
):
    """MAX_SLUGS (10) persons at most combine; past that the parameter is left out, and the page costs no more
    queries than the list without it (the generation, the page's articles, their persons and topics, the facets'
    persons and topics), whatever the link names."""
    assert titles(client) == [SIMILAR, LEAD]
    with CaptureQueriesContext(connection) as unfiltered:
        assert titles(client) == [SIMILAR, LEAD]

    with django_assert_max_num_queries(len(unfiltered)):
        response = client.get("/articles/", {"person": [f"person-{number}" for number in range(200)]})

    assert response.status_code == 200
    assert "<li>Persons: At most 10 can be combined; this link names 200. It was left out.</li>" in response.text
    assert response.context["pagination"].paginator.count == 2
    assert "The archive has no person" not in response.text


def test_200_repeated_identical_persons_count_as_one(client, seeded):
    """The list of the one person, served from the canonical link the repeated one redirects to."""
    response = client.get("/articles/", {"person": ["nikolai-statkevich"] * 200}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [("/articles/?person=nikolai-statkevich", 301)]
    assert response.context["form"].errors == {}
    assert [article.title for article, _, _ in response.context["results"]] == [SIMILAR]
