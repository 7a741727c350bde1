"""What crawlers read: sitemaps of every article, person and topic, and robots.txt pointing at them.

Each page is listed once per language of the interface, with its address in every language as `xhtml:link`
alternates (and English as x-default), through Django's own i18n sitemaps.
"""

from django.contrib.sitemaps import Sitemap, views
from django.shortcuts import render

from archive.index import lookup
from archive.index.filters import Filters
from archive.models import Article, Person, Topic


class InEachLanguage(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class EveryItemInEachLanguage:
    """(item, language) for each item and each language, in the items' order, read a slice at a time: Django's
    i18n sitemaps make a list of every item of a section for each of its pages, 100,000 rows for 50,000 lines."""

    def __init__(self, items, languages, count):
        self.items, self.languages, self.count = items, languages, count

    def __len__(self):
        return self.count * len(self.languages)

    def __getitem__(self, part):
        each = len(self.languages)
        first = part.start // each
        rows = self.items[first : -(-part.stop // each)]
        pairs = [(item, code) for item in rows for code in self.languages]
        skipped = part.start - first * each
        return pairs[skipped : skipped + part.stop - part.start]


class ArticleSitemap(InEachLanguage):
    def items(self):
        return Article.objects.chronological().only("slug", "published_date", "updated_at")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # The default walks every item, and the database's maximum reads every row: the read index keeps it.
        return lookup.latest_change()

    def _items(self):
        # The sitemap index asks how many pages there are: the read index knows without counting every row.
        return EveryItemInEachLanguage(self.items(), self._languages(), lookup.count(Filters()))


class TaggedSitemap(InEachLanguage):
    """Persons or topics with a published article, each last modified when the newest change to one of its
    articles was made: the read index has those dates, where the database would join every mention."""

    model = None
    field = None

    def items(self):
        latest = lookup.latest_change_by(self.field)
        # All of them rather than a filter by slug: a list of thousands of slugs outgrows SQLite's parameters.
        found = [subject for subject in self.model.objects.order_by("slug").only("slug") if subject.slug in latest]
        for subject in found:
            subject.lastmod = latest[subject.slug]
        return found

    def lastmod(self, obj):
        return obj.lastmod

    def get_latest_lastmod(self):
        return lookup.latest_change(self.field)


class PersonSitemap(TaggedSitemap):
    model = Person
    field = "persons"


class TopicSitemap(TaggedSitemap):
    model = Topic
    field = "topics"


SITEMAPS = {"articles": ArticleSitemap, "people": PersonSitemap, "topics": TopicSitemap}


def index(request):
    """List one sitemap a section and a page, so that 100,000 articles stay within the 50,000 URLs a file allows."""
    return views.index(request, SITEMAPS, sitemap_url_name="archive:sitemap_section")


def section(request, section):
    return views.sitemap(request, SITEMAPS, section=section)


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
