"""Full-text search: what readers' words find, in which order, and how the hits are shown."""

import pytest

from archive.index import filters, syntax
from archive.index.lookup import RELEVANCE
from archive.index.results import IndexedArticles
from archive.models import Article, Decision, Mention, Person
from archive.reading import highlighting

STATKEVICH_ITEM = "Belarusian authorities resumed arrests of opposition"
SEED_LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"


def titles(text):
    """The titles the index finds for a reader's query, most relevant first."""
    return [article.title for article in IndexedArticles(filters.Filters(words=filters.words(text)), RELEVANCE)]


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
    ("text", "expected"),
    [
        ('"', []),
        ("*", []),
        ("AND (", []),
        ("Statkevich AND (", [STATKEVICH_ITEM]),
        ('"resumed arrests', [STATKEVICH_ITEM]),
        (")", []),
        ("NEAR(Statkevich arrests)", []),
        ("title:Statkevich", []),
        ("-", []),
        ("^Statkevich", [STATKEVICH_ITEM]),
        ("'", []),
        ("%", []),
        ("\\", []),
        ("Statkevich\x00", [STATKEVICH_ITEM]),
    ],
)
def test_query_syntax_typed_by_a_reader_is_read_as_words(seeded, text, expected):
    assert titles(text) == expected


def test_a_minus_excludes_the_articles_with_that_word(seeded):
    assert sorted(titles("Statkevich OR Sochi")) == [STATKEVICH_ITEM, SEED_LEAD]
    assert titles("Statkevich OR Sochi -arrests") == [SEED_LEAD]
    assert titles('Statkevich OR Sochi -"Russo-American conflict"') == [STATKEVICH_ITEM]


def test_a_query_of_exclusions_alone_matches_nothing(seeded):
    assert titles("-Statkevich") == []


def test_a_query_of_100_terms_keeps_the_first_twelve_and_says_so():
    words = filters.words(" ".join(f"s{n}*" for n in range(100)))
    assert words.terms == filters.MAX_TERMS == 12
    assert words.notes == ("Only the first 12 words or phrases of the search were used.",)


def test_a_200_character_query_of_short_prefixes_stays_bounded(seeded):
    """Each `s*` is too short a prefix to expand, so it is the word "s", which only the lead's "conflict’s" has."""
    text = ("s* " * 67)[:200]
    assert filters.words(text).terms == 12
    assert titles(text) == [SEED_LEAD]


def test_a_prefix_of_fewer_than_three_letters_is_a_whole_word(seeded):
    assert titles("ep*") == []
    assert titles("epi*") == [SEED_LEAD]


def test_a_query_without_words_matches_nothing(seeded):
    assert titles('* ( " )') == []


def test_a_persons_alias_finds_the_articles_about_them(seeded):
    lead = Article.objects.get(title=SEED_LEAD)
    person = Person.objects.create(slug="vasily-pupkin", name="Vasily Pupkin", aliases=["Пупкин", "Василий Пупкин"])
    assert titles("Пупкин") == []
    Mention.objects.create(article=lead, person=person)
    assert titles("Пупкин") == [SEED_LEAD]


def test_a_rejected_mention_does_not_make_an_alias_searchable(seeded):
    lead = Article.objects.get(title=SEED_LEAD)
    person = Person.objects.create(slug="vasily-pupkin", name="Vasily Pupkin", aliases=["Пупкин"])
    Mention.objects.create(article=lead, person=person, decision=Decision.REJECTED)
    assert titles("Пупкин") == []


def test_a_title_hit_ranks_above_a_body_hit(make_article):
    make_article("Budget talks stall", "2016-01-01", body="The sanctions debate was mentioned in passing.")
    make_article("Sanctions extended", "2015-01-01", body="The council met.")
    assert titles("sanctions") == ["Sanctions extended", "Budget talks stall"]


def test_an_edited_article_is_found_by_its_new_words_at_once(make_article):
    article = make_article("Quiet week", "2016-01-01", body="Nothing happened.")
    assert titles("happened") == ["Quiet week"]
    article.body = "A referendum was announced."
    article.save()
    assert titles("referendum") == ["Quiet week"]
    assert titles("happened") == []


def test_a_deleted_article_leaves_the_index(make_article):
    article = make_article("Quiet week", "2016-01-01", body="Nothing happened.")
    article.delete()
    replacement = make_article("Another week", "2016-01-02", body="Something else.")
    assert titles("happened") == []
    assert titles("something") == [replacement.title]


def test_highlight_escapes_the_text_then_marks_the_hits():
    pattern = highlighting.highlighter("arrest")
    assert (
        highlighting.highlight("<b>Arrests</b> & fines", pattern)
        == "&lt;b&gt;<mark>Arrests</mark>&lt;/b&gt; &amp; fines"
    )


def test_highlight_marks_russian_words_in_any_form():
    pattern = highlighting.highlighter("Статкевича")
    assert highlighting.highlight("Николай Статкевич", pattern) == "Николай <mark>Статкевич</mark>"


def test_highlight_without_words_only_escapes():
    assert highlighting.highlighter('"*"') is None
    assert highlighting.highlight("<i>", None) == "&lt;i&gt;"


def test_snippet_is_a_window_around_the_first_hit():
    text = " ".join(f"w{i}" for i in range(100)) + " Statkevich " + " ".join(f"v{i}" for i in range(100))
    snippet = highlighting.snippet(text, highlighting.highlighter("statkevich"), words=7)
    assert snippet == "… w98 w99 <mark>Statkevich</mark> v0 v1 v2 v3 …"


def test_snippet_without_a_hit_opens_the_text():
    assert highlighting.snippet("One two three four", highlighting.highlighter("zzz"), words=3) == "One two three …"


def test_parse_reads_phrases_prefixes_and_alternatives():
    assert syntax.parse('Minsk "union state" OR Kremlin integ* AND (') == [
        [syntax.Term(("minsk",))],
        [syntax.Term(("union", "state")), syntax.Term(("kremlin",))],
        [syntax.Term(("integ",), prefix=True)],
    ]
