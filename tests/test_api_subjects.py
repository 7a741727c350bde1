"""Persons and topics in the API: by name, with how many articles each has, and their articles per year."""

from tests.support.api_answers import BASE, get


def test_persons_and_topics_come_by_name_with_how_many_articles_each_has(client, small_archive):
    """Lukashenko's rejected mention does not count."""
    persons, topics = get(client, "/api/persons/"), get(client, "/api/topics/")

    assert [(person["name"], person["count"]) for person in persons["results"]] == [
        ("Lukashenko", 2),
        ("Putin", 3),
        ("Statkevich", 1),
    ]
    assert [(topic["name"], topic["count"]) for topic in topics["results"]] == [
        ("Integration", 2),
        ("Repression", 1),
        ("Sanctions", 2),
    ]
    assert persons["results"][1]["articles"] == f"{BASE}/api/articles/?person=putin"


def test_a_person_or_topic_gives_its_articles_per_year(client, small_archive):
    assert get(client, "/api/persons/putin/") == {
        "slug": "putin",
        "name": "Putin",
        "description": "",
        "url": f"{BASE}/people/putin/",
        "api_url": f"{BASE}/api/persons/putin/",
        "count": 3,
        "articles": f"{BASE}/api/articles/?person=putin",
        "years": [{"year": 2017, "count": 1}, {"year": 2016, "count": 2}],
    }
    assert get(client, "/api/topics/integration/")["years"] == [{"year": 2017, "count": 1}, {"year": 2016, "count": 1}]
