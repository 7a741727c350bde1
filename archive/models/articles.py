"""Articles, how a lead lists its similar items, and the addresses an article had before."""

import datetime
import functools
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from archive.models.subjects import subject_prefetches
from archive.text import rendering
from archive.text.identity import title_key

MINSK = ZoneInfo("Europe/Minsk")


class ArticleQuerySet(models.QuerySet):
    def chronological(self):
        return self.order_by("published_date", F("published_time").asc(nulls_first=True), "slug")

    def newest_first(self):
        return self.order_by("-published_date", F("published_time").desc(nulls_last=True), "slug")

    def leads(self):
        return self.filter(related_links__isnull=False).distinct()

    def with_subjects(self):
        """Fetch the public persons and topics of every article in two queries, however many articles."""
        return self.prefetch_related(*subject_prefetches())

    def in_order(self, ids):
        """These articles as a list in the order of `ids`; an id no longer in the database is left out."""
        found = {article.pk: article for article in self.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


class TextState:
    """What an article and each of its versions say the same way: the moment of the dateline, and the photo."""

    @property
    def published(self):
        return published_moment(self.published_date, self.published_time)

    @property
    def has_photo(self):
        return bool(self.photo_caption or self.photo_credit or self.photo_agency)


class Article(TextState, models.Model):
    """One commentary, identified by its normalised title and its publication date."""

    title = models.CharField(_("title"), max_length=500)
    title_key = models.CharField(max_length=500, editable=False)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    published_date = models.DateField(_("date"), db_index=True)
    published_time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("Minsk local time; empty when the dateline had none.")
    )
    language = models.CharField(_("language"), max_length=8, default="en")
    body = models.TextField(_("text"), help_text=_("Markdown."))
    body_html = models.TextField(editable=False)
    summary = models.TextField(editable=False, help_text="The first paragraph as plain text.")
    photo_caption = models.CharField(_("photo caption"), max_length=500, blank=True)
    photo_credit = models.CharField(_("photographer"), max_length=300, blank=True)
    photo_agency = models.CharField(_("photo agency"), max_length=200, blank=True)
    image = models.ImageField(
        _("lead image"), upload_to="articles/%Y/", blank=True, width_field="image_width", height_field="image_height"
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_renditions = models.JSONField(
        default=list, blank=True, editable=False, help_text="The sizes and formats made from the image for the pages."
    )
    related = models.ManyToManyField(
        "self",
        through="RelatedLink",
        symmetrical=False,
        related_name="listed_under",
        through_fields=("lead", "related"),
    )
    persons = models.ManyToManyField("Person", through="Mention", related_name="articles")
    topics = models.ManyToManyField("Topic", through="ArticleTopic", related_name="articles")
    # The latest version's number and moment (`archive.models.versions`), so that the page need not ask.
    version_count = models.PositiveIntegerField(default=0, editable=False)
    text_since = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["title_key", "published_date"], name="article_identity"),
            models.UniqueConstraint(fields=["published_date", "slug"], name="article_permalink"),
        ]
        indexes = [models.Index(fields=["published_date", "published_time", "slug"], name="article_chrono")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return article_url(self.published_date, self.slug)

    def render(self):
        """Derive what the pages show from the Markdown body, once, at save."""
        # The key is fixed at first sight: an editor's corrected title must not make the next import of the
        # original page look like a different article.
        self.title_key = self.title_key or title_key(self.title)
        self.body_html = rendering.markdown_to_html(self.body)
        self.summary = rendering.first_paragraph_text(self.body_html)


class RelatedLink(models.Model):
    """A lead commentary lists another article under "Similar articles", at a place in its list."""

    lead = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_links", verbose_name=_("lead"))
    related = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="listed_links", verbose_name=_("similar article")
    )
    position = models.PositiveIntegerField(_("position"))

    class Meta:
        verbose_name = _("similar article")
        verbose_name_plural = _("similar articles")
        ordering = ["lead", "position"]
        constraints = [
            models.UniqueConstraint(fields=["lead", "related"], name="relatedlink_once"),
            models.CheckConstraint(condition=~Q(lead=F("related")), name="relatedlink_not_self"),
        ]

    def __str__(self):
        return f"{self.lead} → {self.related}"


class SlugRedirect(models.Model):
    """A former permanent URL of an article, kept so that bookmarks and citations keep working."""

    published_date = models.DateField()
    old_slug = models.SlugField(max_length=120)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="slug_redirects")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["published_date", "old_slug"], name="slugredirect_once")]

    def __str__(self):
        return f"{self.published_date}/{self.old_slug} → {self.article}"


def published_moment(day, time):
    """The publication moment: an aware datetime, or the day when the dateline had no time."""
    if time is None:
        return day
    return datetime.datetime.combine(day, time, tzinfo=MINSK)


def article_url(day, slug, language=None):
    """The article's address in a language of the interface: by default the one it is shown in."""
    return _article_url(day, slug, language or translation.get_language())


@functools.lru_cache(maxsize=4096)
def _article_url(day, slug, language):
    # A page names an article's address several times (links, canonical, citations): reversed once a language.
    with translation.override(language):
        return reverse(
            "archive:article_detail",
            kwargs={"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}", "slug": slug},
        )
