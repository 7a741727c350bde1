"""The seed's lead article in three states, each at a moment of its own: the seed page imported, then a later page
carrying a longer text of it (the longer text wins), then an editor's fix of its title in the admin."""

import datetime

import time_machine

from archive.importing.loader import import_file
from archive.models import Article
from tests.support.editing import change_form_data
from tests.support.locations import SEEDS

LEAD_URL = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
FIRST_TITLE = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
FIXED_TITLE = "Lukashenko aspires to be at the epicentre of the Russo-American conflict"
ADDED_PARAGRAPH = "Minsk will also watch how Washington answers the Kremlin in the weeks before the summit."
# When each state began, in UTC; the Memento datetimes of the three versions.
IMPORTED = datetime.datetime(2026, 1, 10, 9, 0, tzinfo=datetime.UTC)
LONGER = datetime.datetime(2026, 3, 5, 12, 30, tzinfo=datetime.UTC)
FIXED = datetime.datetime(2026, 6, 1, 8, 15, tzinfo=datetime.UTC)


def seed_lead_text():
    """The seed page's lead only: its title, dateline and paragraphs, without its similar articles."""
    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    return seed.split("\nSimilar articles\n")[0].rstrip("\n")


def longer_page():
    return f"{seed_lead_text()}\n\n{ADDED_PARAGRAPH}\n".encode()


def build_versioned_archive(client, editor):
    """Return the lead article after its three states."""
    with time_machine.travel(IMPORTED, tick=False):
        assert import_file("seed.txt", next(SEEDS.glob("*.txt")).read_bytes()).status == "imported"
    with time_machine.travel(LONGER, tick=False):
        result = import_file("later-save.txt", longer_page())
        assert [outcome.status for outcome in result.articles] == ["updated"]
    article = Article.objects.get(title=FIRST_TITLE)
    change = f"/admin/archive/article/{article.pk}/change/"
    client.force_login(editor)
    with time_machine.travel(FIXED, tick=False):
        data = change_form_data(client.get(change))
        data["title"] = FIXED_TITLE
        assert client.post(change, data).status_code == 302
    client.logout()
    article.refresh_from_db()
    return article
