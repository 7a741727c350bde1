"""Generate pages shaped like the site's saved pages, for benchmarks only: a lead and zero to three similar items a
page, a quarter of the items an article an earlier page showed (some now at greater length), every other article
new; their text is `commentary`'s, plainly synthetic.

Each page is planned by a random generator of its own, so the corpus is the same every run. It streams: all a page
needs of the pages before it is the latest articles, which its repeats are drawn from.
"""

import random
from collections import deque
from dataclasses import dataclass

from benchmarks import commentary
from benchmarks.commentary import ITEM, LEAD

SIMILAR_COUNTS = (0, 1, 2, 3)
SIMILAR_WEIGHTS = (15, 25, 30, 30)
REPEAT_SHARE = 0.25
# A new item is shown shortened to its first paragraph this often, and so is a repeat: a repeat shown in full of
# an item first seen shortened brings the longer text the importer must keep.
SHORTENED_SHARE = 0.5
# Repeats are drawn from this many of the latest articles, as a site lists recent articles as similar.
RECENT = 1000
# Page generators are seeded apart from the articles' (seeded with their numbers), so that page k and article k
# draw different numbers.
PAGE_SEEDS = 1 << 40
SIMILAR_MARKER = "Similar articles"


@dataclass(frozen=True)
class Shown:
    """An article as a page shows it."""

    number: int
    kind: str
    shortened: bool = False


@dataclass(frozen=True)
class Page:
    index: int
    lead: Shown
    items: tuple


class Corpus:
    """The corpus's pages in order; `articles` counts the distinct articles of the pages planned so far."""

    def __init__(self):
        self.index, self.articles, self.recent = 0, 0, deque(maxlen=RECENT)

    def next_page(self, limit=None):
        """Plan the next page, making no new item once `limit` articles exist; the lead is always new."""
        rng = random.Random(PAGE_SEEDS + self.index)
        draws = [
            (rng.random() < REPEAT_SHARE, rng.random() < SHORTENED_SHARE, rng.random())
            for _ in range(rng.choices(SIMILAR_COUNTS, SIMILAR_WEIGHTS)[0])
        ]
        new = [self._new(LEAD)]
        items = []
        for repeat, shortened, pick in draws:
            earlier = self.recent[int(pick * len(self.recent))] if repeat and self.recent else None
            if earlier and earlier.number not in {item.number for item in items}:
                items.append(Shown(earlier.number, earlier.kind, shortened))
            elif limit is None or self.articles < limit:
                new.append(self._new(ITEM))
                items.append(Shown(new[-1].number, ITEM, shortened))
        self.recent.extend(new)
        self.index += 1
        return Page(self.index - 1, new[0], tuple(items))

    def _new(self, kind):
        self.articles += 1
        return Shown(self.articles - 1, kind)


def pages(articles):
    """Yield (file name, bytes) for a corpus of exactly `articles` distinct articles."""
    corpus = Corpus()
    while corpus.articles < articles:
        yield rendered(corpus.next_page(articles))


def page_count(articles):
    """How many pages `pages(articles)` yields."""
    return _planned(articles).index


def first_pages(count):
    """Yield (file name, bytes) for the corpus's first `count` pages."""
    corpus = Corpus()
    for _ in range(count):
        yield rendered(corpus.next_page())


def articles_in(count):
    """How many distinct articles the first `count` pages make."""
    corpus = Corpus()
    for _ in range(count):
        corpus.next_page()
    return corpus.articles


def pages_after(articles, skip, count, shift=0, date_shift=None):
    """The `count` pages that follow a corpus of `articles` articles and `skip` pages after it, as (file name,
    bytes), and how many articles they add: their repeats may name the corpus's articles or the skipped pages'.
    With shifts, every article is shown as `commentary.article` shows it with them."""
    corpus = _planned(articles)
    for _ in range(skip):
        corpus.next_page()
    before = corpus.articles
    made = [rendered(corpus.next_page(), shift, date_shift) for _ in range(count)]
    return made, corpus.articles - before


def _planned(articles):
    """The corpus planned as far as `pages(articles)` takes it, nothing written."""
    corpus = Corpus()
    while corpus.articles < articles:
        corpus.next_page(articles)
    return corpus


def rendered(page, shift=0, date_shift=None):
    """The page's file name and bytes, in the seed page's layout."""
    lead = commentary.article(page.lead.number, LEAD, shift, date_shift)
    lines = [lead.title, "", lead.dateline, *_photo(lead), "", *_body(lead, shortened=False)]
    if page.items:
        lines += [SIMILAR_MARKER, ""]
    for item in page.items:
        shown = commentary.article(item.number, item.kind, shift, date_shift)
        lines += [shown.title, shown.dateline, *_photo(shown), "", *_body(shown, item.shortened)]
    return f"synthetic-saved-page-{page.index:07d}.txt", "\n".join(lines).encode()


def _photo(article):
    return [article.photo] if article.photo else []


def _body(article, shortened):
    paragraphs = article.paragraphs[:1] if shortened else article.paragraphs
    return [line for paragraph in paragraphs for line in (paragraph, "")]
