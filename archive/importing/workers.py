"""The import workers: each says every few seconds that it is alive, so that the admin can tell editors when none
is, and so that a job whose worker went silent (killed, its host gone) is queued again for another."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from archive.models import ImportJob, WorkerHeartbeat


def beat(worker):
    WorkerHeartbeat.objects.update_or_create(worker=worker, defaults={"seen_at": timezone.now()})


def alive():
    """The workers heard from lately."""
    return WorkerHeartbeat.objects.filter(seen_at__gte=_horizon())


def any_running():
    return alive().exists()


def recover_orphans(enqueue):
    """Queue again, through enqueue(job id), every job left running by a worker no longer heard from; its files
    committed so far stay imported and the job goes on after them. Returns their ids."""
    living = alive().values_list("worker", flat=True)
    orphans = ImportJob.objects.filter(status=ImportJob.Status.RUNNING).exclude(worker__in=living)
    recovered = []
    for job in orphans.only("pk", "worker"):
        with transaction.atomic():
            # Only one of several workers finding the orphan at once wins it.
            taken = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING, worker=job.worker).update(
                status=ImportJob.Status.QUEUED, worker=""
            )
            if taken:
                enqueue(job.pk)
                recovered.append(job.pk)
    WorkerHeartbeat.objects.filter(seen_at__lt=_horizon() - timedelta(days=1)).delete()
    return recovered


def _horizon():
    return timezone.now() - timedelta(seconds=settings.ARCHIVE_WORKER_STALE_SECONDS)
