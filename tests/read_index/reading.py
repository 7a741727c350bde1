"""What the read index tests share: the seed page's titles, and the list, search and admin as a reader and an
editor use them.

The seed page holds a lead commentary of 22 April 2016 about Lukashenko, Putin, Vakulchik and Clinton, and one
similar item of 25 September 2017 about Statkevich and Neklyaev (see tests/test_admin_import.py).
"""

from django.urls import reverse

from archive.index import build_files, store
from tests.support.editing import change_form_data

LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
SIMILAR = "Belarusian authorities resumed arrests of opposition"
LEAD_SLUG = "lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter"


def titles(client, **params):
    """The titles the article list shows for these parameters (given in the list's canonical order), newest first
    unless a search ranks them; every list of these tests fits on its first page."""
    response = client.get("/articles/", params)
    assert response.status_code == 200
    shown = [article.title for article, _, _ in response.context["results"]]
    assert response.context["pagination"].paginator.count == len(shown)
    return shown


def found(client, words):
    """The titles a search finds, newest first, so that equal scores cannot reorder them."""
    return titles(client, q=words, sort="newest")


def post_form(client, url, **changes):
    """Submit an admin form as the editor would, with these fields changed."""
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def changelist_action(client, model, action, selected, **extra):
    url = reverse(f"admin:archive_{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": selected, **extra}, follow=True)


def applied(index_dir):
    """The last change of the database's log that the index folder's current build holds."""
    return int((index_dir / store.CURRENT / build_files.APPLIED).read_text())


def delete_in_admin(client, model, pk):
    response = client.post(reverse(f"admin:archive_{model}_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
