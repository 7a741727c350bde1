"""`manage.py retag`: the whole archive tagged again after the gazetteer changed, editors' decisions kept."""

from io import StringIO

from django.core.management import call_command

from archive.models import Article, Decision, Mention, Person, UnknownName

LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"


def retag(*args):
    out = StringIO()
    call_command("retag", *args, stdout=out)
    return out.getvalue()


def lead_mentions():
    return list(
        Mention.objects.filter(article__title=LEAD).order_by("position").values_list("person__slug", "decision")
    )


def drop_bare_clinton():
    """An editor decides that "Clinton" alone is too ambiguous to stand for Hillary Clinton."""
    clinton = Person.objects.get(slug="hillary-clinton")
    clinton.aliases = [alias for alias in clinton.aliases if alias not in {"Clinton", "Клинтон"}]
    clinton.save()


def test_retag_with_an_unchanged_gazetteer_changes_nothing(seeded):
    assert retag() == "2 articles; persons +0 -0; topics +0 -0\n"


def test_retag_reports_and_applies_what_a_changed_gazetteer_finds(seeded):
    drop_bare_clinton()
    Person.objects.create(slug="sochi-host", name="Sochi")

    output = retag("--verbosity", "2")

    assert output.splitlines() == [
        f"+ person Sochi: {LEAD}",
        f"- person Hillary Clinton: {LEAD}",
        "2 articles; persons +1 -1; topics +0 -0",
    ]
    assert [slug for slug, _ in lead_mentions()] == [
        "alexander-lukashenko",
        "valery-vakulchik",
        "vladimir-putin",
        "sochi-host",
    ]


def test_a_dry_run_reports_the_same_changes_and_saves_none(seeded):
    drop_bare_clinton()
    before = lead_mentions()

    assert retag("--dry-run") == "dry run, nothing saved: 2 articles; persons +0 -1; topics +0 -0\n"
    assert lead_mentions() == before


def test_editors_decisions_survive_retag(seeded):
    """Rejected Lukashenko is not found again, confirmed Clinton stays without her alias, added Neklyaev stays."""
    Mention.objects.filter(article__title=LEAD, person__slug="alexander-lukashenko").update(decision=Decision.REJECTED)
    Mention.objects.filter(article__title=LEAD, person__slug="hillary-clinton").update(decision=Decision.CONFIRMED)
    Mention.objects.create(
        article=Article.objects.get(title=LEAD),
        person=Person.objects.get(slug="vladimir-neklyaev"),
        decision=Decision.ADDED,
        position=9,
    )
    drop_bare_clinton()

    assert retag() == "2 articles; persons +0 -0; topics +0 -0\n"
    assert lead_mentions() == [
        ("alexander-lukashenko", Decision.REJECTED),
        ("valery-vakulchik", Decision.FOUND),
        ("vladimir-putin", Decision.FOUND),
        ("hillary-clinton", Decision.CONFIRMED),
        ("vladimir-neklyaev", Decision.ADDED),
    ]


def test_retag_counts_unknown_names_afresh_and_keeps_dismissed_ones(seeded):
    """The seed names nobody the gazetteer lacks: stale counts go, a dismissed name stays dismissed."""
    UnknownName.objects.create(text="Somebody Forgotten", count=7)
    UnknownName.objects.create(text="Federal Security", count=3, dismissed=True)

    retag()

    assert list(UnknownName.objects.values_list("text", "count", "dismissed")) == [("Federal Security", 0, True)]
