"""Who may do what: editors import, edit and curate; only superusers manage accounts; the public site only reads."""

import pytest
from django.contrib.auth.models import Group, Permission

from archive.models import Article, SourceFile

EDITORS = {
    "view_articleversion",
    "change_articleversion",
    "add_article",
    "change_article",
    "view_article",
    "add_relatedlink",
    "change_relatedlink",
    "delete_relatedlink",
    "view_relatedlink",
    "add_mention",
    "change_mention",
    "delete_mention",
    "view_mention",
    "add_articletopic",
    "change_articletopic",
    "delete_articletopic",
    "view_articletopic",
    "add_person",
    "change_person",
    "view_person",
    "add_topic",
    "change_topic",
    "view_topic",
    "change_unknownname",
    "delete_unknownname",
    "view_unknownname",
    "add_sourcefile",
    "view_sourcefile",
    "view_articlesource",
    "view_slugredirect",
    "add_hiddensuggestion",
    "change_hiddensuggestion",
    "delete_hiddensuggestion",
    "view_hiddensuggestion",
}


@pytest.mark.django_db
def test_the_editors_group_holds_exactly_what_editors_need():
    """Import (add articles and source files), edit and curate, read the history; never delete an article."""
    permissions = Group.objects.get(name="Editors").permissions.all()

    assert {p.content_type.app_label for p in permissions} == {"archive"}
    assert {p.codename for p in permissions} == EDITORS


def test_an_editor_cannot_delete_an_article(editor_client, seeded):
    article = Article.objects.first()

    response = editor_client.post(f"/admin/archive/article/{article.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Article.objects.count() == 2


def test_an_editor_cannot_see_or_manage_accounts(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    assert "/admin/auth/" not in editor_client.get("/admin/").text


def test_staff_granted_account_permissions_still_cannot_manage_accounts(client, django_user_model):
    """Whoever edits accounts can make themselves superuser, so a permission is not enough."""
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    clerk.user_permissions.set(Permission.objects.filter(content_type__app_label="auth"))
    client.force_login(clerk)

    assert client.get("/admin/auth/user/").status_code == 403
    assert client.post(f"/admin/auth/user/{clerk.pk}/change/", {"is_superuser": "on"}).status_code == 403
    clerk.refresh_from_db()
    assert clerk.is_superuser is False


def test_a_superuser_manages_accounts(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))

    assert client.get("/admin/auth/user/").status_code == 200
    assert client.get("/admin/auth/group/").status_code == 200


def test_an_editor_reads_the_import_history(editor_client, seeded):
    source = SourceFile.objects.get()

    assert editor_client.get("/admin/archive/sourcefile/").status_code == 200
    assert editor_client.get(f"/admin/archive/sourcefile/{source.pk}/change/").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_public_article_page_refuses_to_write(client, seeded, method):
    url = Article.objects.first().get_absolute_url()

    assert getattr(client, method)(url).status_code == 405
