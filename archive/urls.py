from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLResolver, include, path, register_converter
from django.urls.resolvers import RoutePattern

from archive.reading import converters, views
from archive.research import citations, exports, feeds, sitemaps
from archive.research.api import docs as api_docs
from archive.research.api import urls as api_urls
from archive.research.memento import views as memento
from archive.research.oai import views as oai
from archive.serving import canonical
from archive.serving.public import public

register_converter(converters.FourDigitYear, "yyyy")
register_converter(converters.TwoDigits, "mm")

ARTICLE = "articles/<yyyy:year>/<mm:month>/<mm:day>/<slug:slug>/"

# The readers' pages, in every language of the interface: the feeds (whose titles are the interface's) and the API's
# documentation page included.
reader_patterns = [
    path("", public(views.home), name="home"),
    path("articles/", public(views.article_list, url=canonical.article_list), name="article_list"),
    path("articles/<yyyy:year>/", public(views.year_archive, url=canonical.paged), name="year_archive"),
    path("articles/<yyyy:year>/<mm:month>/", public(views.month_archive, url=canonical.paged), name="month_archive"),
    path(ARTICLE, public(views.article_detail, dated=True), name="article_detail"),
    path(f"{ARTICLE}versions/", public(memento.version_list), name="version_list"),
    path(f"{ARTICLE}versions/<int:number>/", public(memento.version_detail, dated=True), name="version_detail"),
    path(f"{ARTICLE}versions/<int:old>/compare/<int:new>/", public(memento.version_compare), name="version_compare"),
    path("people/", public(views.person_list), name="person_list"),
    path("people/<slug:slug>/", public(views.person_detail, url=canonical.paged), name="person_detail"),
    path("topics/", public(views.topic_list), name="topic_list"),
    path("topics/<slug:slug>/", public(views.topic_detail, url=canonical.paged), name="topic_detail"),
    path("feeds/articles.atom", public(feeds.articles_feed), name="articles_feed"),
    path("people/<slug:slug>/feed.atom", public(feeds.person_feed), name="person_feed"),
    path("topics/<slug:slug>/feed.atom", public(feeds.topic_feed), name="topic_feed"),
    path("api/", public(api_docs.page), name="api_docs"),
]

# What software reads, the same in every language and at one address only: exports, citations, Memento's
# TimeGate and TimeMaps, sitemaps, robots.txt and OAI-PMH.
software_patterns = [
    path("articles/export.csv", public(exports.export_csv, url=canonical.export), name="export_csv"),
    path("articles/export.jsonl", public(exports.export_jsonl, url=canonical.export), name="export_jsonl"),
    *(
        path(f"{ARTICLE}cite.{kind}", public(citations.cite, dated=True), {"kind": kind}, name=f"cite_{kind}")
        for kind in citations.FORMATS
    ),
    *(
        path(
            f"{ARTICLE}versions/<int:number>/cite.{kind}",
            public(citations.cite_version, dated=True),
            {"kind": kind},
            name=f"version_cite_{kind}",
        )
        for kind in citations.FORMATS
    ),
    path(f"{ARTICLE}timegate/", memento.timegate, name="timegate"),
    path(f"{ARTICLE}timemap/", public(memento.timemap), name="timemap"),
    path(f"{ARTICLE}timemap.json", public(memento.timemap_json), name="timemap_json"),
    path("sitemap.xml", public(sitemaps.index), name="sitemap"),
    path("sitemap-<slug:section>.xml", public(sitemaps.section, url=canonical.sitemap_section), name="sitemap_section"),
    path("robots.txt", public(sitemaps.robots_txt), name="robots_txt"),
    path("oai/", oai.endpoint, name="oai"),
]

archive_patterns = [
    *software_patterns,
    # English at today's addresses, other languages under their prefix. Both kinds share the `archive` namespace,
    # and include() refuses i18n_patterns at the top of an included list: they sit one empty segment down, where
    # they resolve and reverse exactly as at the top.
    URLResolver(RoutePattern(""), i18n_patterns(*reader_patterns, prefix_default_language=False)),
]

urlpatterns = [
    path(settings.ARCHIVE_ADMIN_PATH.lstrip("/"), admin.site.urls),
    path("", include((archive_patterns, "archive"))),
    path("api/", api_urls.urls()),
    # Uploaded images, served by Django only while DEBUG is on; in production the web server serves MEDIA_ROOT.
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
]
