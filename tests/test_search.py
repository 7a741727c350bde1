"""Full-text search: what readers' words find, in which order, and how the hits are shown."""

import pytest

from archive import search
from archive.models import Article, Decision, Mention, Person

STATKEVICH_ITEM = "Belarusian authorities resumed arrests of opposition"
SEED_LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"


def titles(text, queryset=None):
    found = search.search(queryset if queryset is not None else Article.objects.all(), text)
    return [article.title for article in found.order_by("-search_rank", "title")]


@pytest.mark.parametrize("query", ["Статкевич", "Statkevich", "статкевича", "STATKEVICH", "Statkev*"])
def test_a_name_in_either_alphabet_finds_the_seeds_similar_item(seeded, query):
    assert titles(query) == [STATKEVICH_ITEM]


def test_english_words_match_their_other_forms(seeded):
    assert titles("arrested") == [STATKEVICH_ITEM]


def test_every_word_must_match(seeded):
    assert titles("Statkevich Sochi") == []
    assert titles("Lukashenko Sochi") == [SEED_LEAD]


def test_or_between_words_accepts_either(seeded):
    assert sorted(titles("Statkevich OR Sochi")) == [STATKEVICH_ITEM, SEED_LEAD]


def test_a_quoted_phrase_must_appear_in_that_order(seeded):
    assert titles('"resumed arrests"') == [STATKEVICH_ITEM]
    assert titles('"arrests resumed"') == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "AND (",
        "Statkevich AND (",
        '"unbalanced',
        ")",
        "NEAR(a b)",
        "title:x",
        "-",
        "^a",
        "'",
        "%",
        "\\",
        "a\x00b",
    ],
)
def test_query_syntax_typed_by_a_reader_never_raises(seeded, query):
    assert isinstance(titles(query), list)


def test_a_query_without_words_matches_nothing(seeded):
    assert titles('* ( " )') == []


def test_a_persons_alias_finds_the_articles_about_them(seeded):
    lead = Article.objects.get(title=SEED_LEAD)
    person = Person.objects.create(slug="vasily-pupkin", name="Vasily Pupkin", aliases=["Пупкин", "Василий Пупкин"])
    Mention.objects.create(article=lead, person=person)
    assert titles("Пупкин") == []
    search.reindex([lead])
    assert titles("Пупкин") == [SEED_LEAD]


def test_a_rejected_mention_does_not_make_an_alias_searchable(seeded):
    lead = Article.objects.get(title=SEED_LEAD)
    person = Person.objects.create(slug="vasily-pupkin", name="Vasily Pupkin", aliases=["Пупкин"])
    Mention.objects.create(article=lead, person=person, decision=Decision.REJECTED)
    search.reindex([lead.pk])
    assert titles("Пупкин") == []


def test_a_title_hit_ranks_above_a_body_hit(make_article):
    make_article("Budget talks stall", "2016-01-01", body="The sanctions debate was mentioned in passing.")
    make_article("Sanctions extended", "2015-01-01", body="The council met.")
    assert titles("sanctions") == ["Sanctions extended", "Budget talks stall"]


def test_the_search_narrows_the_queryset_it_is_given(seeded):
    assert titles("Statkevich", Article.objects.exclude(title=STATKEVICH_ITEM)) == []


def test_an_edited_article_is_found_by_its_new_words_after_reindex(make_article):
    article = make_article("Quiet week", "2016-01-01", body="Nothing happened.")
    article.body = "A referendum was announced."
    article.save()
    search.reindex([article])
    assert titles("referendum") == ["Quiet week"]
    assert titles("happened") == []


def test_a_deleted_article_leaves_the_index(make_article):
    article = make_article("Quiet week", "2016-01-01", body="Nothing happened.")
    article.delete()
    replacement = make_article("Another week", "2016-01-02", body="Something else.")
    assert titles("happened") == []
    assert titles("something") == [replacement.title]


def test_highlight_escapes_the_text_then_marks_the_hits():
    pattern = search.highlighter("arrest")
    assert search.highlight("<b>Arrests</b> & fines", pattern) == "&lt;b&gt;<mark>Arrests</mark>&lt;/b&gt; &amp; fines"


def test_highlight_marks_russian_words_in_any_form():
    pattern = search.highlighter("Статкевича")
    assert search.highlight("Николай Статкевич", pattern) == "Николай <mark>Статкевич</mark>"


def test_highlight_without_words_only_escapes():
    assert search.highlighter('"*"') is None
    assert search.highlight("<i>", None) == "&lt;i&gt;"


def test_snippet_is_a_window_around_the_first_hit():
    text = " ".join(f"w{i}" for i in range(100)) + " Statkevich " + " ".join(f"v{i}" for i in range(100))
    snippet = search.snippet(text, search.highlighter("statkevich"), words=7)
    assert snippet == "… w98 w99 <mark>Statkevich</mark> v0 v1 v2 v3 …"


def test_snippet_without_a_hit_opens_the_text():
    assert search.snippet("One two three four", search.highlighter("zzz"), words=3) == "One two three …"


def test_parse_reads_phrases_prefixes_and_alternatives():
    assert search.parse('Minsk "union state" OR Kremlin integ* AND (') == [
        [search.Term(("minsk",))],
        [search.Term(("union", "state")), search.Term(("kremlin",))],
        [search.Term(("integ",), prefix=True)],
    ]
