"""The editors' full export in the admin: the selected articles as `export_articles` writes them, behind login."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from archive.models import Article
from tests.support.editing import make_editor

CHANGE_LIST = "/admin/archive/article/"


def export_action(client, articles):
    return client.post(
        CHANGE_LIST, {"action": "export_records", "_selected_action": [article.pk for article in articles]}
    )


def test_an_editor_exports_the_selected_articles_as_export_articles_writes_them(editor_client, research_archive):
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)

    response = export_action(editor_client, [research_archive.dateless, research_archive.lead])

    assert response["Content-Disposition"] == 'attachment; filename="articles.jsonl"'
    assert b"".join(response.streaming_content).decode().splitlines() == [
        line for line in exported.getvalue().splitlines() if not line.startswith('{"url": "/articles/2017/')
    ]


def test_staff_who_may_not_read_the_import_history_are_not_offered_the_export(
    client, django_user_model, research_archive
):
    staff = make_editor(django_user_model, "reader")
    staff.groups.clear()
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(staff)

    refused = export_action(client, [research_archive.dateless])

    assert client.get(CHANGE_LIST).context["action_form"] is None
    assert (refused.status_code, refused.has_header("Content-Disposition")) == (200, False)


@pytest.mark.django_db
def test_without_login_the_export_is_the_login_page(client, research_archive):
    response = export_action(client, Article.objects.all())

    assert (response.status_code, response["Location"]) == (302, "/admin/login/?next=/admin/archive/article/")
