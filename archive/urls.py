from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, register_converter
from django.views.decorators.csrf import csrf_exempt

from archive import citations, converters, exports, feeds, sitemaps, views
from archive.caching import cached_page

register_converter(converters.FourDigitYear, "yyyy")
register_converter(converters.TwoDigits, "mm")

archive_patterns = [
    path("", cached_page(views.home), name="home"),
    path("articles/", cached_page(views.article_list), name="article_list"),
    path("articles/<yyyy:year>/", cached_page(views.year_archive), name="year_archive"),
    path("articles/<yyyy:year>/<mm:month>/", cached_page(views.month_archive), name="month_archive"),
    path("articles/export.csv", csrf_exempt(exports.export_csv), name="export_csv"),
    path("articles/export.jsonl", csrf_exempt(exports.export_jsonl), name="export_jsonl"),
    path(
        "articles/<yyyy:year>/<mm:month>/<mm:day>/<slug:slug>/",
        cached_page(views.article_detail),
        name="article_detail",
    ),
    *(
        path(
            f"articles/<yyyy:year>/<mm:month>/<mm:day>/<slug:slug>/cite.{kind}",
            cached_page(citations.cite),
            {"kind": kind},
            name=f"cite_{kind}",
        )
        for kind in citations.FORMATS
    ),
    path("people/", cached_page(views.person_list), name="person_list"),
    path("people/<slug:slug>/", cached_page(views.person_detail), name="person_detail"),
    path("topics/", cached_page(views.topic_list), name="topic_list"),
    path("topics/<slug:slug>/", cached_page(views.topic_detail), name="topic_detail"),
    path("feeds/articles.atom", cached_page(feeds.articles_feed), name="articles_feed"),
    path("people/<slug:slug>/feed.atom", cached_page(feeds.person_feed), name="person_feed"),
    path("topics/<slug:slug>/feed.atom", cached_page(feeds.topic_feed), name="topic_feed"),
    path("sitemap.xml", cached_page(sitemaps.index), name="sitemap"),
    path("sitemap-<slug:section>.xml", cached_page(sitemaps.section), name="sitemap_section"),
    path("robots.txt", cached_page(sitemaps.robots_txt), name="robots_txt"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((archive_patterns, "archive"))),
    # Uploaded images, served by Django only while DEBUG is on; in production the web server serves MEDIA_ROOT.
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
]
