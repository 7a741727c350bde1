"""A change shows on the list and in search at once, whichever way it is made. Each test first opens the index (a
list page), so what it shows afterwards comes from following the change, not from a first build."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from archive.index import filters, lookup, store
from archive.models import Article, Decision, Mention, Person
from tests.read_index.reading import (
    LEAD,
    LEAD_SLUG,
    SIMILAR,
    applied,
    changelist_action,
    delete_in_admin,
    found,
    post_form,
    titles,
)
from tests.support.editing import IMPORT_URL


def test_a_command_line_import_is_listed_and_found_at_once(client, gazetteer, seed_page_path):
    assert titles(client) == []

    call_command("import_articles", str(seed_page_path), stdout=io.StringIO())

    assert titles(client) == [SIMILAR, LEAD]
    assert titles(client, person="nikolai-statkevich") == [SIMILAR]
    assert found(client, "Statkevich") == [SIMILAR]
    assert found(client, "piquancy") == [LEAD]


def test_an_import_confirmed_on_the_admins_import_page_is_listed_and_found_at_once(
    admin_client, gazetteer, seed_page_path
):
    """The preview imports and rolls back: the list shows nothing of it until the editor confirms."""
    upload = SimpleUploadedFile(seed_page_path.name, seed_page_path.read_bytes(), content_type="text/plain")
    preview = admin_client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"})
    assert titles(admin_client) == []
    assert found(admin_client, "Statkevich") == []

    admin_client.post(IMPORT_URL, {"token": preview.context["token"], "confirm": "Confirm import"})

    assert titles(admin_client) == [SIMILAR, LEAD]
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert found(admin_client, "Statkevich") == [SIMILAR]
    assert titles(admin_client, q="piquancy", person="vladimir-putin") == [LEAD]


def test_an_editors_new_title_and_body_are_found_at_once_and_the_old_words_no_longer(admin_client, seeded):
    """The word "piquancy" is in the lead's body alone; the new title and body replace it."""
    lead = Article.objects.get(slug=LEAD_SLUG)
    assert found(admin_client, "piquancy") == [LEAD]

    post_form(
        admin_client,
        reverse("admin:archive_article_change", args=[lead.pk]),
        title="Lukashenko courts the West",
        body="A referendum was announced.",
    )

    assert found(admin_client, "piquancy") == []
    assert found(admin_client, "referendum") == ["Lukashenko courts the West"]
    assert found(admin_client, "courts") == ["Lukashenko courts the West"]
    assert titles(admin_client, person="vladimir-putin") == ["Lukashenko courts the West"]


def test_an_article_deleted_in_the_admin_leaves_the_list_and_its_lead_is_no_longer_a_lead(admin_client, seeded):
    """The similar item was the lead's only one: with it gone, the home page's leads (the index's lead flag) are
    none."""
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert lookup.count(filters.Filters(leads_only=True)) == 1

    delete_in_admin(admin_client, "article", Article.objects.get(title=SIMILAR).pk)

    assert titles(admin_client) == [LEAD]
    assert titles(admin_client, person="nikolai-statkevich") == []
    assert found(admin_client, "Statkevich") == []
    assert lookup.count(filters.Filters(leads_only=True)) == 0


def test_a_merge_of_two_persons_lists_both_articles_under_the_one_kept(admin_client, seeded):
    """A duplicate "N. Statkevich" added by hand to the lead, with a spelling, "Statkevichus", that no text holds:
    only a person's spellings in the index find it."""
    duplicate = Person.objects.create(slug="n-statkevich", name="N. Statkevich", aliases=["Statkevichus"])
    Mention.objects.create(article=Article.objects.get(slug=LEAD_SLUG), person=duplicate, decision=Decision.ADDED)
    statkevich = Person.objects.get(slug="nikolai-statkevich")
    assert titles(admin_client, person="n-statkevich") == [LEAD]
    assert found(admin_client, "Statkevichus") == [LEAD]

    changelist_action(admin_client, "person", "merge", [statkevich.pk, duplicate.pk], merge_into=statkevich.pk)

    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR, LEAD]
    assert titles(admin_client, person="n-statkevich") == []
    # The duplicate's spellings are the kept person's now: they find both his articles.
    assert found(admin_client, "Statkevichus") == [SIMILAR, LEAD]


def test_a_rejected_mention_leaves_the_persons_list_and_a_confirmed_one_comes_back(admin_client, seeded):
    """The first name of Statkevich's spelling "Мікола Статкевіч" is in no text: only his mention puts it in the
    index."""
    mention = Mention.objects.get(person__slug="nikolai-statkevich")
    assert found(admin_client, "Мікола") == [SIMILAR]

    changelist_action(admin_client, "mention", "reject", [mention.pk])

    assert titles(admin_client, person="nikolai-statkevich") == []
    assert found(admin_client, "Мікола") == []

    changelist_action(admin_client, "mention", "confirm", [mention.pk])

    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert found(admin_client, "Мікола") == [SIMILAR]


def test_a_mention_added_changed_and_deleted_in_its_own_form_shows_at_once(admin_client, seeded):
    """Statkevich added by hand to the lead, then changed to Neklyaev, then deleted. "Мікола" and "Някляеў" are
    spellings of theirs that no text holds."""
    lead = Article.objects.get(slug=LEAD_SLUG)
    statkevich, neklyaev = (Person.objects.get(slug=slug) for slug in ("nikolai-statkevich", "vladimir-neklyaev"))
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]

    post_form(admin_client, reverse("admin:archive_mention_add"), article=lead.pk, person=statkevich.pk)
    added = Mention.objects.get(article=lead, person=statkevich)

    assert added.decision == Decision.ADDED
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR, LEAD]
    assert found(admin_client, "Мікола") == [SIMILAR, LEAD]

    post_form(admin_client, reverse("admin:archive_mention_change", args=[added.pk]), person=neklyaev.pk)

    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert titles(admin_client, person="vladimir-neklyaev") == [SIMILAR, LEAD]
    assert found(admin_client, "Мікола") == [SIMILAR]
    assert found(admin_client, "Някляеў") == [SIMILAR, LEAD]

    delete_in_admin(admin_client, "mention", added.pk)

    assert titles(admin_client, person="vladimir-neklyaev") == [SIMILAR]
    assert found(admin_client, "Някляеў") == [SIMILAR]


def test_a_mention_moved_to_another_article_in_its_form_leaves_the_article_it_was_in(admin_client, seeded):
    """Neklyaev's mention moved from the similar item to the lead: the similar item is no longer his."""
    mention = Mention.objects.get(person__slug="vladimir-neklyaev")
    lead = Article.objects.get(slug=LEAD_SLUG)
    assert titles(admin_client, person="vladimir-neklyaev") == [SIMILAR]

    post_form(admin_client, reverse("admin:archive_mention_change", args=[mention.pk]), article=lead.pk)

    assert titles(admin_client, person="vladimir-neklyaev") == [LEAD]
    assert found(admin_client, "Някляеў") == [LEAD]


@pytest.mark.parametrize("where", ["admin", "shell"])
def test_retag_after_an_alias_is_added_lists_and_finds_every_article_of_the_person(
    where, admin_client, seeded, make_article
):
    """A nickname of Lukashenko's that the gazetteer lacks, "Batka", added in his admin form or saved as a shell
    or a script saves it. Retag tags the parade article, which only calls him so (persons +1, the seed page's two
    articles unchanged); the lead, already his, is found by the new spelling too, as a rebuilt index finds it."""
    parade = make_article("A parade in Minsk", "2018-05-09", body="Batka reviewed the parade.")
    lukashenko = Person.objects.get(slug="alexander-lukashenko")
    assert titles(admin_client, person="alexander-lukashenko") == [LEAD]
    assert found(admin_client, "Batka") == [parade.title]
    if where == "admin":
        aliases = "\n".join([*lukashenko.aliases, "Batka"])
        post_form(admin_client, reverse("admin:archive_person_change", args=[lukashenko.pk]), aliases=aliases)
    else:
        lukashenko.aliases = [*lukashenko.aliases, "Batka"]
        lukashenko.save()
    output = io.StringIO()

    call_command("retag", stdout=output)

    assert output.getvalue() == "3 articles; persons +1 -0; topics +0 -0\n"
    assert titles(admin_client, person="alexander-lukashenko") == [parade.title, LEAD]
    assert found(admin_client, "Batka") == [parade.title, LEAD]
    assert found(admin_client, "Łukašenka") == [parade.title, LEAD]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_change_is_in_the_index_folder_before_any_page_asks(admin_client, seeded, settings):
    """Once an editor's save commits, the process that made it applies it to the index: the build holds the
    database's last change before any list is asked for."""
    assert titles(admin_client) == [SIMILAR, LEAD]
    lead = Article.objects.get(slug=LEAD_SLUG)

    post_form(admin_client, reverse("admin:archive_article_change", args=[lead.pk]), body="A referendum was announced.")

    assert applied(settings.ARCHIVE_INDEX_DIR) == store.generation()
    assert found(admin_client, "referendum") == [LEAD]
