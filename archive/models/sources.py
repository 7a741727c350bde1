"""The files the archive was built from, and which articles each one gave."""

from django.conf import settings
from django.db import models

from archive.models.articles import Article


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
    job = models.ForeignKey(
        "archive.ImportJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="source_files"
    )

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
