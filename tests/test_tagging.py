"""Persons and topics found at import: the seed page, spellings, photographers, ambiguity and editors' decisions."""

import json
from pathlib import Path

import pytest

from archive.importing.loader import import_file
from archive.models import Article, ArticleTopic, Decision, Mention, Person, SourceFile, UnknownName
from tests.support.importing import export

PAGES = Path(__file__).resolve().parent / "tagging" / "pages"


def import_page(name):
    path = PAGES / name
    result = import_file(path.name, path.read_bytes())
    assert result.status == "imported", result.error
    return result


def mentions(title):
    """(slug, decision, pictured) of an article's mentions, in order of first appearance."""
    return [
        (m.person.slug, m.decision, m.pictured)
        for m in Mention.objects.filter(article__title=title).select_related("person").order_by("position")
    ]


def topics(title):
    return list(
        ArticleTopic.objects.filter(article__title=title).order_by("position").values_list("topic__slug", flat=True)
    )


LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
SIMILAR = "Belarusian authorities resumed arrests of opposition"


def test_seed_lead_names_lukashenko_vakulchik_putin_and_clinton_in_order_of_appearance(seeded):
    assert mentions(LEAD) == [
        ("alexander-lukashenko", Decision.FOUND, False),
        ("valery-vakulchik", Decision.FOUND, False),
        ("vladimir-putin", Decision.FOUND, False),
        ("hillary-clinton", Decision.FOUND, False),
    ]


def test_seed_similar_item_names_statkevich_pictured_and_neklyaev_but_not_the_photographer(seeded):
    assert mentions(SIMILAR) == [
        ("nikolai-statkevich", Decision.FOUND, True),
        ("vladimir-neklyaev", Decision.FOUND, False),
    ]
    assert not UnknownName.objects.filter(text__contains="Брушко").exists()


def test_seed_articles_get_their_strongest_topics_only(seeded):
    """The lead weighs Russia, the West and the KGB; the similar item is about arrests of the opposition."""
    assert topics(LEAD) == ["belarus-russia-relations", "belarus-west-relations", "security-and-defence"]
    assert topics(SIMILAR) == ["society-and-political-parties"]


def test_every_spelling_and_case_ending_in_one_article_gives_one_mention(gazetteer):
    """The title says Lukashenka, the caption Лукашэнка, the body Lukashenko, Alexander Lukashenko and Лукашенко."""
    import_page("spellings.txt")

    assert mentions("Lukashenka and the KGB") == [("alexander-lukashenko", Decision.FOUND, True)]
    assert mentions("Statkevich detained again") == [("nikolai-statkevich", Decision.FOUND, False)]


def test_a_photographer_in_a_credit_is_never_a_subject(gazetteer):
    """Andrei Dmitriev is in the gazetteer as a politician; here he only took the photos."""
    import_page("photographer.txt")

    assert mentions("Rally at the KGB building") == []
    assert mentions("Statkevich sentenced to 15 days") == [("nikolai-statkevich", Decision.FOUND, True)]


def test_an_ambiguous_surname_is_left_for_an_editor(gazetteer):
    """Valery and Veronika Tsepkalo share a surname: only a full name says which one the text means."""
    import_page("ambiguous.txt")

    assert mentions("Tsepkalo will not return") == []
    assert mentions("The Tsepkalo family leaves for Moscow") == [("valery-tsepkalo", Decision.FOUND, False)]
    assert UnknownName.objects.get(text="Tsepkalo").count == 1


def test_names_the_tagger_does_not_know_are_counted_for_editors(gazetteer):
    import_page("unknown.txt")

    assert list(UnknownName.objects.values_list("text", "count", "example__title")) == [
        ("Ivanov", 1, "A new governor for Grodno"),
        ("Karanik", 1, "A new governor for Grodno"),
        ("Vladimir Karanik", 1, "A new governor for Grodno"),
    ]


def test_tagging_at_import_can_be_switched_off_for_a_bulk_load(gazetteer, settings, seed_page_path):
    settings.ARCHIVE_TAG_AT_IMPORT = False

    import_file(seed_page_path.name, seed_page_path.read_bytes())

    assert Article.objects.count() == 2
    assert not Mention.objects.exists()
    assert not ArticleTopic.objects.exists()


SHORT = b"Talks in Sochi\n\n2019-12-20\n\nPutin met Lukashenko in Sochi.\n"
LONGER = (
    b"Talks in Sochi\n\n2019-12-20\n\nThe talks in Sochi ended without a deal on oil.\n\n"
    b"Neither side named a date for the next round; Nikolai Statkevich called the talks a show.\n"
)


def test_reimport_keeps_editors_decisions_and_drops_what_is_no_longer_found(gazetteer):
    """The longer text names neither Putin nor Lukashenko: the found Putin goes, the confirmed Lukashenko stays."""
    import_file("short.txt", SHORT)
    Mention.objects.filter(person__slug="alexander-lukashenko").update(decision=Decision.CONFIRMED)
    article = Article.objects.get()
    Mention.objects.create(article=article, person=Person.objects.get(slug="viktor-babariko"), decision=Decision.ADDED)

    import_file("longer.txt", LONGER)

    assert sorted(Mention.objects.values_list("person__slug", "decision")) == [
        ("alexander-lukashenko", Decision.CONFIRMED),
        ("nikolai-statkevich", Decision.FOUND),
        ("viktor-babariko", Decision.ADDED),
    ]


def test_a_rejected_mention_is_not_found_again_on_reimport(gazetteer):
    import_file("short.txt", SHORT)
    Mention.objects.filter(person__slug="vladimir-putin").update(decision=Decision.REJECTED)

    import_file("longer-with-putin.txt", LONGER.replace(b"Neither side", b"Putin"))

    assert sorted(Mention.objects.values_list("person__slug", "decision")) == [
        ("nikolai-statkevich", Decision.FOUND),
        ("vladimir-putin", Decision.REJECTED),
    ]


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_dry_run_import_tags_like_a_real_one_and_then_leaves_nothing(gazetteer, seed_page_path, dry_run):
    result = import_file(seed_page_path.name, seed_page_path.read_bytes(), dry_run=dry_run)

    assert result.status == "imported"
    assert Mention.objects.count() == (0 if dry_run else 6)


def test_export_and_import_carry_editors_decisions_byte_for_byte(seeded):
    """Rejected Neklyaev, confirmed pictured Statkevich and an added Babariko survive into an empty archive."""
    Mention.objects.filter(person__slug="vladimir-neklyaev").update(decision=Decision.REJECTED)
    Mention.objects.filter(person__slug="nikolai-statkevich").update(decision=Decision.CONFIRMED)
    Mention.objects.create(
        article=Article.objects.get(title=SIMILAR),
        person=Person.objects.get(slug="viktor-babariko"),
        decision=Decision.ADDED,
        position=1,
    )
    ArticleTopic.objects.filter(article__title=LEAD, topic__slug="security-and-defence").update(
        decision=Decision.REJECTED
    )
    first = export()
    Article.objects.all().delete()
    SourceFile.objects.all().delete()

    assert import_file("archive.jsonl", first.encode()).status == "imported"

    assert export() == first
    similar = json.loads(first.splitlines()[1])
    assert [(p["slug"], p["decision"], p["pictured"]) for p in similar["persons"]] == [
        ("nikolai-statkevich", Decision.CONFIRMED, True),
        ("viktor-babariko", Decision.ADDED, False),
    ]
    assert similar["persons_rejected"] == [{"slug": "vladimir-neklyaev", "name": "Vladimir Neklyaev"}]
