"""The benchmarks' corpus of pages shaped like the site's saved pages (benchmarks/saved_pages.py): what a page
holds, how often an article comes back, whom the articles name, in which language, and that the importer takes
it whole."""

import hashlib
import json
import re
from collections import Counter

import pytest
from django.db.models import Count

from archive.importing.language import language_of
from archive.importing.loader import import_file
from archive.importing.outcomes import REJECTED
from archive.importing.parser import parse_dateline, parse_page
from archive.models import Article, Mention
from archive.subjects.gazetteer import Gazetteer
from archive.text.identity import title_key
from archive.text.rendering import paragraphs_to_markdown
from benchmarks import commentary, saved_pages
from tests.support.locations import ROOT

ARTICLES = 2000
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture(scope="module")
def pages():
    return [parse_page(data.decode()) for _, data in saved_pages.pages(ARTICLES)]


@pytest.fixture(scope="module")
def articles(pages):
    """Each distinct article at its longest, as the importer keeps it."""
    kept = {}
    for page in pages:
        for article in page.articles:
            key = identity(article)
            if key not in kept or len(article.paragraphs) > len(kept[key].paragraphs):
                kept[key] = article
    return list(kept.values())


@pytest.fixture(scope="module")
def names():
    """The persons of fixtures/persons.json as the tagger knows them, with nothing of the database."""
    entries = json.loads((ROOT / "fixtures" / "persons.json").read_text(encoding="utf-8"))
    return Gazetteer([(entry["slug"], entry["name"], entry["aliases"]) for entry in entries], [])


def identity(article):
    return title_key(article.title), article.dateline.date


def distinct(files):
    """The identities of the articles (file name, bytes) pages show, each once."""
    return {identity(article) for _, data in files for article in parse_page(data.decode()).articles}


def scan(names, article):
    caption = article.photo.caption if article.photo else ""
    return names.scan(article.title, paragraphs_to_markdown(article.paragraphs), caption)


def language(article):
    return language_of(article.title, paragraphs_to_markdown(article.paragraphs))


@pytest.mark.parametrize("total", [1, 2, 3, 60, 1001])
def test_a_corpus_of_n_articles_holds_exactly_n_distinct_articles(total):
    assert len(distinct(saved_pages.pages(total))) == total


def test_a_page_lists_zero_to_three_similar_items_each_count_about_as_often_as_chosen(pages):
    assert Counter(len(page.related) for page in pages) == {0: 122, 1: 217, 2: 262, 3: 262}
    assert len(pages) == saved_pages.page_count(ARTICLES) == 863


def test_a_quarter_of_the_items_repeat_an_article_of_an_earlier_page_some_at_greater_length(pages):
    longest, repeats, longer, leads_seen_before = {}, 0, 0, 0
    for page in pages:
        leads_seen_before += identity(page.lead) in longest
        on_this_page = {}
        for item in page.related:
            if identity(item) in longest:
                repeats += 1
                longer += len(item.paragraphs) > longest[identity(item)]
            on_this_page[identity(item)] = max(len(item.paragraphs), longest.get(identity(item), 0))
        longest |= on_this_page | {identity(page.lead): len(page.lead.paragraphs)}

    assert (leads_seen_before, repeats, sum(len(page.related) for page in pages), longer) == (0, 390, 1527, 34)


def test_every_article_names_5_to_12_persons_of_the_gazetteer_as_the_tagger_finds_them(articles, names):
    scans = [scan(names, article) for article in articles]

    # Five the most often: an item only ever shown shortened keeps the first paragraph, which names five.
    assert Counter(len(found.persons) for found in scans) == {
        5: 563,
        6: 234,
        7: 199,
        8: 219,
        9: 218,
        10: 202,
        11: 184,
        12: 181,
    }
    assert set().union(*(found.unknown for found in scans)) == set()


def test_about_half_the_articles_are_russian_and_some_english_ones_spell_a_name_in_cyrillic(articles):
    languages = Counter(language(article) for article in articles)
    english_with_cyrillic = [
        article for article in articles if language(article) == "en" and CYRILLIC.search(" ".join(article.paragraphs))
    ]

    assert languages == {"ru": 1040, "en": 960}
    assert len(english_with_cyrillic) == 271


def test_russian_articles_are_dated_with_the_genitive_month_name_and_english_ones_with_the_english():
    assert commentary.dateline(2000, "ru") == "12 октября 2012 16:20"
    assert commentary.dateline(2000, "en") == "October 12, 2012 16:20"
    assert parse_dateline("12 октября 2012 16:20") == parse_dateline("October 12, 2012 16:20")


def test_about_half_the_articles_carry_a_photo_of_one_of_their_persons_by_a_synthetic_photographer(articles, names):
    photos = [article for article in articles if article.photo]

    assert len(photos) == 1021
    assert all(len(names.lookup(article.photo.caption)) == 1 for article in photos)
    assert {article.photo.agency for article in photos} == {"Synthetic Photo Agency", "Синтетическое фотоагентство"}


def test_leads_run_to_four_to_eight_paragraphs_and_items_to_one_to_three_as_on_the_seed_page(pages, articles):
    leads = {identity(page.lead) for page in pages}
    kinds = [(identity(article) in leads, len(article.paragraphs)) for article in articles]
    words = Counter()
    for article in articles:
        words[identity(article) in leads] += sum(len(paragraph.split()) for paragraph in article.paragraphs)

    assert {count for is_lead, count in kinds if is_lead} == {4, 5, 6, 7, 8}
    assert {count for is_lead, count in kinds if not is_lead} == {1, 2, 3}
    assert (round(words[True] / len(leads)), round(words[False] / (len(articles) - len(leads)))) == (399, 157)


def test_each_title_ends_in_the_articles_number_which_no_other_title_holds(articles):
    last_words = [article.title.split()[-1] for article in articles]

    assert sorted(last_words) == [f"{number:07d}" for number in range(ARTICLES)]
    assert all(
        article.title.startswith(("Synthetic commentary:", "Синтетический комментарий:")) for article in articles
    )


def test_the_words_the_benchmarks_search_for_are_in_most_articles_of_their_language_and_the_names_in_many(articles):
    texts = {"en": [], "ru": []}
    for article in articles:
        texts[language(article)].append(f"{article.title} {' '.join(article.paragraphs)}")

    def share(code, *words):
        return round(sum(all(word in text for word in words) for text in texts[code]) / len(texts[code]), 2)

    assert share("en", "sanctions") == 0.95
    assert share("en", "parliament", "reform") == 0.89
    assert share("en", "energy", "border") == 0.9
    assert share("en", "security dialogue") == share("ru", "санкции") == 0.96
    assert share("en", "Statkevich") == 0.28
    assert share("ru", "Лукашенко") == 0.68


def test_the_corpus_is_the_same_every_run():
    digest = hashlib.sha256()
    for name, data in saved_pages.pages(300):
        digest.update(name.encode() + data)

    assert digest.hexdigest() == "3a49d76a78c1300bc19e20a0bf1a6bd5a0ed9d379ac288816ddadd587c242a15"


def test_the_first_pages_make_as_many_articles_as_articles_in_counts():
    assert len(distinct(saved_pages.first_pages(100))) == saved_pages.articles_in(100) == 222


def test_pages_after_a_corpus_bring_new_articles_beyond_it_and_list_some_of_the_corpus_again():
    corpus = distinct(saved_pages.pages(600))
    first, first_added = saved_pages.pages_after(600, 0, 50)
    second, second_added = saved_pages.pages_after(600, 50, 50)
    batches = [distinct(first), distinct(second)]

    assert (len(batches[0] - corpus), len(batches[1] - corpus - batches[0])) == (first_added, second_added)
    assert (first_added, second_added, len(batches[0] & corpus), len(batches[1] & batches[0])) == (112, 109, 19, 4)


def test_a_small_corpus_imports_as_exactly_its_articles_none_rejected_each_tagged_with_5_to_12_persons(gazetteer):
    results = [import_file(name, data) for name, data in saved_pages.pages(60)]
    mentions = Mention.objects.values("article").annotate(persons=Count("person")).values_list("persons", flat=True)

    assert [result.name for result in results if result.status == REJECTED] == []
    # Of the 17 repeats, one brings a longer text than the stored one.
    assert sum((result.counts for result in results), Counter()) == {"created": 60, "unchanged": 16, "updated": 1}
    assert Article.objects.count() == 60
    assert Counter(mentions) == {5: 17, 6: 8, 7: 3, 8: 6, 9: 5, 10: 8, 11: 7, 12: 6}
