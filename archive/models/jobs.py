"""Background imports: a job for each confirmed upload, what it has done so far, and the workers that run jobs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """An upload imported file by file in the background. Its counts move in the same transaction as each file, so
    they say exactly what is committed, and a job taken up again goes on from `files_done`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="import_jobs",
        verbose_name=_("queued by"),
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The folder of the staged upload, under ARCHIVE_IMPORT_UPLOAD_DIR.
    folder = models.CharField(max_length=64)
    description = models.CharField(_("files uploaded"), max_length=500, help_text=_("What was uploaded."))
    files_total = models.PositiveIntegerField(_("files"))
    files_done = models.PositiveIntegerField(_("files imported"), default=0)
    files_skipped = models.PositiveIntegerField(
        _("files skipped"), default=0, help_text=_("Files the archive had imported already.")
    )
    files_rejected = models.PositiveIntegerField(_("files rejected"), default=0)
    created = models.PositiveIntegerField(_("articles created"), default=0)
    updated = models.PositiveIntegerField(_("articles updated"), default=0)
    unchanged = models.PositiveIntegerField(_("articles unchanged"), default=0)
    cancel_requested = models.BooleanField(default=False)
    # Where a cancelled job stopped: the first file it did not import.
    stopped_before = models.CharField(max_length=500, blank=True)
    # The worker running the job, so that another can take the job up when that worker is gone.
    worker = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self):
        return _("Import job %(number)s") % {"number": self.pk}

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.CANCELLED)


class JobRejection(models.Model):
    """A file a job refused, at its line, written in the same transaction as the job's counts."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rejections")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    line = models.PositiveIntegerField(null=True)
    error = models.TextField()
    line_text = models.TextField(blank=True)

    class Meta:
        ordering = ["job", "position"]

    def __str__(self):
        return self.name


class WorkerHeartbeat(models.Model):
    """When each import worker last said it was alive."""

    worker = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self):
        return self.worker
