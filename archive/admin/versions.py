"""Versions in the admin: read by editors, never edited, never deleted but with their article; an earlier one can be
hidden from the public (a legal takedown), with a reason only editors see, and shown again."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive.models import ArticleVersion
from archive.models.versions import TEXT_FIELDS

# What a version records of itself, beside its text.
RECORD_FIELDS = ["article", "number", "valid_from", "cause", "source", "editor_name"]


class HideForm(forms.ModelForm):
    class Meta:
        model = ArticleVersion
        fields = ["hidden", "hidden_reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hidden"):
            if not cleaned.get("hidden_reason", "").strip():
                raise ValidationError({"hidden_reason": _("Say why it is hidden: editors will read it later.")})
            if self.instance.number == self.instance.article.version_count:
                raise ValidationError(
                    {"hidden": _("The present text cannot be hidden: correct the article, then hide this version.")}
                )
        return cleaned


@admin.register(ArticleVersion)
class ArticleVersionAdmin(admin.ModelAdmin):
    form = HideForm
    list_display = ["article", "number", "valid_from", "cause", "hidden"]
    list_filter = ["cause", "hidden"]
    list_select_related = ["article"]
    search_fields = ["title"]
    readonly_fields = [*RECORD_FIELDS, *TEXT_FIELDS]
    fieldsets = [
        (None, {"fields": RECORD_FIELDS}),
        (gettext_lazy("Text"), {"fields": TEXT_FIELDS}),
        (gettext_lazy("Public"), {"fields": ["hidden", "hidden_reason"]}),
    ]

    def has_add_permission(self, request):
        return False

    # A version goes only with its article (a superuser's delete of the article takes its history along), never
    # on its own; deletion stays a permission so that the article's delete can check it.
    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        raise PermissionDenied

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "show_delete": False})

    def save_model(self, request, obj, form, change):
        obj.save(update_fields=["hidden", "hidden_reason"])
