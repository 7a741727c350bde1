"""The import job as a django-tasks task, and how an upload becomes one."""

from django.db import transaction
from django_tasks import task

from archive.importing import jobs
from archive.models import ImportJob


@task(takes_context=True)
def import_job(context, job_id):
    jobs.run(job_id, worker=context.task_result.worker_ids[-1])


def queue(staged, user, description):
    """Make the job of a staged upload and queue it, in one transaction: a job is never without its task."""
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=user, folder=staged.token, description=description, files_total=len(staged.entries())
        )
        import_job.enqueue(job.pk)
    return job


def enqueue(job_id):
    import_job.enqueue(job_id)
