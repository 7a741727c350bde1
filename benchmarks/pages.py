"""The pages the benchmarks measure, found in the corpus `bench_import` makes."""

from urllib.parse import urlencode

from django.core.management.base import CommandError
from django.db.models import Count
from django.urls import reverse

from archive.models import Article, Person, RelatedLink, Topic

# Words found in many articles of the synthetic corpora (of the saved pages, the words in nine English articles in
# ten, about half the archive, and the names in a quarter to two thirds of it): the worst case for ranking and
# counting facets.
COMMON_WORDS = ["sanctions", "parliament reform", "Statkevich", "Лукашенко", "energy border", '"security dialogue"']
RARE_QUERIES = 6


def targets():
    """Every public page type, for the in-process table, and what wrk loads: a lead article from the middle of
    the archive, a year of the most written-about person's articles, that person's page, a search for a common
    word, and two sets of searches: the last word of titles spread over the archive (in the synthetic corpora, a
    number found in one title), and words found in most articles."""
    links = RelatedLink.objects.order_by("pk")
    if not links.exists():
        raise CommandError("no article lists similar ones: run bench_import to make a corpus with leads")
    lead = links.select_related("lead")[links.count() // 2].lead
    person = Person.objects.annotate(n=Count("mentions")).order_by("-n", "slug").first()
    topic = Topic.objects.annotate(n=Count("article_topics")).order_by("-n", "slug").first()
    if person is None or topic is None:
        raise CommandError("no person or topic: run load_gazetteer before bench_import so that articles are tagged")
    day = lead.published_date
    rare = rare_words()
    pages = [
        ("home", "/"),
        ("all articles", list_url()),
        ("a person's articles", list_url(person=person.slug)),
        (
            "… over 18 months",
            list_url(person=person.slug, date_after=f"{day.year}-01-01", date_before=f"{day.year + 1}-06-30"),
        ),
        ("… on a topic", list_url(person=person.slug, topic=topic.slug)),
        ("all articles, oldest first", list_url(sort="oldest")),
        ("search, a common word", list_url(q="sanctions")),
        ("search, a rare word", list_url(q=rare[len(rare) // 2])),
        ("search, a common word, newest first", list_url(q="sanctions", sort="newest")),
        ("people", reverse("archive:person_list")),
        ("a person", person.get_absolute_url()),
        ("a topic", topic.get_absolute_url()),
        ("a year", reverse("archive:year_archive", kwargs={"year": day.year})),
        ("a month", reverse("archive:month_archive", kwargs={"year": day.year, "month": day.month})),
        ("an article (a lead with similar items)", lead.get_absolute_url()),
        ("Atom feed", reverse("archive:articles_feed")),
        ("sitemap", reverse("archive:sitemap")),
    ]
    return {
        "pages": pages,
        "article": lead.get_absolute_url(),
        "list": list_url(person=person.slug, date_after=f"{day.year}-01-01", date_before=f"{day.year}-12-31"),
        "home": "/",
        "person": person.get_absolute_url(),
        "search": list_url(q="sanctions"),
        "rare searches": [list_url(q=word) for word in rare],
        "common searches": [list_url(q=words) for words in COMMON_WORDS],
    }


def reader_pages(targets):
    """The pages of `targets` that readers see in each language of the interface: all but the sitemap."""
    sitemap = reverse("archive:sitemap")
    return [(label, url) for label, url in targets["pages"] if url != sitemap]


def rare_words():
    titles = Article.objects.order_by("pk").values_list("title", flat=True)
    total = titles.count()
    return [titles[total * index // RARE_QUERIES].split()[-1] for index in range(RARE_QUERIES)]


def list_url(**params):
    return "/articles/" + (f"?{urlencode(params)}" if params else "")
