"""The archive's own suggestions in the admin: an editor hides a pair that is not related, and it stays hidden
through every rebuild and import, since the pair is kept in the database."""

from django.contrib import admin

from archive.models import HiddenSuggestion


@admin.register(HiddenSuggestion)
class HiddenSuggestionAdmin(admin.ModelAdmin):
    list_display = ["article", "suggested", "reason", "hidden_by", "hidden_at"]
    list_select_related = ["article", "suggested", "hidden_by"]
    search_fields = ["article__title", "suggested__title"]
    autocomplete_fields = ["article", "suggested"]
    readonly_fields = ["hidden_by", "hidden_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.hidden_by = request.user
        super().save_model(request, obj, form, change)
