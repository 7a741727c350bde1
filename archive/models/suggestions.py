"""What editors decided of the archive's own suggestions: the pairs it must never suggest again."""

from collections import defaultdict

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class HiddenSuggestion(models.Model):
    """An editor judged two articles not related: neither is suggested on the other's page, in either section,
    through every rebuild of the read index and every import, since the pair is kept here and not in the index."""

    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="hidden_suggestions", verbose_name=_("article")
    )
    suggested = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="hidden_under", verbose_name=_("suggested article")
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        verbose_name=_("hidden by"),
    )
    hidden_at = models.DateTimeField(_("hidden at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hidden suggestion")
        verbose_name_plural = _("hidden suggestions")
        constraints = [
            models.UniqueConstraint(fields=["article", "suggested"], name="hiddensuggestion_once"),
            models.CheckConstraint(
                condition=~Q(article=F("suggested")),
                name="hiddensuggestion_not_self",
                violation_error_message=_("An article is never suggested on its own page: choose another."),
            ),
        ]

    def __str__(self):
        return f"{self.article} ≠ {self.suggested}"


def hidden_pairs(article_ids=None):
    """{article id: ids it must not be suggested with}, either way round, of these articles or of all."""
    rows = HiddenSuggestion.objects.all()
    if article_ids is not None:
        rows = rows.filter(Q(article_id__in=article_ids) | Q(suggested_id__in=article_ids))
    pairs = defaultdict(set)
    for one, other in rows.values_list("article_id", "suggested_id"):
        pairs[one].add(other)
        pairs[other].add(one)
    return pairs
