"""The gazetteer: its fixtures, how they are loaded, and how spellings and case endings are matched."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from archive.models import Person, Topic
from archive.subjects import gazetteer as compiled
from archive.subjects.curation import merge_persons
from archive.subjects.inflection import name_forms, normalise
from tests.support.locations import ROOT

PERSONS = json.loads((ROOT / "fixtures" / "persons.json").read_text(encoding="utf-8"))
TOPICS = json.loads((ROOT / "fixtures" / "topics.json").read_text(encoding="utf-8"))
CYRILLIC = re.compile(r"[а-яёіў]", re.IGNORECASE)


def slugs_found(text):
    return {Person.objects.get(pk=pk).slug for pk in compiled.current().scan(body=text).persons}


def test_the_persons_fixture_has_105_persons_each_with_a_role_and_latin_and_cyrillic_spellings():
    assert len(PERSONS) == 105
    assert len({person["slug"] for person in PERSONS}) == len(PERSONS)
    for person in PERSONS:
        spellings = [person["name"], *person["aliases"]]
        assert person["description"].endswith("."), person["slug"]
        assert any(CYRILLIC.search(s) for s in spellings), person["slug"]
        assert any(not CYRILLIC.search(s) for s in spellings), person["slug"]


def test_the_topics_fixture_holds_the_source_sections_and_the_topics_the_corpus_needs():
    assert [topic["slug"] for topic in TOPICS] == [
        "ruling-elite",
        "society-and-political-parties",
        "security-and-defence",
        "belarus-west-relations",
        "belarus-russia-relations",
        "economy",
        "elections",
        "ukraine-and-the-war",
    ]
    for topic in TOPICS:
        assert topic["description"], topic["slug"]
        assert any(CYRILLIC.search(term) for term in topic["terms"]), topic["slug"]
        assert any(not CYRILLIC.search(term) for term in topic["terms"]), topic["slug"]


def test_only_the_tsepkalos_share_a_spelling(gazetteer):
    """Any other shared spelling would make the tagger leave a name for an editor: it must be deliberate."""
    shared = set()

    def walk(node):
        for key, child in node.items():
            if key is compiled.END and len(child) > 1:
                shared.add(frozenset(Person.objects.filter(pk__in=child).values_list("slug", flat=True)))
            elif key is not compiled.END:
                walk(child)

    walk(compiled.current().names)
    assert shared == {frozenset({"valery-tsepkalo", "veronika-tsepkalo"})}


def test_loading_the_gazetteer_twice_adds_nothing_the_second_time(db):
    first, second = StringIO(), StringIO()
    call_command("load_gazetteer", stdout=first)
    call_command("load_gazetteer", stdout=second)

    assert first.getvalue() == "persons: 105 added, 0 already present; topics: 8 added, 0 already present\n"
    assert second.getvalue() == "persons: 0 added, 105 already present; topics: 0 added, 8 already present\n"


def test_loading_the_gazetteer_never_overwrites_what_editors_changed(gazetteer):
    Person.objects.filter(slug="alexander-lukashenko").update(description="Edited.", aliases=["Lukashenko"])
    Topic.objects.filter(slug="economy").update(terms=["GDP"])

    call_command("load_gazetteer", verbosity=0)

    assert Person.objects.values_list("description", "aliases").get(slug="alexander-lukashenko") == (
        "Edited.",
        ["Lukashenko"],
    )
    assert Topic.objects.get(slug="economy").terms == ["GDP"]


def test_a_person_merged_into_another_is_not_brought_back_by_loading_again(gazetteer):
    merge_persons(Person.objects.get(slug="valery-tsepkalo"), [Person.objects.get(slug="veronika-tsepkalo")])

    call_command("load_gazetteer", verbosity=0)

    assert not Person.objects.filter(slug="veronika-tsepkalo").exists()


@pytest.mark.parametrize(
    "text",
    [
        "Statkevich",
        "Mikalai Statkevich’s",
        "Mikałaj Statkievič",
        "Статкевич",
        "Статкевича",
        "Статкевичу",
        "Статкевичем",
        "Статкевиче",
        "Николая Статкевича",
        "Статкевіч",
        "Статкевіча",
        "Мікалаю Статкевічу",
    ],
)
def test_every_spelling_and_case_ending_of_statkevich_gives_statkevich(gazetteer, text):
    assert slugs_found(f"Вчера {text} заявил о протесте.") == {"nikolai-statkevich"}


@pytest.mark.parametrize(
    "text",
    [
        "Tikhanovskaya",
        "Tsikhanouskaya’s",
        "Światłana Cichanoŭskaja",
        "Тихановская",
        "Тихановской",
        "Тихановскую",
        "Светланы Тихановской",
        "Ціханоўскай",
        "Святланай Ціханоўскай",
    ],
)
def test_every_spelling_and_case_ending_of_tsikhanouskaya_gives_tsikhanouskaya(gazetteer, text):
    assert slugs_found(f"Встреча: {text} и делегация.") == {"sviatlana-tsikhanouskaya"}


def test_her_husband_is_told_apart_by_the_case_ending_of_his_name(gazetteer):
    assert slugs_found("Суд над Тихановским и встреча с Тихановской.") == {
        "siarhei-tsikhanouski",
        "sviatlana-tsikhanouskaya",
    }


def test_a_title_before_a_surname_does_not_hide_it(gazetteer):
    assert slugs_found("KGB Chairman Vakulchik met Foreign Minister Makei and President Lukashenko.") == {
        "valery-vakulchik",
        "vladimir-makei",
        "alexander-lukashenko",
    }


def test_a_lower_case_particle_starts_a_name_and_a_surname_inside_another_word_is_not_a_name(gazetteer):
    assert slugs_found("Talks with von der Leyen; the Putinism of the regime.") == {"ursula-von-der-leyen"}


def test_a_changed_person_is_matched_at_once(gazetteer):
    assert slugs_found("Ivanov spoke.") == set()

    Person.objects.create(slug="ivan-ivanov", name="Ivan Ivanov", aliases=["Ivanov"])

    assert slugs_found("Ivanov spoke.") == {"ivan-ivanov"}


def test_words_are_compared_without_case_diacritics_or_the_letter_yo():
    assert normalise("Łukašenka") == "lukasenka"
    assert normalise("Пётр") == "петр"
    assert normalise("Ціханоўская") == "ціханоўская"


def test_russian_and_belarusian_case_endings_are_generated_from_the_spelling():
    assert {"путин", "путина", "путину", "путиным", "путине"} <= name_forms("Путин")
    assert {"лукашэнка", "лукашэнкі", "лукашэнку", "лукашэнкам"} <= name_forms("Лукашэнка")
    assert {"макей", "макея", "макею", "макеем"} <= name_forms("Макей")
    assert {"някляеў", "някляева", "някляеву", "някляевым"} <= name_forms("Някляеў")
    assert name_forms("Лукашенко") == {"лукашенко"}
    assert name_forms("Lukashenko") == {"lukashenko"}
