"""Who and what articles are about: persons, topics, and the decisions that tie them to articles."""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# The languages a person's or topic's name is kept in beside English (`name`), each in a field of its own.
NAME_FIELDS = {"ru": "name_ru"}


def subject_url(name, slug):
    """A person's or topic's address in the interface's language."""
    return _subject_url(name, slug, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _subject_url(name, slug, language):
    # A list shows each article's persons and topics: a hundred reversals a page, of the same few hundred slugs.
    return reverse(name, kwargs={"slug": slug})


class Named:
    """Whatever shows a person's or topic's name, a row or an index card: the name it is shown under."""

    @property
    def display_name(self):
        """The name in the interface's language where one is kept, else the English name."""
        return self.name_in(translation.get_language())

    def name_in(self, language):
        # "ru" and any regional variant of it, "ru-by".
        field = NAME_FIELDS.get((language or "").split("-")[0])
        return (field and getattr(self, field)) or self.name


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


class Subject(Named, models.Model):
    """What persons and topics share: a slug for their address, a name, and the order pages list them in."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("In English; it also orders the lists."))
    name_ru = models.CharField(
        _("name in Russian"), max_length=200, blank=True, help_text=_("Shown on the Russian pages; empty: the name.")
    )

    kind = None

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return subject_url(self.kind.view, self.slug)


class Person(Subject):
    description = models.CharField(_("description"), max_length=300, blank=True, help_text=_("One line: who this is."))
    aliases = models.JSONField(
        _("spellings"), default=list, blank=True, help_text=_("Every spelling readers meet, one per item.")
    )

    kind = PERSONS

    class Meta(Subject.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("persons")


class Topic(Subject):
    description = models.TextField(_("description"), blank=True)
    terms = models.JSONField(
        _("terms"), default=list, blank=True, help_text=_("English and Russian words that signal the topic.")
    )

    kind = TOPICS

    class Meta(Subject.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Decision(models.TextChoices):
    FOUND = "found", _("found automatically")
    CONFIRMED = "confirmed", _("confirmed by an editor")
    ADDED = "added", _("added by an editor")
    REJECTED = "rejected", _("rejected by an editor")


PUBLIC_DECISIONS = [Decision.FOUND, Decision.CONFIRMED, Decision.ADDED]


class DecisionQuerySet(models.QuerySet):
    def public(self):
        """The rows readers see, in the article's order."""
        return self.filter(decision__in=PUBLIC_DECISIONS).order_by("position")


class Mention(models.Model):
    """A person an article is about, how that was established, and in which order they appear."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="mentions", verbose_name=_("article"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("person"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.FOUND)
    pictured = models.BooleanField(_("pictured"), default=False, help_text=_("Shown in the article's photo."))
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "position", "person__name"]
        constraints = [models.UniqueConstraint(fields=["article", "person"], name="mention_once")]

    def __str__(self):
        return _("%(person)s in %(article)s") % {"person": self.person, "article": self.article}


class ArticleTopic(models.Model):
    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="article_topics", verbose_name=_("article")
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_topics", verbose_name=_("topic"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.FOUND)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("article's topic")
        verbose_name_plural = _("articles' topics")
        ordering = ["article", "position", "topic__name"]
        constraints = [models.UniqueConstraint(fields=["article", "topic"], name="articletopic_once")]

    def __str__(self):
        return _("%(topic)s in %(article)s") % {"topic": self.topic, "article": self.article}


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

    text = models.CharField(_("text"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("times met"), default=0)
    example = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("example")
    )
    dismissed = models.BooleanField(_("dismissed"), default=False)

    class Meta:
        verbose_name = _("unknown name")
        verbose_name_plural = _("unknown names")
        ordering = ["-count", "text"]

    def __str__(self):
        return self.text
