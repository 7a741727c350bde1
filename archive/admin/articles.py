"""Articles in the admin: their text, photo, persons, topics and similar items, and where they came from."""

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from archive.admin import images, imports
from archive.admin.forms import ArticleAdminForm
from archive.importing import jsonl
from archive.models import Article, ArticleTopic, ArticleVersion, Decision, Mention, RelatedLink, SlugRedirect, versions


class CurationInline(admin.TabularInline):
    extra = 0

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "decision":
            # A row an editor adds by hand is the editor's decision, not the tagger's.
            kwargs["initial"] = Decision.ADDED
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class MentionInline(CurationInline):
    model = Mention
    fields = ["person", "decision", "pictured", "position"]
    autocomplete_fields = ["person"]
    verbose_name_plural = gettext_lazy("persons the article is about")


class ArticleTopicInline(CurationInline):
    model = ArticleTopic
    fields = ["topic", "decision", "position"]
    autocomplete_fields = ["topic"]
    verbose_name_plural = gettext_lazy("topics")


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "lead"
    fields = ["position", "related"]
    autocomplete_fields = ["related"]
    extra = 0
    verbose_name = gettext_lazy("similar article")
    verbose_name_plural = gettext_lazy("similar articles, in the order the page lists them")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "published_date", "published_time", "language"]
    list_filter = ["language"]
    date_hierarchy = "published_date"
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["rendered_body", "image_renditions_summary", "provenance", "text_versions"]
    fieldsets = [
        (None, {"fields": ["title", "slug", ("published_date", "published_time"), "language"]}),
        (gettext_lazy("Text"), {"fields": ["body", "rendered_body"]}),
        (
            gettext_lazy("Photo"),
            {"fields": ["photo_caption", "photo_credit", "photo_agency", "image", "image_renditions_summary"]},
        ),
        (gettext_lazy("Where it came from"), {"fields": ["provenance", "text_versions"]}),
    ]
    inlines = [MentionInline, ArticleTopicInline, RelatedLinkInline]
    actions = ["export_records"]

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="archive_article_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        return imports.import_view(self, request)

    @admin.action(
        description=gettext_lazy("Export the selected articles as JSON Lines, as export_articles does"),
        permissions=["export"],
    )
    def export_records(self, request, queryset):
        records = jsonl.iter_records(queryset.chronological())
        response = StreamingHttpResponse(
            (jsonl.dumps(record) + "\n" for record in records), content_type="application/jsonl; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="articles.jsonl"'
        return response

    def has_export_permission(self, request):
        # The editors' record names the files the archive came from: only those who may read the import history.
        return request.user.has_perms(["archive.view_article", "archive.view_sourcefile"])

    def save_model(self, request, obj, form, change):
        former = (form.initial.get("published_date"), form.initial.get("slug"))
        if "image" in form.changed_data:
            replaced = form.initial.get("image")
            images.discard(obj.image.storage, replaced.name if replaced else "", obj.image_renditions)
            obj.image_renditions = []
        new_text = not change or set(versions.TEXT_FIELDS) & set(form.changed_data)
        if new_text:
            versions.next_version(obj, timezone.now())
        super().save_model(request, obj, form, change)
        if new_text:
            versions.keep([obj], ArticleVersion.Cause.EDIT, editor=request.user)
        if change and former != (obj.published_date, obj.slug):
            keep_former_address(obj, *former)
        if "image" in form.changed_data and obj.image:
            obj.image_renditions = images.make_renditions(obj.image)
            obj.save(update_fields=["image_renditions"])

    @admin.display(description=gettext_lazy("As readers see it"))
    def rendered_body(self, obj):
        if not obj.pk:
            return _("Shown once the article is saved.")
        # body_html is what nh3 let through when the article was saved: the one HTML that may be marked safe.
        return mark_safe(obj.body_html)

    @admin.display(description=gettext_lazy("Sizes made for the pages"))
    def image_renditions_summary(self, obj):
        if not obj.image_renditions:
            return _("No image.")
        widths = sorted({r["width"] for r in obj.image_renditions})
        formats = sorted({r["format"] for r in obj.image_renditions})
        return _("%(width)s × %(height)s pixels uploaded; %(widths)s pixels wide, as %(formats)s") % {
            "width": obj.image_width,
            "height": obj.image_height,
            "widths": ", ".join(map(str, widths)),
            "formats": pgettext("between the names of formats", " and ").join(formats),
        }

    @admin.display(description=gettext_lazy("Source files"))
    def provenance(self, obj):
        roles = obj.pk and obj.sources.select_related("source__imported_by", "stated_by__imported_by").order_by(
            "source__imported_at", "role"
        )
        if not roles:
            return _("Added in the admin, not imported.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                _('<li>{} in <a href="{}">{}</a>, {}</li>'),
                (
                    (
                        pgettext("an article's role in a file", "lead")
                        if role.role == role.Role.LEAD
                        else _("listed as similar"),
                        reverse("admin:archive_sourcefile_change", args=[role.source_id]),
                        role.source.name,
                        _how_known(role),
                    )
                    for role in roles
                ),
            ),
        )

    @admin.display(description=gettext_lazy("Versions of the text"))
    def text_versions(self, obj):
        versions = obj.pk and obj.versions.order_by("number").only("number", "valid_from", "cause", "hidden")
        if not versions:
            return _("None kept yet.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                _('<li><a href="{}">version {}</a>, {}, from {}{}</li>'),
                (
                    (
                        reverse("admin:archive_articleversion_change", args=[version.pk]),
                        version.number,
                        f"{localtime(version.valid_from):%Y-%m-%d %H:%M:%S}",
                        version.get_cause_display(),
                        _(" (hidden from the public)") if version.hidden else "",
                    )
                    for version in versions
                ),
            ),
        )


def _imported(source):
    moment = f"{localtime(source.imported_at):%Y-%m-%d %H:%M}"
    if source.imported_by:
        return _("imported %(moment)s by %(user)s") % {"moment": moment, "user": source.imported_by}
    return _("imported %(moment)s") % {"moment": moment}


def _how_known(role):
    """A sighting the file's own import showed, or one only an export states (of a file perhaps never imported)."""
    if role.stated_by_id is None:
        return _imported(role.source)
    return format_html(
        _('as stated by the export <a href="{}">{}</a>, {}'),
        reverse("admin:archive_sourcefile_change", args=[role.stated_by_id]),
        role.stated_by.name,
        _imported(role.stated_by),
    )


def keep_former_address(article, date, slug):
    """Make an article's former address redirect to it, as researchers cite and bookmark addresses."""
    SlugRedirect.objects.filter(published_date=article.published_date, old_slug=article.slug).delete()
    SlugRedirect.objects.update_or_create(published_date=date, old_slug=slug, defaults={"article": article})
