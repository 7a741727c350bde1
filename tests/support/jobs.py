"""Uploads queued as background jobs, as the admin's confirmation queues them."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from archive.importing import tasks, uploads


def zipped(pages, name="pages.zip"):
    """A zip upload of (name, bytes) pages."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in pages:
            archive.writestr(member, data)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def staged_zip(pages, name="pages.zip"):
    return uploads.stage([uploads.part_of(zipped(pages, name))])


def queue_zip(pages, user=None, name="pages.zip"):
    """Queue a job of a zip of these pages; the suite's task backend runs it at once."""
    return tasks.queue(staged_zip(pages, name), user, name)
