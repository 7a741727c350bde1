"""An editor imports pages through the admin in Chromium, then reads the new article on the public site."""

import pytest
from playwright.sync_api import expect

from archive.models import Article, SourceFile
from tests.support.editing import PASSWORD, make_editor

LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
LEAD_URL = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"

# The live server needs committed data; the Editors group comes back from the migrations' own data.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_previews_a_good_and_a_bad_page_confirms_and_reads_the_new_article(
    live_server, page, artifacts, django_user_model, seed_page_path, tmp_path
):
    make_editor(django_user_model)
    good = tmp_path / seed_page_path.name
    good.write_bytes(seed_page_path.read_bytes())
    bad = tmp_path / "no-dateline.txt"
    bad.write_text("A title without a dateline\n\nA paragraph where the dateline should be.\n")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Import pages").click()
    page.get_by_label("Pages").set_input_files([good, bad])
    page.get_by_role("button", name="Preview").click()

    good_file = page.locator(".import-file", has_text=seed_page_path.name)
    expect(good_file.get_by_role("row", name=LEAD)).to_contain_text("22 April 2016 18:26")
    expect(good_file.get_by_role("row", name="Belarusian authorities")).to_contain_text(
        "Николай Статкевич. Photo: Дмитрий Брушко, TUT.BY"
    )
    expect(page.locator(".import-file", has_text="no-dateline.txt")).to_contain_text(
        "Rejected at line 3: the lead's title must be followed by its dateline"
    )
    page.screenshot(path=artifacts / "editor-import-preview.png", full_page=True)
    assert Article.objects.count() == 0

    page.get_by_role("button", name="Confirm import", exact=True).click()
    # The suite's task backend runs the job as it is queued: its page shows it done.
    expect(page.locator('[data-field="status"]')).to_have_text("done")
    expect(page.locator('[data-field="created"]')).to_have_text("2")
    assert list(SourceFile.objects.values_list("name", flat=True)) == [seed_page_path.name]
    page.goto(f"{live_server.url}{LEAD_URL}")

    expect(page.get_by_role("heading", level=1)).to_have_text(LEAD)
    assert page.url == f"{live_server.url}{LEAD_URL}"
