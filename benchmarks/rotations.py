"""The addresses wrk rotates over, so that a run meets what a crawler or many readers would: 10,000 article pages
spread over the archive, 1,000 variants of the list (persons, topics, years, orders, pages) and 1,000 searches
(the unique word of titles spread over the archive, and words found in many articles, with their orders)."""

from django.db.models import Count

from archive.models import Article, Person, Topic
from benchmarks.pages import COMMON_WORDS, list_url

ARTICLES, LISTS, SEARCHES = 10_000, 1_000, 1_000


def rotations():
    """{name: [paths]} of the article pages, the list variants and the searches, in a fixed order."""
    return {"articles": article_paths(), "lists": list_paths(), "searches": search_paths()}


def _spread(queryset, count):
    """`count` rows taken evenly over the queryset in primary-key order."""
    total = queryset.count()
    step = max(total // count, 1)
    return list(queryset.order_by("pk")[::step][:count]) if total else []


def article_paths():
    return [article.get_absolute_url() for article in _spread(Article.objects.only("published_date", "slug"), ARTICLES)]


def list_paths():
    persons = Person.objects.annotate(n=Count("mentions")).order_by("-n", "slug").values_list("slug", flat=True)[:50]
    topics = list(Topic.objects.order_by("slug").values_list("slug", flat=True))
    years = sorted({day.year for day in Article.objects.dates("published_date", "year")})
    paths = []
    for number, person in enumerate(persons):
        year = years[number % len(years)]
        paths += [
            list_url(person=person),
            list_url(person=person, page=2),
            list_url(person=person, sort="oldest"),
            list_url(person=person, topic=topics[number % len(topics)]),
            list_url(person=person, date_after=f"{year}-01-01", date_before=f"{year}-12-31"),
        ]
    for topic in topics:
        paths += [list_url(topic=topic, date_after=f"{y}-01-01", date_before=f"{y}-12-31") for y in years]
    for year in years:
        paths += [
            list_url(date_after=f"{year}-01-01", date_before=f"{year}-12-31", **page) for page in ({}, {"page": 2})
        ]
    page = 2
    while len(paths) < LISTS:
        paths.append(list_url(page=page))
        page += 1
    return paths[:LISTS]


def search_paths():
    titles = _spread(Article.objects.only("title"), SEARCHES * 7 // 10)
    paths = [list_url(q=article.title.split()[-1]) for article in titles]
    common = [list_url(q=words, **extra) for words in COMMON_WORDS for extra in ({}, {"sort": "newest"})]
    paths += common
    page = 2
    while len(paths) < SEARCHES:
        paths += [f"{path}&page={page}" for path in common]
        page += 1
    return paths[:SEARCHES]
