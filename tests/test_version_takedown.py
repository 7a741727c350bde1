"""An editor may hide an earlier version from the public, for a legal takedown, with a reason only editors see: its
address then answers 410 Gone, the TimeMap, the TimeGate and the public export leave it out, and nothing is deleted."""

import json

import pytest

from archive.models import ArticleVersion
from tests.support.editing import change_form_data
from tests.support.versioned_archive import IMPORTED, LEAD_URL

pytestmark = pytest.mark.django_db

REASON = "Court order 2026/118: the first paragraph named a private person."


def lead_record(exported):
    return next(record for line in exported.splitlines() if (record := json.loads(line))["url"] == LEAD_URL)


def change_url(version):
    return f"/admin/archive/articleversion/{version.pk}/change/"


def hide(client, editor, number, reason=REASON):
    version = ArticleVersion.objects.get(article__title__startswith="Lukashenko", number=number)
    client.force_login(editor)
    data = change_form_data(client.get(change_url(version)))
    data.update(hidden="on", hidden_reason=reason)
    response = client.post(change_url(version), data)
    client.logout()
    return response


def test_a_hidden_version_answers_410_gone_never_404(versioned, client, editor):
    assert hide(client, editor, 1).status_code == 302

    for path in ("versions/1/", "versions/1/compare/2/", "versions/1/cite.bib"):
        assert client.get(f"{LEAD_URL}{path}").status_code == 410
    assert client.get(f"{LEAD_URL}versions/2/").status_code == 200


def test_a_hidden_version_is_left_out_of_the_timemap_and_the_timegate(versioned, client, editor):
    hide(client, editor, 1)

    timemap = client.get(f"{LEAD_URL}timemap/").content.decode()
    assert "versions/1/" not in timemap
    assert 'versions/2/>; rel="first memento"' in timemap
    gate = client.get(f"{LEAD_URL}timegate/", HTTP_ACCEPT_DATETIME="Sat, 10 Jan 2026 09:00:00 GMT")
    assert gate["Location"].endswith(f"{LEAD_URL}versions/2/")


def test_the_reason_is_shown_to_editors_only_and_nothing_is_deleted(versioned, client, editor):
    hide(client, editor, 1)
    public = [client.get(f"{LEAD_URL}{path}").content.decode() for path in ("", "versions/", "versions/1/")]
    public.append(client.get("/articles/export.jsonl").getvalue().decode())

    assert not any(REASON in page for page in public)
    assert ArticleVersion.objects.filter(article=versioned).count() == 3
    hidden = ArticleVersion.objects.get(article=versioned, number=1)
    assert (hidden.hidden, hidden.hidden_reason, hidden.valid_from) == (True, REASON, IMPORTED)
    client.force_login(editor)
    assert REASON in client.get(change_url(hidden)).content.decode()


def test_the_public_export_leaves_a_hidden_version_out_the_editors_export_keeps_it(versioned, client, editor):
    from tests.support.importing import export

    hide(client, editor, 1)
    public = lead_record(client.get("/articles/export.jsonl").getvalue().decode())
    full = lead_record(export())

    assert [v["number"] for v in public["versions"]] == [2, 3]
    assert [(v["number"], v.get("hidden_reason")) for v in full["versions"]] == [(1, REASON), (2, None), (3, None)]


def test_hiding_needs_a_reason(versioned, client, editor):
    response = hide(client, editor, 1, reason="")

    assert response.status_code == 200
    assert "Say why it is hidden" in response.content.decode()
    assert not ArticleVersion.objects.filter(hidden=True).exists()


def test_the_present_text_cannot_be_hidden(versioned, client, editor):
    response = hide(client, editor, 3)

    assert response.status_code == 200
    assert "The present text cannot be hidden" in response.content.decode()


def test_editors_can_neither_add_nor_delete_versions(versioned, client, editor):
    version = ArticleVersion.objects.get(article=versioned, number=1)
    client.force_login(editor)

    assert client.get("/admin/archive/articleversion/add/").status_code == 403
    assert client.post(f"/admin/archive/articleversion/{version.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ArticleVersion.objects.filter(article=versioned).count() == 3


def test_not_even_a_superuser_deletes_a_version_apart_from_its_article(versioned, admin_client):
    version = ArticleVersion.objects.get(article=versioned, number=1)

    assert admin_client.post(f"/admin/archive/articleversion/{version.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ArticleVersion.objects.filter(article=versioned).count() == 3
