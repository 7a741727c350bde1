"""The archive's own suggestions: "More on this" and the other language's article, apart from the source's links."""

import io

import pytest
from django.core.management import call_command

from archive.importing.loader import import_file
from archive.index import likeness
from archive.models import Article, HiddenSuggestion
from archive.research import relatedness
from tests.support.related_archive import RELATED, import_labelled_set

pytestmark = pytest.mark.django_db

# A page saved with a list: its lead and two items are articles of the set (same title and day), so the import
# links them instead of adding copies.
POTASH_PAGE = """\
Lithuania stops the transit of Belarusian potash through Klaipeda

February 1, 2022 09:15

Lithuanian Railways stopped carrying Belaruskali potash fertiliser to the port of Klaipeda on February 1st.

Similar articles

Belaruskali looks for a way round Klaipeda through Russian ports
February 3, 2022 11:40

Belaruskali is negotiating to ship potash through Ust-Luga and Saint Petersburg instead of Klaipeda.

Potash sanctions: who buys Belarusian fertiliser now
February 7, 2022 14:05

With the Klaipeda terminal closed to Belaruskali, potash buyers in Brazil and India wait for cargoes.
"""


@pytest.fixture
def labelled(gazetteer):
    return import_labelled_set()


def shown(client, article):
    context = client.get(article.get_absolute_url()).context
    return [card.pk for card in context["suggested"]], [card.pk for card in context["counterparts"]]


def test_the_labelled_set_meets_the_aims_for_precision_and_recall(gazetteer):
    figures = relatedness.measure(RELATED)

    assert (figures.articles, figures.stories) == (98, 10)
    assert figures.precision_at_5 >= 0.8
    assert figures.counterpart_precision >= 0.9
    assert figures.counterpart_recall >= 0.7
    assert Article.objects.count() == 0


def test_related_eval_prints_the_figures(gazetteer):
    out = io.StringIO()
    call_command("related_eval", stdout=out)

    figures = relatedness.measure(RELATED)
    assert out.getvalue().startswith(f"98 articles in 10 stories: precision at 5 {figures.precision_at_5:.3f} (")


def test_an_article_is_offered_alike_articles_of_its_story_and_language(client, labelled):
    suggested, counterparts = shown(client, labelled["potash-transit/en-1.txt"])

    expected = {labelled[f"potash-transit/en-{n}.txt"].pk for n in (2, 3, 4, 5)}
    assert set(suggested) == expected
    assert counterparts == [labelled["potash-transit/ru-1.txt"].pk]


def test_the_counterpart_links_back_and_is_marked_with_its_language(client, labelled):
    english, russian = labelled["ryanair-landing/en-2.txt"], labelled["ryanair-landing/ru-2.txt"]
    response = client.get(russian.get_absolute_url())

    assert [card.pk for card in response.context["counterparts"]] == [english.pk]
    assert "In English" in response.content.decode()
    assert "In Russian" in client.get(english.get_absolute_url()).content.decode()


def test_no_suggestion_is_the_article_itself_or_a_link_of_the_source(client, labelled):
    assert import_file("potash-page.txt", POTASH_PAGE.encode()).status == "imported"
    potash = {n: labelled[f"potash-transit/en-{n}.txt"].pk for n in range(1, 6)}

    for article in Article.objects.all():
        suggested, counterparts = shown(client, article)
        linked = {article.pk, *article.related.values_list("pk", flat=True)}
        linked |= set(article.listed_under.values_list("pk", flat=True))
        assert not linked & {*suggested, *counterparts}, article.title
    # The lead keeps only what its list lacks; an item, all but the lead listing it.
    assert set(shown(client, labelled["potash-transit/en-1.txt"])[0]) == {potash[4], potash[5]}
    assert set(shown(client, labelled["potash-transit/en-2.txt"])[0]) == {potash[3], potash[4], potash[5]}


def hide(article, suggested):
    HiddenSuggestion.objects.create(article=article, suggested=suggested, reason="Not the same story")


def test_a_hidden_suggestion_is_gone_from_both_pages_at_once(client, labelled):
    one, other = labelled["zapad-exercise/en-1.txt"], labelled["zapad-exercise/en-2.txt"]
    assert other.pk in shown(client, one)[0]

    hide(one, other)

    assert other.pk not in shown(client, one)[0]
    assert one.pk not in shown(client, other)[0]
    assert len(shown(client, one)[0]) == 3


def test_a_hidden_counterpart_is_not_offered_in_either_section(client, labelled):
    english, russian = labelled["zapad-exercise/en-1.txt"], labelled["zapad-exercise/ru-1.txt"]
    assert shown(client, english)[1] == [russian.pk]

    hide(english, russian)

    assert russian.pk not in {pk for section in shown(client, english) for pk in section}


def test_a_hidden_suggestion_stays_hidden_after_rebuild_index(client, labelled):
    one, other = labelled["zapad-exercise/en-1.txt"], labelled["zapad-exercise/en-2.txt"]
    hide(one, other)

    call_command("rebuild_index", stdout=io.StringIO())

    assert other.pk not in shown(client, one)[0]
    assert len(shown(client, one)[0]) == 3


def test_a_hidden_suggestion_stays_hidden_after_its_pages_are_imported_again(client, labelled):
    one, other = labelled["zapad-exercise/en-1.txt"], labelled["zapad-exercise/en-2.txt"]
    hide(one, other)
    longer = (RELATED / "zapad-exercise" / "en-2.txt").read_text() + "\nThe withdrawal is to take a month.\n"

    for name, data in [
        ("zapad-again.txt", longer.encode()),
        ("zapad-1.txt", (RELATED / "zapad-exercise" / "en-1.txt").read_bytes()),
    ]:
        import_file(name, data)

    assert Article.objects.get(pk=other.pk).body.endswith("The withdrawal is to take a month.")
    assert other.pk not in shown(client, one)[0]
    assert one.pk not in shown(client, other)[0]


def test_a_suggestion_shows_the_new_title_of_the_article_it_names(client, labelled):
    one, other = labelled["minsk-talks/en-1.txt"], labelled["minsk-talks/en-2.txt"]
    assert other.pk in shown(client, one)[0]

    other.title = "Minsk II agreed after a night of talks"
    other.save()

    titles = [card.title for card in client.get(one.get_absolute_url()).context["suggested"]]
    assert "Minsk II agreed after a night of talks" in titles


def test_a_deleted_article_is_no_longer_suggested(client, labelled):
    one, other = labelled["minsk-talks/en-1.txt"], labelled["minsk-talks/en-2.txt"]
    assert other.pk in shown(client, one)[0]

    other.delete()

    assert other.pk not in shown(client, one)[0]
    assert len(shown(client, one)[0]) == 3


def test_an_article_imported_later_is_suggested_on_the_pages_of_its_story(client, labelled):
    page = (
        "Klaipeda potash terminal sold to a Lithuanian investor\n\nFebruary 20, 2022\n\nThe Klaipeda potash "
        "terminal that served Belaruskali was sold; Golovchenko said Belarus would not ship fertiliser there again.\n"
    )
    assert import_file("klaipeda.txt", page.encode()).status == "imported"
    later = Article.objects.get(title__startswith="Klaipeda potash terminal")

    assert later.pk in shown(client, labelled["potash-transit/en-5.txt"])[0]
    assert set(shown(client, later)[0]) <= {labelled[f"potash-transit/en-{n}.txt"].pk for n in range(1, 6)}
    assert len(shown(client, later)[0]) == 5


def test_the_article_page_with_both_sections_takes_two_queries(client, labelled, django_assert_num_queries):
    article = labelled["sochi-integration/en-1.txt"]
    client.get(article.get_absolute_url())

    with django_assert_num_queries(2):
        response = client.get(article.get_absolute_url())
    assert len(response.context["suggested"]) == 4
    assert len(response.context["counterparts"]) == 1


def test_the_api_gives_suggestions_apart_from_the_source_links(client, labelled):
    article = labelled["sochi-integration/en-1.txt"]
    russian = labelled["sochi-integration/ru-1.txt"]
    api = article.get_absolute_url().replace("/articles/", "/api/articles/", 1)

    data = client.get(api).json()

    assert data["related"] == [] and data["listed_under"] == []
    assert len(data["suggestions"]["more_on_this"]) == 4
    assert [item["title"] for item in data["suggestions"]["other_language"]] == [russian.title]


def test_the_exports_are_the_same_bytes_with_or_without_suggestions(client, labelled, tmp_path, monkeypatch):
    def exports():
        path = tmp_path / "archive.jsonl"
        call_command("export_articles", "-o", str(path))
        # A filtered export: read through the index, where the unfiltered one is a file kept per generation.
        public = client.get("/articles/export.jsonl?topic=economy")
        return path.read_bytes(), b"".join(public.streaming_content)

    with_suggestions = exports()
    monkeypatch.setattr(likeness, "LEAST_LIKENESS", 2.0)
    monkeypatch.setattr(likeness, "LEAST_SHARED", 2.0)
    call_command("rebuild_index", stdout=io.StringIO())
    assert shown(client, labelled["potash-transit/en-1.txt"]) == ([], [])

    assert exports() == with_suggestions


def test_an_editor_hides_a_suggestion_in_the_admin(editor_client, editor, client, labelled):
    one, other = labelled["zapad-exercise/en-1.txt"], labelled["zapad-exercise/en-2.txt"]

    response = editor_client.post(
        "/admin/archive/hiddensuggestion/add/", {"article": one.pk, "suggested": other.pk, "reason": "Another drill"}
    )

    assert response.status_code == 302
    hidden = HiddenSuggestion.objects.get()
    assert (hidden.article, hidden.suggested, hidden.reason, hidden.hidden_by) == (one, other, "Another drill", editor)
    assert other.pk not in shown(client, one)[0]


def test_an_article_cannot_be_hidden_from_itself(editor_client, labelled):
    one = labelled["zapad-exercise/en-1.txt"]

    response = editor_client.post("/admin/archive/hiddensuggestion/add/", {"article": one.pk, "suggested": one.pk})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not HiddenSuggestion.objects.exists()
