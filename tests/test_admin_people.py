"""Editors curate the gazetteer in the admin: spellings, merges, found mentions and names the tagger did not know."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from archive.importing.loader import import_file
from archive.models import ArticleTopic, Decision, Mention, Person, UnknownName
from tests.support.editing import make_editor

PAGES = Path(__file__).resolve().parent / "tagging" / "pages"
SIMILAR = "Belarusian authorities resumed arrests of opposition"
CURATED = ["person", "mention", "articletopic", "unknownname"]


def person(slug):
    return Person.objects.get(slug=slug)


def changelist_action(client, model, action, selected, **extra):
    url = reverse(f"admin:archive_{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": selected, **extra}, follow=True)


def test_each_person_links_to_the_articles_that_name_them(admin_client, seeded):
    statkevich = person("nikolai-statkevich")

    page = admin_client.get(reverse("admin:archive_person_changelist"), {"q": "Statkevich"}).content.decode()
    mentions = admin_client.get(reverse("admin:archive_mention_changelist"), {"person__id__exact": statkevich.pk})

    assert f'<a href="/admin/archive/mention/?person__id__exact={statkevich.pk}">1</a>' in page
    assert SIMILAR in mentions.content.decode()
    assert mentions.context["cl"].result_count == 1


def test_each_topic_links_to_its_articles(admin_client, seeded):
    page = admin_client.get(reverse("admin:archive_topic_changelist")).content.decode()
    topic = ArticleTopic.objects.get(article__title=SIMILAR).topic

    assert f'<a href="/admin/archive/articletopic/?topic__id__exact={topic.pk}">1</a>' in page


def test_a_person_is_found_by_any_spelling_in_any_case_ending(admin_client, gazetteer):
    response = admin_client.get(reverse("admin:archive_person_changelist"), {"q": "Статкевича"})

    assert [p.slug for p in response.context["cl"].result_list] == ["nikolai-statkevich"]


def test_aliases_are_edited_one_a_line(admin_client, gazetteer):
    neklyaev = person("vladimir-neklyaev")
    url = reverse("admin:archive_person_change", args=[neklyaev.pk])

    form = admin_client.get(url).content.decode()
    response = admin_client.post(
        url,
        {
            "name": "Vladimir Neklyaev",
            "slug": "vladimir-neklyaev",
            "description": "Poet.",
            "aliases": "Neklyaev\r\n  Некляев \r\n\r\nNeklyaev\r\nНякляеў",
        },
    )

    assert "Uladzimir Niakliayeu\nUladzimir Nyaklyayew\n" in form
    assert response.status_code == 302
    neklyaev.refresh_from_db()
    assert neklyaev.aliases == ["Neklyaev", "Некляев", "Някляеў"]


def test_merging_two_persons_moves_their_mentions_and_keeps_editors_decisions(admin_client, seeded):
    """A duplicate "N. Statkevich" holds a confirmed mention in the similar item and an added one in the lead."""
    duplicate = Person.objects.create(slug="n-statkevich", name="N. Statkevich", aliases=["Mikola Statkevich"])
    Mention.objects.create(
        article=Mention.objects.get(article__title=SIMILAR, person__slug="vladimir-neklyaev").article,
        person=duplicate,
        decision=Decision.CONFIRMED,
        position=5,
    )
    lead = Mention.objects.exclude(article__title=SIMILAR).first().article
    Mention.objects.create(article=lead, person=duplicate, decision=Decision.ADDED, position=7)
    statkevich = person("nikolai-statkevich")

    response = changelist_action(
        admin_client, "person", "merge", [statkevich.pk, duplicate.pk], merge_into=statkevich.pk
    )

    assert "Merged N. Statkevich into Nikolai Statkevich: 2 mentions moved." in response.content.decode()
    assert not Person.objects.filter(slug="n-statkevich").exists()
    assert sorted(statkevich.mentions.values_list("article__title", "decision", "pictured", "position")) == [
        (SIMILAR, Decision.CONFIRMED, True, 0),
        (lead.title, Decision.ADDED, False, 7),
    ]
    statkevich.refresh_from_db()
    assert statkevich.aliases[-1] == "N. Statkevich"
    assert statkevich.aliases.count("Mikola Statkevich") == 1


def test_merging_needs_a_person_to_keep(admin_client, gazetteer):
    selected = [person("valery-tsepkalo").pk, person("veronika-tsepkalo").pk]

    response = changelist_action(admin_client, "person", "merge", selected, merge_into="")

    assert "Choose the person to keep" in response.content.decode()
    assert Person.objects.filter(slug__in=["valery-tsepkalo", "veronika-tsepkalo"]).count() == 2


def test_editors_confirm_and_reject_found_mentions(admin_client, seeded):
    statkevich = Mention.objects.get(person__slug="nikolai-statkevich")
    neklyaev = Mention.objects.get(person__slug="vladimir-neklyaev")

    changelist_action(admin_client, "mention", "confirm", [statkevich.pk])
    changelist_action(admin_client, "mention", "reject", [neklyaev.pk])

    assert Mention.objects.get(pk=statkevich.pk).decision == Decision.CONFIRMED
    assert Mention.objects.get(pk=neklyaev.pk).decision == Decision.REJECTED


def test_a_mention_added_by_hand_is_marked_as_added(admin_client, seeded):
    form = admin_client.get(reverse("admin:archive_mention_add"))

    assert form.context["adminform"].form.initial["decision"] == Decision.ADDED


def test_an_unknown_name_becomes_a_person_in_one_action_and_its_article_is_tagged(admin_client, gazetteer):
    import_file("unknown.txt", (PAGES / "unknown.txt").read_bytes())
    unknown = UnknownName.objects.get(text="Vladimir Karanik")

    response = changelist_action(admin_client, "unknownname", "create_persons", [unknown.pk])

    assert "Added Vladimir Karanik, found in 1 article." in response.content.decode()
    assert list(Mention.objects.values_list("person__slug", "decision")) == [("vladimir-karanik", Decision.FOUND)]
    assert sorted(UnknownName.objects.values_list("text", flat=True)) == ["Ivanov", "Karanik"]


def test_a_name_two_persons_share_is_not_made_into_a_third(admin_client, gazetteer):
    import_file("ambiguous.txt", (PAGES / "ambiguous.txt").read_bytes())
    unknown = UnknownName.objects.get(text="Tsepkalo")

    listing = admin_client.get(reverse("admin:archive_unknownname_changelist")).content.decode()
    response = changelist_action(admin_client, "unknownname", "create_persons", [unknown.pk])

    assert "Valery Tsepkalo</a>, <a" in listing
    assert "“Tsepkalo” is already a spelling of Valery Tsepkalo, Veronika Tsepkalo" in response.content.decode()
    assert Person.objects.filter(name="Tsepkalo").count() == 0


def test_an_unknown_name_links_to_a_prefilled_person_form_whose_saving_tags_the_archive(admin_client, gazetteer):
    import_file("unknown.txt", (PAGES / "unknown.txt").read_bytes())
    listing = admin_client.get(reverse("admin:archive_unknownname_changelist")).content.decode()
    add_url = reverse("admin:archive_person_add")

    form = admin_client.get(add_url, {"name": "Vladimir Karanik"})
    admin_client.post(
        add_url,
        {"name": "Vladimir Karanik", "slug": "vladimir-karanik", "description": "", "aliases": "Karanik"},
    )

    assert f'<a href="{add_url}?name=Vladimir+Karanik">Add as a person…</a>' in listing
    assert form.context["adminform"].form.initial["name"] == "Vladimir Karanik"
    assert list(Mention.objects.values_list("person__slug", flat=True)) == ["vladimir-karanik"]
    assert list(UnknownName.objects.values_list("text", flat=True)) == ["Ivanov"]


def test_names_that_are_not_persons_are_dismissed(admin_client, gazetteer):
    import_file("unknown.txt", (PAGES / "unknown.txt").read_bytes())

    changelist_action(admin_client, "unknownname", "dismiss", [UnknownName.objects.get(text="Ivanov").pk])

    assert list(UnknownName.objects.filter(dismissed=True).values_list("text", flat=True)) == ["Ivanov"]


@pytest.fixture
def viewer_client(client, django_user_model):
    """Staff who may look at persons, topics, mentions and unknown names, and change nothing."""
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(content_type__app_label="archive", codename__startswith="view_")
    )
    client.force_login(viewer)
    return client


def offered_actions(client, model):
    response = client.get(reverse(f"admin:archive_{model}_changelist"))
    assert response.status_code == 200
    # The changelist offers no action form at all when none is allowed.
    form = response.context["action_form"]
    return [name for name, _ in form.fields["action"].choices if name] if form else []


def test_staff_who_may_only_view_are_offered_no_action(viewer_client, gazetteer):
    import_file("unknown.txt", (PAGES / "unknown.txt").read_bytes())

    assert {model: offered_actions(viewer_client, model) for model in CURATED} == {model: [] for model in CURATED}


def test_a_forged_merge_by_staff_who_may_only_view_merges_nothing(viewer_client, gazetteer):
    selected = [person("valery-tsepkalo").pk, person("veronika-tsepkalo").pk]

    changelist_action(viewer_client, "person", "merge", selected, merge_into=selected[0])

    assert Person.objects.filter(slug__in=["valery-tsepkalo", "veronika-tsepkalo"]).count() == 2


def test_forged_decisions_by_staff_who_may_only_view_decide_nothing(viewer_client, seeded):
    mention = Mention.objects.get(person__slug="nikolai-statkevich")
    topic = ArticleTopic.objects.get(article__title=SIMILAR)

    changelist_action(viewer_client, "mention", "confirm", [mention.pk])
    changelist_action(viewer_client, "mention", "reject", [mention.pk])
    changelist_action(viewer_client, "articletopic", "reject", [topic.pk])

    assert Mention.objects.get(pk=mention.pk).decision == Decision.FOUND
    assert ArticleTopic.objects.get(pk=topic.pk).decision == Decision.FOUND


def test_forged_actions_on_unknown_names_by_staff_who_may_only_view_change_nothing(viewer_client, gazetteer):
    import_file("unknown.txt", (PAGES / "unknown.txt").read_bytes())
    karanik, ivanov = UnknownName.objects.get(text="Vladimir Karanik"), UnknownName.objects.get(text="Ivanov")

    changelist_action(viewer_client, "unknownname", "create_persons", [karanik.pk])
    changelist_action(viewer_client, "unknownname", "dismiss", [ivanov.pk])

    assert not Person.objects.filter(name="Vladimir Karanik").exists()
    assert list(UnknownName.objects.order_by("text").values_list("text", "dismissed")) == [
        ("Ivanov", False),
        ("Karanik", False),
        ("Vladimir Karanik", False),
    ]


def test_an_editor_curates_but_is_not_offered_the_merge_which_deletes_a_person(editor_client, gazetteer):
    assert offered_actions(editor_client, "person") == []
    assert offered_actions(editor_client, "mention") == ["delete_selected", "confirm", "reject"]
    assert offered_actions(editor_client, "unknownname") == ["delete_selected", "create_persons", "dismiss"]


def test_a_forged_merge_by_an_editor_merges_nothing(editor_client, gazetteer):
    selected = [person("valery-tsepkalo").pk, person("veronika-tsepkalo").pk]

    changelist_action(editor_client, "person", "merge", selected, merge_into=selected[0])

    assert Person.objects.filter(slug__in=["valery-tsepkalo", "veronika-tsepkalo"]).count() == 2


def test_staff_who_may_change_and_delete_persons_merge_them(client, django_user_model, gazetteer):
    curator = make_editor(django_user_model, "curator")
    curator.user_permissions.add(Permission.objects.get(content_type__app_label="archive", codename="delete_person"))
    client.force_login(curator)
    keep, merged = person("valery-tsepkalo"), person("veronika-tsepkalo")

    changelist_action(client, "person", "merge", [keep.pk, merged.pk], merge_into=keep.pk)

    assert offered_actions(client, "person") == ["delete_selected", "merge"]
    assert list(Person.objects.filter(slug__contains="tsepkalo").values_list("slug", flat=True)) == ["valery-tsepkalo"]
