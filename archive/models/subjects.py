"""Who and what articles are about: persons, topics, and the decisions that tie them to articles."""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import translation


def subject_url(name, slug):
    """A person's or topic's address in the interface's language."""
    return _subject_url(name, slug, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _subject_url(name, slug, language):
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


@dataclass(frozen=True)
class Kind:
    """What differs between persons and topics wherever they are shown or asked for: known here alone."""

    # The list's parameter, the API's word and the OAI-PMH set: "person".
    name: str
    # The article's field and the index's: "persons".
    field: str
    # The address of their pages, "people", and its title.
    plural: str
    title: str
    # The name of the page that shows one.
    view: str
    # The article's rows that tie it to one, and the name of the person or topic in those rows.
    rows: str
    model_name: str

    @property
    def model(self):
        return apps.get_model("archive", self.model_name)


PERSONS = Kind("person", "persons", "people", "People", "archive:person_detail", "mentions", "Person")
TOPICS = Kind("topic", "topics", "topics", "Topics", "archive:topic_detail", "article_topics", "Topic")
KINDS = (PERSONS, TOPICS)


class Subject(models.Model):
    """What persons and topics share: a slug for their address, a name, and the order pages list them in."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)

    objects = SubjectQuerySet.as_manager()
    kind = None

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return subject_url(self.kind.view, self.slug)


class Person(Subject):
    description = models.CharField(max_length=300, blank=True, help_text="One line: who this is.")
    aliases = models.JSONField(default=list, blank=True, help_text="Every spelling readers meet, one per item.")

    kind = PERSONS


class Topic(Subject):
    description = models.TextField(blank=True)
    terms = models.JSONField(default=list, blank=True, help_text="English and Russian words that signal the topic.")

    kind = TOPICS


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

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="mentions")
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
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="article_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_topics")
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.FOUND)
    position = models.PositiveIntegerField(default=0)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "topic__name"]
        constraints = [models.UniqueConstraint(fields=["article", "topic"], name="articletopic_once")]

    def __str__(self):
        return f"{self.topic} in {self.article}"


def subject_prefetches():
    """The public persons and topics of articles, as `public_mentions` and `public_topics`, in their order."""
    # Pages show a subject's name and link: its spellings and terms would only be decoded and thrown away.
    mentions = Mention.objects.public().select_related("person").defer("person__aliases")
    topics = ArticleTopic.objects.public().select_related("topic").defer("topic__terms", "topic__description")
    return [
        models.Prefetch("mentions", mentions, to_attr="public_mentions"),
        models.Prefetch("article_topics", topics, to_attr="public_topics"),
    ]


class UnknownName(models.Model):
    """A name-like phrase the tagger met but could not match, kept so that editors can add it."""

    text = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    example = models.ForeignKey("Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    dismissed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-count", "text"]

    def __str__(self):
        return self.text
