"""The import history: every source file as it was uploaded, who imported it, when, and what it did.

History is evidence, so nobody edits or deletes it here; and what an export only states of files the archive never
received is shown as stated by that export, never as a file imported.
"""

from pathlib import PurePosixPath

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from archive.admin.imports import counted, describe
from archive.admin.permissions import Recorded
from archive.importing.outcomes import CREATED, UNCHANGED, UPDATED, ArticleOutcome
from archive.models import ArticleSource, SourceFile

STATUS_ORDER = [CREATED, UPDATED, UNCHANGED]


@admin.register(SourceFile)
class SourceFileAdmin(Recorded, admin.ModelAdmin):
    list_display = ["name", "imported", "imported_by", "import_job", "outcome", "short_sha256"]
    list_select_related = ["imported_by", "job"]
    list_filter = ["imported_by", "job"]
    date_hierarchy = "imported_at"
    search_fields = ["name", "sha256", "article_roles__article__title"]
    fields = [
        "name",
        "sha256",
        "original_file",
        "imported",
        "imported_by",
        "import_job",
        "outcome",
        "changes",
        "articles",
        "raw_text_as_uploaded",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        # The list shows no bytes, and a page's change view only their size: read them when they are asked for.
        return super().get_queryset(request).defer("original")

    def get_urls(self):
        # Cacheable, because the download sets its own Cache-Control, which admin_view's never_cache would replace.
        download = self.admin_site.admin_view(self.original_view, cacheable=True)
        return [path("<path:object_id>/original/", download, name="archive_sourcefile_original"), *super().get_urls()]

    def original_view(self, request, object_id):
        """The file's bytes exactly as they were imported, as an attachment under the file's own name."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        source = self.get_object(request, unquote(object_id))
        if source is None or not source.original:
            raise Http404
        response = HttpResponse(
            bytes(source.original),
            content_type="application/octet-stream",
            headers={"Content-Disposition": content_disposition_header(True, PurePosixPath(source.name).name)},
        )
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.display(description=gettext_lazy("import job"), ordering="job")
    def import_job(self, obj):
        if obj.job_id is None:
            return "—"
        url = reverse("admin:archive_importjob_change", args=[obj.job_id])
        return format_html('<a href="{}">{}</a>', url, obj.job)

    @admin.display(description="SHA-256")
    def short_sha256(self, obj):
        return obj.sha256[:12]

    @admin.display(description=gettext_lazy("imported"), ordering="imported_at")
    def imported(self, obj):
        if obj.only_stated:
            return _("never imported: only stated by an export")
        return localtime(obj.imported_at).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=gettext_lazy("Articles"))
    def outcome(self, obj):
        counts = [counted(status, obj.summary[status]) for status in STATUS_ORDER if obj.summary.get(status)]
        return ", ".join(counts) or "—"

    @admin.display(description=gettext_lazy("What it created or changed"))
    def changes(self, obj):
        entries = obj.summary.get("articles", [])
        if not entries:
            return _("Nothing recorded beyond the counts.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}): {}</li>',
                ((entry["url"], entry["title"], _role(entry["role"]), _what_happened(entry)) for entry in entries),
            ),
        )

    @admin.display(description=gettext_lazy("Articles it holds"))
    def articles(self, obj):
        roles = obj.article_roles.select_related("article", "stated_by").order_by("role", "article__published_date")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li>{}: <a href="{}">{}</a>{}</li>',
                (
                    (
                        role.get_role_display(),
                        reverse("admin:archive_article_change", args=[role.article_id]),
                        role.article.title,
                        stated_by(role),
                    )
                    for role in roles
                ),
            ),
        )

    @admin.display(description=gettext_lazy("Original file"))
    def original_file(self, obj):
        if obj.only_stated:
            return _("None: never imported.")
        if "records" in obj.summary:
            return _("Not kept: an export's bytes are not kept, only the articles it brings.")
        if not obj.original:
            return _("Not kept: imported before the archive kept files' bytes; its text as read is below.")
        url = reverse("admin:archive_sourcefile_original", args=[obj.pk])
        size = len(obj.original)
        return format_html(
            ngettext(
                '<a href="{}" download>Download {}</a> ({} byte)',
                '<a href="{}" download>Download {}</a> ({} bytes)',
                size,
            ),
            url,
            obj.name,
            size,
        )

    @admin.display(description=gettext_lazy("Raw text"))
    def raw_text_as_uploaded(self, obj):
        if obj.only_stated:
            return _(
                "Never imported: an export's records name a file with this SHA-256 and name, which nothing has "
                "checked. It is imported when a file with these very bytes is."
            )
        if not obj.raw_text:
            return _("An export: its articles are kept in full, its bytes and its text are not.")
        return format_html('<pre class="raw-text">{}</pre>', obj.raw_text)


def stated_by(role):
    """How the history qualifies a sighting that only an export's record states."""
    if role.stated_by_id is None:
        return ""
    url = reverse("admin:archive_sourcefile_change", args=[role.stated_by_id])
    return format_html(_(' (stated by the export <a href="{}">{}</a>)'), url, role.stated_by.name)


def _role(role):
    """The role a file's history records for an article: none for an export's."""
    if not role:
        return _("from an export")
    return dict(ArticleSource.Role.choices).get(role, role)


def _what_happened(entry):
    return describe(ArticleOutcome(**entry), done=True)
