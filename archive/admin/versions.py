"""Versions in the admin: read by editors, never edited or deleted; an earlier one can be hidden from the public
(a legal takedown), with a reason only editors see, and shown again."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from archive.models import ArticleVersion


class HideForm(forms.ModelForm):
    class Meta:
        model = ArticleVersion
        fields = ["hidden", "hidden_reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hidden"):
            if not cleaned.get("hidden_reason", "").strip():
                raise ValidationError({"hidden_reason": "Say why it is hidden: editors will read it later."})
            if self.instance.number == self.instance.article.version_count:
                raise ValidationError(
                    {"hidden": "The present text cannot be hidden: correct the article, then hide this version."}
                )
        return cleaned


@admin.register(ArticleVersion)
class ArticleVersionAdmin(admin.ModelAdmin):
    form = HideForm
    list_display = ["article", "number", "valid_from", "cause", "hidden"]
    list_filter = ["cause", "hidden"]
    list_select_related = ["article"]
    search_fields = ["title"]
    readonly_fields = [
        "article",
        "number",
        "valid_from",
        "cause",
        "source",
        "editor_name",
        "title",
        "published_date",
        "published_time",
        "language",
        "body",
        "photo_caption",
        "photo_credit",
        "photo_agency",
    ]
    fieldsets = [
        (None, {"fields": ["article", "number", "valid_from", "cause", "source", "editor_name"]}),
        ("Text", {"fields": readonly_fields[6:]}),
        ("Public", {"fields": ["hidden", "hidden_reason"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.save(update_fields=["hidden", "hidden_reason"])
