"""What an article page tells the machines that read it: reference managers, search engines, link previews."""

import datetime
import json
from functools import cached_property

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from archive.models import subject_prefetches
from archive.models.versions import version_url
from archive.research.citations import FORMATS, cite_url, version_cite_url
from archive.serving.languages import permanent_addresses

# Text inside a script element must not be able to close it, whatever the imported titles contain.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
DOWNLOAD_LABELS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}


class ArticleMetadata:
    """What the page says of the article, or of one version of it when `version` is given (its page's)."""

    def __init__(self, article, request, version=None):
        self.article = article
        self.version = version
        self.request = request
        number, since = (version.number, version.valid_from) if version else (article.version_count, article.text_since)
        self.number = number
        # The article's page in any language cites the one permanent address.
        with permanent_addresses():
            self.original_url = request.build_absolute_uri(article.get_absolute_url())
            # A Robust Link (robustlinks.mementoweb.org): the address cited, the version's own, and its moment.
            self.version_url = (
                request.build_absolute_uri(version_url(article.published_date, article.slug, number)) if number else ""
            )
        self.version_date = f"{since.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}" if number else ""
        self.url = self.version_url if version else self.original_url
        self.publication = gettext(settings.ARCHIVE_SITE_NAME)
        self.publisher = settings.ARCHIVE_PUBLISHER
        self.accessed = timezone.localdate()

    @property
    def published(self):
        """ISO 8601 with the Minsk offset when the dateline had a time, the bare day when it had none."""
        return self.text.published.isoformat()

    @property
    def text(self):
        """The article, or the version shown: what title, summary and dates are those of."""
        return self.version or self.article

    @cached_property
    def subjects(self):
        # The same attributes as `with_subjects`: an article the view gave them to is not asked again.
        if not hasattr(self.article, "public_mentions"):
            prefetch_related_objects([self.article], *subject_prefetches())
        return self.article.public_mentions, self.article.public_topics

    @property
    def persons(self):
        return [mention.person for mention in self.subjects[0]]

    @property
    def topics(self):
        return [link.topic for link in self.subjects[1]]

    @property
    def downloads(self):
        def url(kind):
            return (
                version_cite_url(self.article, self.version.number, kind)
                if self.version
                else cite_url(self.article, kind)
            )

        return [(DOWNLOAD_LABELS[kind], url(kind), media_type) for kind, (media_type, _) in FORMATS.items()]

    def json_ld(self):
        home = self.request.build_absolute_uri(reverse("archive:home"))
        versioned = {"version": str(self.number), "dateModified": self.version_date} if self.number else {}
        return versioned | {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "@id": self.url,
            "url": self.url,
            "mainEntityOfPage": self.url,
            "headline": self.text.title,
            "description": self.text.summary,
            "datePublished": self.published,
            "inLanguage": self.text.language,
            "isAccessibleForFree": True,
            # No byline: the publication is the author, as an organisation.
            "author": {"@type": "Organization", "name": self.publication, "url": home},
            "isPartOf": {"@type": "Periodical", "name": self.publication, "url": home},
            "publisher": {"@type": "Organization", "name": self.publisher, "url": home},
            "about": [
                {
                    "@type": "Person",
                    "name": person.name,
                    "url": self.request.build_absolute_uri(person.get_absolute_url()),
                }
                for person in self.persons
            ],
            "keywords": [topic.name for topic in self.topics],
        }

    def json_ld_script(self):
        data = json.dumps(self.json_ld(), ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
        return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))
