"""What crawlers read: sitemaps of every article, person and topic, and robots.txt pointing at them."""

from django.contrib.sitemaps import Sitemap, views
from django.db.models import Max
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.models import PUBLIC_DECISIONS, Article, Person, Topic


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.chronological().only("slug", "published_date", "updated_at")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # The default walks every item; the database answers in one query.
        return Article.objects.aggregate(latest=Max("updated_at"))["latest"]


class TaggedSitemap(Sitemap):
    """Persons or topics, each last modified when the newest change to one of its articles was made."""

    model = None
    through = None

    def tagged(self):
        return self.model.objects.filter(**{f"{self.through}__decision__in": PUBLIC_DECISIONS})

    def items(self):
        return self.tagged().annotate(lastmod=Max(f"{self.through}__article__updated_at")).order_by("slug").only("slug")

    def lastmod(self, obj):
        return obj.lastmod

    def get_latest_lastmod(self):
        return self.tagged().aggregate(latest=Max(f"{self.through}__article__updated_at"))["latest"]


class PersonSitemap(TaggedSitemap):
    model = Person
    through = "mentions"


class TopicSitemap(TaggedSitemap):
    model = Topic
    through = "article_topics"


SITEMAPS = {"articles": ArticleSitemap, "people": PersonSitemap, "topics": TopicSitemap}


@require_safe
def index(request):
    """List one sitemap a section and a page, so that 100,000 articles stay within the 50,000 URLs a file allows."""
    return views.index(request, SITEMAPS, sitemap_url_name="archive:sitemap_section")


@require_safe
def section(request, section):
    return views.sitemap(request, SITEMAPS, section=section)


@require_safe
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
