"""Generate pages in the seed format whose text is plainly synthetic, for benchmarks only: the benchmarks' earlier
corpus, which `--five-article-pages` chooses in place of the saved pages (see `corpora`).

Page k leads with article 5k and lists the next four as similar, each in full, plus the previous page's lead
shortened to its first paragraph, so that every page after the first also exercises recognition and merging.
"""

import datetime
import random

ARTICLES_PER_PAGE = 5
FIRST_DAY = datetime.date(2012, 1, 1)
WORDS = [
    "synthetic",
    "benchmark",
    "filler",
    "text",
    "regime",
    "opposition",
    "ministry",
    "elections",
    "sanctions",
    "economy",
    "security",
    "dialogue",
    "parliament",
    "reform",
    "protest",
    "negotiations",
    "budget",
    "energy",
    "border",
    "integration",
    "agency",
    "statement",
]
NAMES = ["President Lukashenko", "Vladimir Putin", "Svetlana Tikhanovskaya", "Nikolai Statkevich", "Лукашенко"]


def title(number):
    return f"Synthetic benchmark article {number:07d}"


def dateline(number):
    day = FIRST_DAY + datetime.timedelta(days=number // 7)
    return f"{day:%B} {day.day}, {day.year} {8 + number % 12:02d}:{(number * 7) % 60:02d}"


def paragraphs(number):
    rng = random.Random(number)
    return [
        f"(Synthetic text {number}.{index}) "
        + " ".join(rng.choice(WORDS) for _ in range(45))
        + f" {rng.choice(NAMES)} {rng.choice(WORDS)}."
        for index in range(4)
    ]


def item(number, shortened=False):
    body = paragraphs(number)[:1] if shortened else paragraphs(number)
    return [title(number), dateline(number), "", *(line for paragraph in body for line in (paragraph, ""))]


def page(index, total):
    """The text of page `index` of a corpus of `total` articles."""
    first = index * ARTICLES_PER_PAGE
    lines = [title(first), "", dateline(first), ""]
    lines += [line for paragraph in paragraphs(first) for line in (paragraph, "")]
    lines += ["Similar articles", ""]
    for number in range(first + 1, min(first + ARTICLES_PER_PAGE, total)):
        lines += item(number)
    if index:
        lines += item(first - ARTICLES_PER_PAGE, shortened=True)
    return "\n".join(lines) + "\n"


def pages(total):
    """Yield (file name, bytes) for a corpus of exactly `total` distinct articles."""
    for index in range(page_count(total)):
        yield _name(index), page(index, total).encode()


def page_count(total):
    return (total + ARTICLES_PER_PAGE - 1) // ARTICLES_PER_PAGE


def first_pages(count):
    """Yield (file name, bytes) for the corpus's first `count` pages."""
    return pages(count * ARTICLES_PER_PAGE)


def articles_in(count):
    return count * ARTICLES_PER_PAGE


def pages_after(total, skip, count):
    """The `count` pages that follow a corpus of `total` articles and `skip` pages after it, as (file name, bytes),
    and how many articles they add; the first lists the lead of the page before it again."""
    first = total // ARTICLES_PER_PAGE + skip
    end = (first + count) * ARTICLES_PER_PAGE
    return [(_name(index), page(index, end).encode()) for index in range(first, first + count)], articles_in(count)


def _name(index):
    return f"synthetic-{index:06d}.txt"
