"""Every state an article's text has had, kept for good: a cited page can always show what was cited.

A version is written once and never changed, except to hide it from the public (a legal takedown), which keeps
the row and its text. The article row carries its latest version's number and moment, so that its page can say
"this text since" and link to the earlier ones without asking for them.
"""

import functools

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from archive.models.articles import Article, TextState
from archive.models.sources import SourceFile
from archive.text import rendering

# What makes a new version; links, persons and topics do not.
TEXT_FIELDS = (
    "title",
    "body",
    "published_date",
    "published_time",
    "language",
    "photo_caption",
    "photo_credit",
    "photo_agency",
)
# Copied from the article along with the text: rendered once, never on a reader's request.
COPIED_FIELDS = (*TEXT_FIELDS, "body_html", "summary")


class VersionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(hidden=False)


class ArticleVersion(TextState, models.Model):
    class Cause(models.TextChoices):
        IMPORT = "import", _("an imported page")
        EXPORT = "export", _("an imported export")
        EDIT = "edit", _("an editor's change")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions", verbose_name=_("article"))
    number = models.PositiveIntegerField(
        _("number"), help_text=_("1 for the first text, counting up; part of the address.")
    )
    valid_from = models.DateTimeField(
        _("text since"), help_text=_("When this text became the article's: its Memento-Datetime.")
    )
    cause = models.CharField(_("cause"), max_length=8, choices=Cause.choices)
    source = models.ForeignKey(
        SourceFile,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("source file"),
        help_text=_("The file."),
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article_versions",
        verbose_name=_("editor"),
    )
    editor_name = models.CharField(
        _("editor's name"), max_length=150, blank=True, help_text=_("Kept when the account goes.")
    )
    title = models.CharField(_("title"), max_length=500)
    published_date = models.DateField(_("date"))
    published_time = models.TimeField(_("time"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)
    body = models.TextField(_("text"))
    body_html = models.TextField(_("text as readers see it"))
    summary = models.TextField(_("first paragraph"))
    photo_caption = models.CharField(_("photo caption"), max_length=500, blank=True)
    photo_credit = models.CharField(_("photographer"), max_length=300, blank=True)
    photo_agency = models.CharField(_("photo agency"), max_length=200, blank=True)
    hidden = models.BooleanField(
        _("hidden"), default=False, help_text=_("Its address answers 410 Gone; the TimeMap leaves it out.")
    )
    hidden_reason = models.TextField(
        _("reason for hiding"), blank=True, help_text=_("Why it is hidden; only editors see it.")
    )

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        ordering = ["article", "number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="articleversion_once")]

    def __str__(self):
        return _("%(article)s version %(number)s") % {"article": self.article_id, "number": self.number}

    def save(self, *args, **kwargs):
        # History is evidence: once written, only whether the public sees it may change.
        fields = kwargs.get("update_fields")
        if not self._state.adding and (fields is None or not set(fields) <= {"hidden", "hidden_reason"}):
            raise ValueError("A version is never changed, only hidden or shown.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return version_url(self.article.published_date, self.article.slug, self.number)


def next_version(article, moment):
    """Note on the article row, before it is saved, that its present text becomes a new version at `moment`."""
    article.version_count += 1
    article.text_since = moment


def keep(articles, cause, *, source=None, editor=None):
    """Write the present text of each saved article as the version its row names (see `next_version`)."""
    ArticleVersion.objects.bulk_create(
        ArticleVersion(
            article=article,
            number=article.version_count,
            valid_from=article.text_since,
            cause=cause,
            source=source,
            editor=editor,
            editor_name=editor.get_username() if editor else "",
            **{name: getattr(article, name) for name in COPIED_FIELDS},
        )
        for article in articles
    )


def restoring(article, versions):
    """Note on a new article row, before it is saved, the versions an export gives it (see `restore`)."""
    article.version_count = versions[-1]["number"]
    article.text_since = versions[-1]["valid_from"]


def restore(histories):
    """Write the versions an export records for the saved articles it created (`histories`: article -> the
    version mappings `importing.versions` reads, oldest first); the last is the article's present text."""
    rows = []
    for article, versions in histories.items():
        *earlier, present = versions
        rows += [ArticleVersion(article=article, **_rendered(version)) for version in earlier]
        rows.append(
            ArticleVersion(article=article, **present, **{name: getattr(article, name) for name in COPIED_FIELDS})
        )
    ArticleVersion.objects.bulk_create(rows)


def _rendered(version):
    body_html = rendering.markdown_to_html(version["body"])
    return {**version, "body_html": body_html, "summary": rendering.first_paragraph_text(body_html)}


def _article_kwargs(day, slug):
    return {"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}", "slug": slug}


def version_url(day, slug, number):
    """A version's page in the interface's language."""
    return _version_url(day, slug, number, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _version_url(day, slug, number, language):
    return reverse("archive:version_detail", kwargs={**_article_kwargs(day, slug), "number": number})


def article_route(name, article):
    """The address of one of an article's version pages without a number: `version_list`, `timegate`,
    `timemap`, `timemap_json`."""
    return reverse(f"archive:{name}", kwargs=_article_kwargs(article.published_date, article.slug))
