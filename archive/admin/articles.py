from django.contrib import admin

from archive.models import Article, SourceFile


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published_date", "published_time", "language"]
    list_filter = ["language"]
    date_hierarchy = "published_date"
    search_fields = ["title"]
    readonly_fields = ["slug"]


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = ["name", "sha256", "imported_at", "imported_by"]
    search_fields = ["name", "sha256"]
