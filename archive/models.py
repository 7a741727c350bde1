"""The archive's data: articles, who and what they are about, how they link, where they came from."""

import datetime
import functools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from archive import rendering
from archive.importing.identity import title_key

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


def subject_prefetches():
    """The public persons and topics of articles, as `public_mentions` and `public_topics`, in their order."""
    # Pages show a subject's name and link: its spellings and terms would only be decoded and thrown away.
    mentions = Mention.objects.public().select_related("person").defer("person__aliases")
    topics = ArticleTopic.objects.public().select_related("topic").defer("topic__terms", "topic__description")
    return [
        models.Prefetch("mentions", mentions, to_attr="public_mentions"),
        models.Prefetch("article_topics", topics, to_attr="public_topics"),
    ]


class Article(models.Model):
    """One commentary, identified by its normalised title and its publication date."""

    title = models.CharField(max_length=500)
    title_key = models.CharField(max_length=500, editable=False)
    slug = models.SlugField(max_length=120, allow_unicode=False)
    published_date = models.DateField(db_index=True)
    published_time = models.TimeField(
        null=True, blank=True, help_text="Minsk local time; empty when the dateline had none."
    )
    language = models.CharField(max_length=8, default="en")
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(editable=False)
    summary = models.TextField(editable=False, help_text="The first paragraph as plain text.")
    photo_caption = models.CharField(max_length=500, blank=True)
    photo_credit = models.CharField(max_length=300, blank=True)
    photo_agency = models.CharField(max_length=200, blank=True)
    image = models.ImageField(
        upload_to="articles/%Y/", blank=True, width_field="image_width", height_field="image_height"
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
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

    @property
    def published(self):
        """The publication moment: an aware datetime, or a date when the dateline had no time."""
        if self.published_time is None:
            return self.published_date
        return datetime.datetime.combine(self.published_date, self.published_time, tzinfo=MINSK)

    @property
    def has_photo(self):
        return bool(self.photo_caption or self.photo_credit or self.photo_agency)


class RelatedLink(models.Model):
    """A lead commentary lists another article under "Similar articles", at a place in its list."""

    lead = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="listed_links")
    position = models.PositiveIntegerField()

    class Meta:
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


class SourceFile(models.Model):
    """A file the archive was built from: a page is kept byte for byte, and as the text it was read as."""

    name = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64, unique=True)
    raw_text = models.TextField(blank=True, help_text="Empty when the file is known only from an export.")
    original = models.BinaryField(
        blank=True,
        default=b"",
        help_text="The page's bytes, whose SHA-256 is sha256; empty for an export and a file only stated by one.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_sources"
    )
    summary = models.JSONField(default=dict, blank=True, help_text="What this file created and changed.")

    class Meta:
        ordering = ["-imported_at", "name"]

    def __str__(self):
        return self.name

    @property
    def only_stated(self):
        """Known only because an export's records name it: its bytes were never imported (an export itself keeps
        no text either, but counts its records)."""
        return not self.raw_text and "records" not in self.summary


class ArticleSource(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "lead"
        RELATED = "related", "related"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    source = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="article_roles")
    role = models.CharField(max_length=8, choices=Role.choices)
    stated_by = models.ForeignKey(
        SourceFile,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="statements",
        help_text="The export whose record says so, while the source's own bytes have not shown it; "
        "empty when the source file itself was imported and holds the article.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "source", "role"], name="articlesource_once")]

    def __str__(self):
        return f"{self.article} ({self.role} in {self.source})"


@functools.lru_cache(maxsize=4096)
def article_url(day, slug):
    # A page names an article's address several times (links, canonical, citations): reversed once.
    return reverse(
        "archive:article_detail",
        kwargs={"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}", "slug": slug},
    )


@functools.lru_cache(maxsize=4096)
def subject_url(name, slug):
    # A list shows each article's persons and topics: a hundred reversals a page, of the same few hundred slugs.
    return reverse(name, kwargs={"slug": slug})


class SubjectQuerySet(models.QuerySet):
    def counted(self, counts, limit=None, exclude=()):
        """Persons or topics with `count` set from the index's (slug, count) pairs, most first then by name;
        `limit` of them, or all. One query, for the subjects that make the cut (ties at the cut included)."""
        found = [(slug, n) for slug, n in counts if slug not in exclude]
        if limit is not None and len(found) > limit:
            cutoff = found[limit - 1][1]
            found = [(slug, n) for slug, n in found if n >= cutoff]
        numbers = dict(found)
        subjects = list(self.filter(slug__in=numbers).only("slug", "name", "description"))
        for subject in subjects:
            subject.count = numbers[subject.slug]
        subjects.sort(key=lambda subject: (-subject.count, subject.name))
        return subjects[:limit]


class Person(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True, help_text="One line: who this is.")
    aliases = models.JSONField(default=list, blank=True, help_text="Every spelling readers meet, one per item.")

    objects = SubjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return subject_url("archive:person_detail", self.slug)


class Topic(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    terms = models.JSONField(default=list, blank=True, help_text="English and Russian words that signal the topic.")

    objects = SubjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return subject_url("archive:topic_detail", self.slug)


class Decision(models.TextChoices):
    FOUND = "found", "found automatically"
    CONFIRMED = "confirmed", "confirmed by an editor"
    ADDED = "added", "added by an editor"
    REJECTED = "rejected", "rejected by an editor"


PUBLIC_DECISIONS = [Decision.FOUND, Decision.CONFIRMED, Decision.ADDED]


class DecisionQuerySet(models.QuerySet):
    def public(self):
        """The rows readers see, in the article's order."""
        return self.filter(decision__in=PUBLIC_DECISIONS).order_by("position")


class Mention(models.Model):
    """A person an article is about, how that was established, and in which order they appear."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions")
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.FOUND)
    pictured = models.BooleanField(default=False, help_text="Shown in the article's photo.")
    position = models.PositiveIntegerField(default=0)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "person__name"]
        constraints = [models.UniqueConstraint(fields=["article", "person"], name="mention_once")]

    def __str__(self):
        return f"{self.person} in {self.article}"


class ArticleTopic(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_topics")
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.FOUND)
    position = models.PositiveIntegerField(default=0)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "topic__name"]
        constraints = [models.UniqueConstraint(fields=["article", "topic"], name="articletopic_once")]

    def __str__(self):
        return f"{self.topic} in {self.article}"


class UnknownName(models.Model):
    """A name-like phrase the tagger met but could not match, kept so that editors can add it."""

    text = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    example = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    dismissed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-count", "text"]

    def __str__(self):
        return self.text


class Change(models.Model):
    """One committed change to what readers see, in commit order: the read index and the page caches follow it.

    Its id is the archive's generation. A row names the article whose index document must be made again, or no
    article when only names or descriptions changed; an article that was deleted is named all the same.
    """

    id = models.BigAutoField(primary_key=True)
    article_id = models.BigIntegerField(null=True, blank=True)
    # When the archive last changed, for Last-Modified.
    at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"change {self.id} ({self.article_id or 'names'})"
