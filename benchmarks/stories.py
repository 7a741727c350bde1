"""Articles made in memory with the shape that makes suggestions work hard: stories of a few dozen articles each,
every one with words of its own story, of a large shared vocabulary (Zipf-distributed, so a few words are in
nearly every article) and a few of a hundred persons and nine topics, in English and Russian over ten years.

Plainly synthetic, for benchmarks only; nothing is written to the database.
"""

import datetime
import itertools
import random

from archive.index.documents import ArticleRow

FIRST_DAY = datetime.date(2012, 1, 1)
DAYS = 3650
STORY_SIZE = 24
VOCABULARY = 40_000
WORDS_AN_ARTICLE = 300
STORY_WORDS = 30
PERSONS = [(f"person-{n:03d}", f"Person {n}") for n in range(100)]
TOPICS = [(f"topic-{n}", f"Topic {n}") for n in range(9)]


def _word(number):
    letters = "abcdefghijklmnopqrstuvwxyz"
    text = ""
    number += 26**3
    while number:
        number, rest = divmod(number, 26)
        text += letters[rest]
    return text


def rows(total, seed=1):
    """`total` ArticleRows, as the read index's build reads them from the database."""
    rng = random.Random(seed)
    words = [_word(n) for n in range(VOCABULARY)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(VOCABULARY)))
    for pk in range(1, total + 1):
        story = random.Random(pk // STORY_SIZE)
        own = story.sample(words[1000:], STORY_WORDS)
        start = story.randrange(DAYS)
        persons = story.sample(PERSONS, 3)[: rng.randint(1, 3)]
        topics = story.sample(TOPICS, 2)[: rng.randint(1, 2)]
        body = rng.choices(words, cum_weights=cumulative, k=WORDS_AN_ARTICLE) + rng.choices(own, k=40)
        yield ArticleRow(
            pk=pk,
            title=" ".join(rng.choices(own, k=6)),
            slug=f"generated-{pk}",
            published_date=FIRST_DAY + datetime.timedelta(days=start + rng.randrange(20)),
            published_time=None,
            language=("en", "ru")[pk % 2],
            photo_caption="",
            body=" ".join(body),
            summary="",
            updated_at=None,
            persons=persons,
            topics=topics,
        )
