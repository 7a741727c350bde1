"""Every address a reader of the archive can reach: the site's pages, the images they show, its static files.

A list filtered by a combination of persons, topics, dates and words, or sorted otherwise, is not among them: there
are more combinations than any archive could hold. Every page of the lists the site links to without a filter is:
the whole list, each year and month, each person and topic (`NOT_ARCHIVED` says so in the WARC).
"""

import calendar
import datetime
import math

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
from django.utils import translation

from archive.index import lookup
from archive.index.filters import Filters
from archive.lists.limits import PER_PAGE
from archive.models import Article, ArticleVersion, Person, Topic
from archive.models.versions import article_route, version_url
from archive.reading.pagination import page_urls
from archive.research import citations, sitemaps

NOT_ARCHIVED = (
    "Every page of the article list, of each year and month, and of each person's and topic's list is archived. "
    "Lists filtered by other combinations of persons, topics, dates or words, and lists in another order, are "
    "not: there are too many combinations; their links lead out of this archive."
)


def site():
    """The paths of every public page: in each language of the interface the first page of each list, every
    article with its versions, every person and topic with its feed, the date archives and the feeds; then, the
    same in every language, the citations, TimeMaps, sitemaps and robots.txt."""
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            yield from _reader_pages()
    yield from _software_pages()


def _reader_pages():
    yield from (reverse(f"archive:{name}") for name in ("home", "article_list", "person_list", "topic_list"))
    yield from _dates()
    # Read whole before the first page is fetched: serving a request may close the database connection.
    shown = _public_versions()
    for pk, day, slug in list(Article.objects.chronological().values_list("pk", "published_date", "slug")):
        article = Article(published_date=day, slug=slug)
        yield article.get_absolute_url()
        if pk in shown:
            yield article_route("version_list", article)
            yield from (version_url(day, slug, number) for number in shown[pk])
    for model, feed in ((Person, "archive:person_feed"), (Topic, "archive:topic_feed")):
        for subject in model.objects.order_by("slug").only("slug"):
            yield subject.get_absolute_url()
            yield reverse(feed, kwargs={"slug": subject.slug})
    yield reverse("archive:articles_feed")


def _software_pages():
    shown = _public_versions()
    for pk, day, slug in list(Article.objects.chronological().values_list("pk", "published_date", "slug")):
        article = Article(published_date=day, slug=slug)
        yield from (citations.cite_url(article, kind) for kind in citations.FORMATS)
        if pk in shown:
            yield from (article_route(name, article) for name in ("timemap", "timemap_json"))
    yield from _sitemaps()
    yield reverse("archive:robots_txt")


def list_pages():
    """The second page and every one after it of each list `site` gives the first page of, as its links address
    them, in each language of the interface: the whole list, each year and month, each person and topic."""
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            yield from _list_pages()


def _list_pages():
    yield from _later_pages(reverse("archive:article_list"), Filters())
    months = list(Article.objects.dates("published_date", "month"))
    for year in sorted({month.year for month in months}):
        path = reverse("archive:year_archive", kwargs={"year": year})
        yield from _later_pages(
            path, Filters(date_after=datetime.date(year, 1, 1), date_before=datetime.date(year, 12, 31))
        )
    for month in months:
        path = reverse("archive:month_archive", kwargs={"year": month.year, "month": month.month})
        last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        yield from _later_pages(path, Filters(date_after=month, date_before=last))
    for model in (Person, Topic):
        for subject in model.objects.order_by("slug").only("slug"):
            yield from _later_pages(subject.get_absolute_url(), Filters(**{model.kind.field: (subject.slug,)}))


def _later_pages(path, filters):
    url = page_urls(path)
    yield from (url(number) for number in range(2, math.ceil(lookup.count(filters) / PER_PAGE) + 1))


def _public_versions():
    """The numbers of every article's public versions, by article id, in one query."""
    shown = {}
    for pk, number in ArticleVersion.objects.public().order_by("article", "number").values_list("article", "number"):
        shown.setdefault(pk, []).append(number)
    return shown


def _dates():
    years = set()
    for month in Article.objects.dates("published_date", "month"):
        if month.year not in years:
            years.add(month.year)
            yield reverse("archive:year_archive", kwargs={"year": month.year})
        yield reverse("archive:month_archive", kwargs={"year": month.year, "month": month.month})


def _sitemaps():
    """The sitemap index and every page of every section it lists, addressed as the index addresses them."""
    yield reverse("archive:sitemap")
    for section, sitemap in sitemaps.SITEMAPS.items():
        path = reverse("archive:sitemap_section", kwargs={"section": section})
        yield path
        yield from (f"{path}?p={page}" for page in range(2, sitemap().paginator.num_pages + 1))


def images():
    """The paths of the image renditions article pages show (uploaded files, under MEDIA_URL)."""
    for renditions in Article.objects.exclude(image_renditions=[]).values_list("image_renditions", flat=True):
        yield from (rendition["url"] for rendition in renditions)


def static():
    """The path of every static file, as pages name it (with its content hash where the storage adds one)."""
    found = {path for finder in finders.get_finders() for path, _ in finder.list(["CVS", ".*", "*~"])}
    yield from (staticfiles_storage.url(path) for path in sorted(found))
