"""The editors' import page: upload or paste pages, read what will happen, then confirm."""

import hashlib
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from archive.admin import batch, staging
from archive.admin.forms import ImportForm
from archive.admin.permissions import may_import
from archive.importing import tasks, uploads, workers
from archive.importing.outcomes import (
    CREATED,
    IMPORTED,
    REJECTED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    ArticleOutcome,
    FileResult,
    line_text,
)
from archive.importing.parser import ParsedArticle, ParseError, decode, parse_page
from archive.models import SourceFile

CHANGE_LABELS = {
    "title": gettext_lazy("title"),
    "published_time": gettext_lazy("time"),
    "photo_caption": gettext_lazy("photo caption"),
    "photo_credit": gettext_lazy("photo credit"),
    "photo_agency": gettext_lazy("photo agency"),
}


def import_view(model_admin, request):
    if not may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(model_admin, request)
    # An export sets addresses and editors' decisions wholesale: offered only to those who may add articles.
    exports = request.user.has_perm("archive.add_article")
    form = (
        ImportForm(request.POST, request.FILES, exports=exports)
        if request.method == "POST"
        else ImportForm(exports=exports)
    )
    if form.is_valid():
        parts = form.cleaned_data["parts"]
        staged = uploads.stage(parts)
        try:
            pages = _first_pages(staged)
        except ValidationError as error:
            staged.discard()
            form.add_error(None, error)
        else:
            preview = batch.run(pages, request.user)[0]
            description = ", ".join(part.name for part in parts)
            return _preview(model_admin, request, staged, description, pages, preview)
    limits = {
        "files": settings.ARCHIVE_IMPORT_MAX_FILES,
        "file_bytes": settings.ARCHIVE_IMPORT_MAX_FILE_BYTES,
        "total_bytes": settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES,
        "unpacked_bytes": settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES,
    }
    context = {"form": form, "limits": limits, "worker_running": workers.any_running()}
    return _render(model_admin, request, "import.html", _("Import pages"), context)


def _first_pages(staged):
    """The (name, bytes) of the pages the preview shows: the first ones of the upload. An export (a path) larger
    than a page is left to its job: tried in full, as a preview tries what it shows, it would hold the request for
    as long as the import itself."""
    first = islice(staged.pages(), settings.ARCHIVE_IMPORT_PREVIEW_PAGES)
    shown = [(name, read()) for _position, name, read in first]
    return [(name, data) for name, data in shown if isinstance(data, bytes) or _small(data)]


def _small(path):
    return path.stat().st_size <= settings.ARCHIVE_IMPORT_MAX_FILE_BYTES


def _confirm(model_admin, request):
    held = staging.staged(request.session, request.POST.get("token", ""))
    if held is None or not uploads.Staged(held[0]).folder.is_dir():
        messages.warning(
            request,
            _(
                "There is no preview to confirm: it was confirmed already, or replaced by a newer preview. "
                "Nothing was imported."
            ),
        )
        return redirect("admin:archive_article_import")
    token, description, fingerprint = held
    staged = uploads.Staged(token)
    pages = _first_pages(staged)
    outcome = batch.run(pages, request.user)[0]
    if outcome.fingerprint != fingerprint:
        return _preview(model_admin, request, staged, description, pages, outcome, stale=True)
    staging.release(request.session)
    job = tasks.queue(staged, request.user, description)
    return redirect("admin:archive_importjob_change", job.pk)


def _preview(model_admin, request, staged, description, pages, preview, stale=False):
    """Show what the first pages would do and how many follow; hold the upload until the editor confirms."""
    rest = len(staged.entries()) - len(pages)
    token = None
    if rest or any(result.status == IMPORTED for result in preview.results):
        token = staging.stage(request.session, staged.token, description, preview.fingerprint)
    else:
        staging.release(request.session)
        staged.discard()
    context = {
        "files": _reports(pages, preview),
        "rest": rest,
        "token": token,
        "stale": stale,
        "worker_running": workers.any_running(),
    }
    return _render(model_admin, request, "import_preview.html", _("Preview of the import"), context)


def _render(model_admin, request, template, title, context):
    return TemplateResponse(
        request,
        f"admin/archive/article/{template}",
        {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "title": title, **context},
    )


@dataclass
class PreviewRow:
    role: str
    parsed: ParsedArticle
    outcome: ArticleOutcome | None
    persons: list = field(default_factory=list)
    topics: list = field(default_factory=list)

    @property
    def plan(self):
        return describe(self.outcome, done=False)


@dataclass
class FileReport:
    name: str
    result: FileResult
    rows: list
    error_text: str = ""
    history_url: str = ""

    @property
    def rejected(self):
        return self.result.status == REJECTED

    @property
    def known(self):
        return self.result.status == SKIPPED

    @property
    def export(self):
        return self.name.lower().endswith(".jsonl")

    @property
    def export_counts(self):
        """What an export's records do, counted: an export is not shown article by article."""
        counts = self.result.counts
        return ", ".join(counted(status, counts[status]) for status in (CREATED, UPDATED, UNCHANGED) if counts[status])


def _reports(pages, outcome):
    return [_report(name, data, result, outcome) for (name, data), result in zip(pages, outcome.results, strict=True)]


def _report(name, data, result, outcome):
    report = FileReport(name=name, result=result, rows=[])
    source = SourceFile.objects.filter(sha256=_sha256(data)).first()
    if source is not None:
        report.history_url = reverse("admin:archive_sourcefile_change", args=[source.pk])
    if result.status == REJECTED:
        report.error_text = line_text(data, result.line)
        return report
    if report.export:
        return report
    try:
        page = parse_page(decode(data))
    except ParseError:
        # Only a file imported before can get here unparsed: the bytes of an export, uploaded as a page.
        return report
    outcomes = result.articles or [None] * len(page.articles)
    for index, (parsed, article) in enumerate(zip(page.articles, outcomes, strict=True)):
        report.rows.append(
            PreviewRow(
                role="lead" if index == 0 else "similar",
                parsed=parsed,
                outcome=article,
                persons=_shown(outcome.persons, article),
                topics=_shown(outcome.topics, article),
            )
        )
    return report


def _sha256(data):
    """The SHA-256 of a page's bytes, or of an export read from its path."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    with open(data, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _shown(subjects, article):
    return [subject.display_name for subject in subjects.get(article.article_id, [])] if article else []


def counted(status, count):
    """A number of articles with what happened to them: "3 created"."""
    words = {
        CREATED: ngettext("%(count)s created", "%(count)s created", count),
        UPDATED: ngettext("%(count)s updated", "%(count)s updated", count),
        UNCHANGED: ngettext("%(count)s unchanged", "%(count)s unchanged", count),
    }
    return words[status] % {"count": count}


def describe(outcome, done):
    """What happens to one article, in the editor's words: before the import, or after it."""
    if outcome is None:
        return ""
    if outcome.status == CREATED:
        parts = [_("created") if done else _("new")]
    elif outcome.status == UPDATED:
        parts = []
        if "body" in outcome.changes:
            parts.append(_("text extended") if done else _("text will be extended"))
        others = ", ".join(str(CHANGE_LABELS.get(name, name)) for name in outcome.changes if name != "body")
        if others:
            parts.append((_("changed: %s") if done else _("will change: %s")) % others)
    else:
        parts = [_("unchanged") if done else _("already present, unchanged")]
    # A new article is necessarily newly linked; saying so would only add noise.
    if outcome.new_link and outcome.status != CREATED:
        parts.append(_("linked under the lead") if done else _("new link under the lead"))
    return "; ".join(parts)
