"""A background import: an upload's pages through `import_file`, one transaction each, the job's counts moving in
the same transaction, so that what the job says it did is what is committed, and a job taken up again after its
worker was killed goes on from the first file not committed (one imported meanwhile by another job is skipped by
its hash, as always)."""

import functools
import logging
import time

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from archive.importing.folders import CATCH_UP_SECONDS
from archive.importing.loader import import_file
from archive.importing.outcomes import CREATED, REJECTED, SKIPPED, UNCHANGED, UPDATED, FileResult, line_text
from archive.importing.uploads import Staged
from archive.index import recording, store
from archive.models import ImportJob, JobRejection

logger = logging.getLogger(__name__)
# While the database cannot be reached, the file is tried again this often, until it can.
RETRY_SECONDS = 2

Status = ImportJob.Status


class JobTaken(Exception):
    """The job was queued again for another worker (this one was thought gone): its file is left to that one."""


def run(job_id, worker):
    """Import the job's pages from the first not yet done, unless another worker has the job or it is finished."""
    claimed = ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING, worker=worker, started_at=Coalesce(F("started_at"), timezone.now())
    )
    if not claimed:
        return
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    staged = Staged(job.folder)
    caught_up = time.monotonic()
    try:
        with recording.deferred():
            for position, name, read in staged.pages(start=job.files_done):
                if not _persist(functools.partial(_step, job, position, name, read)):
                    return _persist(functools.partial(_stop, job, name, staged))
                if time.monotonic() - caught_up > CATCH_UP_SECONDS:
                    store.catch_up()
                    caught_up = time.monotonic()
    except JobTaken:
        return
    _persist(functools.partial(_stop, job, "", staged))


def cancel(job):
    """Stop the job before its next file; a job still queued stops at once, having imported nothing."""
    now = timezone.now()
    if ImportJob.objects.filter(pk=job.pk, status=Status.QUEUED).update(
        status=Status.CANCELLED, cancel_requested=True, finished_at=now, stopped_before=_first_name(job)
    ):
        Staged(job.folder).discard()
        return
    ImportJob.objects.filter(pk=job.pk, status=Status.RUNNING).update(cancel_requested=True)


def _step(job, position, name, read):
    """Import one file and count it, in one transaction; False, importing nothing, once the job is cancelled."""
    if ImportJob.objects.filter(pk=job.pk, cancel_requested=True).exists():
        return False
    with transaction.atomic():
        data = None
        try:
            data = read()
        except ValidationError as error:
            result = FileResult(name=name, status=REJECTED, error=error.messages[0])
        else:
            result = import_file(name, data, user=job.created_by, job=job)
        _count(job, position, result, data)
    return True


def _count(job, position, result, data):
    counts = result.counts
    counted = ImportJob.objects.filter(pk=job.pk, worker=job.worker, status=Status.RUNNING).update(
        files_done=position + 1,
        files_skipped=F("files_skipped") + int(result.status == SKIPPED),
        files_rejected=F("files_rejected") + int(result.status == REJECTED),
        created=F("created") + counts[CREATED],
        updated=F("updated") + counts[UPDATED],
        unchanged=F("unchanged") + counts[UNCHANGED],
    )
    if not counted:
        raise JobTaken
    if result.status == REJECTED:
        JobRejection.objects.create(
            job=job,
            position=position,
            name=result.name,
            line=result.line,
            error=result.error,
            line_text=line_text(data, result.line) if data is not None else "",
        )


def _stop(job, stopped_before, staged):
    status = Status.CANCELLED if stopped_before else Status.DONE
    ImportJob.objects.filter(pk=job.pk, worker=job.worker).update(
        status=status, finished_at=timezone.now(), stopped_before=stopped_before
    )
    staged.discard()


def _persist(step):
    """Run step(); while the database cannot be reached (restarting, say), wait and run it again. Its transaction
    was rolled back, so nothing of the file is there twice."""
    while True:
        try:
            return step()
        except (OperationalError, InterfaceError) as error:
            logger.warning("import job: the database cannot be reached (%s); trying again", error)
            connection.close()
            time.sleep(RETRY_SECONDS)


def _first_name(job):
    entries = Staged(job.folder).entries()
    return entries[0][0] if entries else ""
