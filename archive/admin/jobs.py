"""Background imports in the admin: the list of jobs (who, when, the outcome), each job's page with its progress,
the JSON its page polls, and cancelling."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from archive.admin.permissions import Recorded, may_import
from archive.importing import jobs, workers
from archive.models import ImportJob

REJECTIONS_SHOWN = 200


@admin.register(ImportJob)
class ImportJobAdmin(Recorded, admin.ModelAdmin):
    list_display = ["__str__", "description", "created_by", "created_at", "status", "outcome"]
    list_select_related = ["created_by"]
    list_filter = ["status", "created_by"]
    date_hierarchy = "created_at"

    def has_module_permission(self, request):
        return may_import(request.user)

    def has_view_permission(self, request, obj=None):
        return may_import(request.user)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:job_id>/progress.json", view(self.progress_view), name="archive_importjob_progress"),
            path("<int:job_id>/cancel/", view(require_POST(self.cancel_view)), name="archive_importjob_cancel"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self._job(request, object_id)
        rejections = job.rejections.all()[:REJECTIONS_SHOWN]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(job),
            "job": job,
            "progress": progress(job),
            "rejections": rejections,
            "more_rejections": max(job.files_rejected - REJECTIONS_SHOWN, 0),
            "worker_running": job.finished or workers.any_running(),
        }
        return TemplateResponse(request, "admin/archive/importjob/job.html", context)

    def progress_view(self, request, job_id):
        job = self._job(request, job_id)
        rejections = [
            {"name": r.name, "line": r.line, "error": r.error, "line_text": r.line_text}
            for r in job.rejections.all()[:REJECTIONS_SHOWN]
        ]
        answer = {**progress(job), "rejections": rejections, "worker_running": job.finished or workers.any_running()}
        return JsonResponse(answer)

    def cancel_view(self, request, job_id):
        jobs.cancel(self._job(request, job_id))
        return redirect("admin:archive_importjob_change", job_id)

    def _job(self, request, job_id):
        if not may_import(request.user):
            raise PermissionDenied
        # The change view's address takes any text where the number goes.
        if not str(job_id).isdigit():
            raise Http404
        job = ImportJob.objects.select_related("created_by").filter(pk=job_id).first()
        if job is None:
            raise Http404
        return job

    @admin.display(description=gettext_lazy("outcome"))
    def outcome(self, obj):
        return progress(obj)["text"]["summary"]


def progress(job):
    """Where the job is: its figures, and the sentences its page shows, which the page's script puts in place."""
    now = timezone.now()
    elapsed = ((job.finished_at or now) - job.started_at).total_seconds() if job.started_at else 0
    remaining = None
    if job.status == ImportJob.Status.RUNNING and job.files_done:
        remaining = elapsed * (job.files_total - job.files_done) / job.files_done
    percent = 100 * job.files_done // job.files_total if job.files_total else 100
    return {
        "status": job.status,
        "finished": job.finished,
        "files_total": job.files_total,
        "files_done": job.files_done,
        "percent": percent,
        "created": job.created,
        "updated": job.updated,
        "unchanged": job.unchanged,
        "files_skipped": job.files_skipped,
        "files_rejected": job.files_rejected,
        "elapsed_seconds": round(elapsed),
        "remaining_seconds": None if remaining is None else round(remaining),
        "text": {
            "status": job.get_status_display(),
            "files": _("%(done)s of %(total)s files (%(percent)s %%)")
            % {"done": job.files_done, "total": job.files_total, "percent": percent},
            "elapsed": duration(elapsed),
            "remaining": _("unknown yet") if remaining is None else duration(remaining),
            "summary": _summary(job),
            "stopped": _stopped(job),
        },
    }


def _summary(job):
    articles = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
        "created": job.created,
        "updated": job.updated,
        "unchanged": job.unchanged,
    }
    rejected = ngettext("%(count)s file rejected", "%(count)s files rejected", job.files_rejected) % {
        "count": job.files_rejected
    }
    return f"{job.get_status_display()}: {articles}; {rejected}"


def _stopped(job):
    if job.status != ImportJob.Status.CANCELLED:
        return ""
    after = job.files_total - job.files_done - 1
    values = {"done": job.files_done, "total": job.files_total, "name": job.stopped_before, "after": after}
    if not after:
        return _("Cancelled after %(done)s of %(total)s files: those are imported; “%(name)s” is not.") % values
    more = ngettext(
        "Cancelled after %(done)s of %(total)s files: those are imported; “%(name)s” and the file after it are not.",
        "Cancelled after %(done)s of %(total)s files: those are imported; “%(name)s” and the %(after)s files "
        "after it are not.",
        after,
    )
    return more % values


def duration(seconds):
    minutes, seconds = divmod(round(seconds), 60)
    if not minutes:
        return _("%(seconds)s s") % {"seconds": seconds}
    return _("%(minutes)s min %(seconds)s s") % {"minutes": minutes, "seconds": seconds}
