"""An upload kept on disk from its preview to the end of its job: the files as they arrived, and the list of the
pages they hold, in order. Nothing is unpacked: a page is read from its zip when it is previewed or imported."""

import json
import secrets
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from archive.importing.limits import too_large
from archive.importing.unzip import read_member, zip_members
from archive.models import ImportJob

MANIFEST = "pages.json"
# An upload previewed but never confirmed is removed after this long.
UNCONFIRMED_SECONDS = 2 * 86400


@dataclass
class Part:
    """One thing uploaded: a zip with its accepted members (name, path in the zip, size), a page, or an export.

    `source` is a file object with `chunks()` (an upload or a django File), or the bytes of pasted text."""

    name: str
    source: object
    members: list | None = None

    @property
    def pages(self):
        return len(self.members) if self.members is not None else 1

    @property
    def size(self):
        """Its bytes as sent: a zip's compressed."""
        return len(self.source) if isinstance(self.source, bytes) else self.source.size

    @property
    def unpacked(self):
        """Its bytes once unpacked: a zip's as its directory declares them."""
        if self.members is not None:
            return sum(size for _, _, size in self.members)
        return self.size


def part_of(upload):
    """One uploaded file as a part of the import: a page, or a zip with the pages it holds."""
    name = upload.name.lower()
    if name.endswith(".zip"):
        return Part(upload.name, upload, members=zip_members(upload))
    if not name.endswith(".txt"):
        raise ValidationError(
            _("“%(name)s” is neither a .txt page nor a .zip of pages.") % {"name": upload.name}, code="type"
        )
    if upload.size > settings.ARCHIVE_IMPORT_MAX_FILE_BYTES:
        raise too_large(_("“%(name)s”") % {"name": upload.name}, upload.size)
    # Django has cut an uploaded file's name to 255 characters already, keeping its extension.
    return Part(upload.name, upload)


@dataclass
class Staged:
    token: str

    @property
    def folder(self):
        return Path(settings.ARCHIVE_IMPORT_UPLOAD_DIR) / self.token

    def entries(self):
        """Each page as [name, the file holding it, its path in that zip or None]."""
        return json.loads((self.folder / MANIFEST).read_text())

    def pages(self, start=0):
        """Yield (position, name, read) for each page from `start` on; read() gives its bytes, or an export's path,
        and raises ValidationError for a page the zip cannot give."""
        opened = {}
        try:
            for position, (name, container, member) in enumerate(self.entries()[start:], start):
                yield position, name, self._reader(opened, name, container, member)
        finally:
            for archive in opened.values():
                archive.close()

    def _reader(self, opened, name, container, member):
        path = self.folder / container
        if member is None:
            return (lambda: path) if name.lower().endswith(".jsonl") else path.read_bytes
        if container not in opened:
            # One zip open at a time: its pages come one after another.
            for archive in opened.values():
                archive.close()
            opened.clear()
            opened[container] = zipfile.ZipFile(path)
        archive = opened[container]
        zip_name = name[: -len(member) - 1]
        return lambda: read_member(zip_name, archive, member)

    def discard(self):
        shutil.rmtree(self.folder, ignore_errors=True)


def stage(parts):
    """Write the uploaded parts to a folder of their own, with the list of their pages; return the Staged."""
    _prune()
    staged = Staged(secrets.token_hex(16))
    staged.folder.mkdir(parents=True)
    entries = []
    for index, part in enumerate(parts):
        container = f"{index:04d}{Path(part.name).suffix.lower()}"
        with open(staged.folder / container, "wb") as out:
            if isinstance(part.source, bytes):
                out.write(part.source)
            else:
                part.source.seek(0)
                for chunk in part.source.chunks():
                    out.write(chunk)
        if part.members is None:
            entries.append([part.name, container, None])
        else:
            entries += [[name, container, member] for name, member, _ in part.members]
    (staged.folder / MANIFEST).write_text(json.dumps(entries, ensure_ascii=False))
    return staged


def _prune():
    """Remove the uploads previewed long ago and never confirmed."""
    root = Path(settings.ARCHIVE_IMPORT_UPLOAD_DIR)
    if not root.is_dir():
        return
    unfinished = ImportJob.objects.filter(status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING])
    in_use = set(unfinished.values_list("folder", flat=True))
    for folder in root.iterdir():
        if folder.name not in in_use and time.time() - folder.stat().st_mtime > UNCONFIRMED_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
