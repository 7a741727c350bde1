"""The files the archive was built from, and which articles each one gave."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.models.articles import Article


class SourceFile(models.Model):
    """A file the archive was built from: a page is kept byte for byte, and as the text it was read as."""

    name = models.CharField(_("name"), max_length=500)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    raw_text = models.TextField(
        _("text as read"), blank=True, help_text=_("Empty when the file is known only from an export.")
    )
    original = models.BinaryField(
        _("original bytes"),
        blank=True,
        default=b"",
        help_text=_("The page's bytes, whose SHA-256 is sha256; empty for an export and a file only stated by one."),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_sources",
        verbose_name=_("imported by"),
    )
    summary = models.JSONField(
        _("summary"), default=dict, blank=True, help_text=_("What this file created and changed.")
    )
    job = models.ForeignKey(
        "archive.ImportJob",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_files",
        verbose_name=_("import job"),
    )

    class Meta:
        verbose_name = _("source file")
        verbose_name_plural = _("source files")
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
        LEAD = "lead", _("lead")
        RELATED = "related", _("related")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources", verbose_name=_("article"))
    source = models.ForeignKey(
        SourceFile, on_delete=models.CASCADE, related_name="article_roles", verbose_name=_("source file")
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)
    stated_by = models.ForeignKey(
        SourceFile,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="statements",
        verbose_name=_("stated by"),
        help_text=_(
            "The export whose record says so, while the source's own bytes have not shown it; "
            "empty when the source file itself was imported and holds the article."
        ),
    )

    class Meta:
        verbose_name = _("article's source")
        verbose_name_plural = _("articles' sources")
        constraints = [models.UniqueConstraint(fields=["article", "source", "role"], name="articlesource_once")]

    def __str__(self):
        return _("%(article)s (%(role)s in %(source)s)") % {
            "article": self.article,
            "role": self.get_role_display(),
            "source": self.source,
        }
