"""The pages of an uploaded zip, known to be safe before any is read: no path outside its folder, no bomb,
nothing but pages, every one within the import's limits, as sent and as unpacked. The checks read only the zip's
directory, so that a zip of 50,000 pages is judged without unpacking it; each page is unpacked when it is
imported."""

import zipfile
import zlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from archive.importing.limits import too_large, within_count, within_import_limit
from archive.models import SourceFile

NAME_MAX = SourceFile._meta.get_field("name").max_length


def zip_members(upload):
    """The (name, member path, size) of each page of an uploaded zip, each named by the zip and its path inside it."""
    within_import_limit(upload)
    try:
        archive = zipfile.ZipFile(upload)
    except zipfile.BadZipFile:
        raise ValidationError(
            _("“%(zip)s” is not a readable zip file.") % {"zip": upload.name}, code="bad_zip"
        ) from None
    with archive:
        members = archive.infolist()
        for member in members:
            if _outside_folder(member.filename):
                raise ValidationError(
                    _("“%(zip)s” holds “%(member)s”, a path outside its folder; the zip is refused.")
                    % {"zip": upload.name, "member": member.filename},
                    code="unsafe_path",
                )
        pages = [member for member in members if not member.is_dir() and not _clutter(member.filename)]
        within_count(len(pages))
        declared = sum(member.file_size for member in pages)
        if declared > settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES:
            raise _zip_bomb(
                _(
                    "“%(zip)s” unpacks to %(size)s, more than the %(limit)s an import may unpack to: it looks like "
                    "a zip bomb and is refused."
                )
                % {
                    "zip": upload.name,
                    "size": filesizeformat(declared),
                    "limit": filesizeformat(settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES),
                }
            )
        for member in pages:
            _check_member(upload.name, member)
        return [(_kept_name(f"{upload.name}/{m.filename}"), m.filename, m.file_size) for m in pages]


def read_member(zip_name, archive, filename):
    """The bytes of a page `zip_members` accepted, from the open zip `archive`."""
    try:
        # zipfile stops at the size the directory declares and checks the CRC, so the checks above hold. It
        # raises NotImplementedError for a compression method it has no decoder for: unreadable all the same.
        return archive.read(filename)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError):
        raise ValidationError(
            _("“%(member)s” in “%(zip)s” cannot be read: the zip is damaged.") % {"member": filename, "zip": zip_name},
            code="bad_zip",
        ) from None


def _kept_name(name):
    """A zip member's name as the history keeps it, whole: cut short, it could end otherwise, in .jsonl for a page."""
    if len(name) > NAME_MAX:
        raise ValidationError(
            _(
                "“%(start)s…” has a name of %(length)s characters; the history keeps at most %(limit)s. "
                "Rename it and upload it again."
            )
            % {"start": name[:60], "length": len(name), "limit": NAME_MAX},
            code="name_too_long",
        )
    return name


def _check_member(zip_name, member):
    names = {"member": member.filename, "zip": zip_name}
    if not member.filename.lower().endswith(".txt"):
        raise ValidationError(
            _("“%(member)s” in “%(zip)s” is not a .txt page; the zip is refused.") % names, code="type"
        )
    if member.flag_bits & 0x1:
        raise ValidationError(
            _("“%(member)s” in “%(zip)s” is encrypted; the zip is refused.") % names, code="encrypted"
        )
    if member.file_size > settings.ARCHIVE_IMPORT_MAX_FILE_BYTES:
        raise too_large(_("“%(member)s” in “%(zip)s”") % names, member.file_size)
    if member.file_size > settings.ARCHIVE_IMPORT_MAX_ZIP_RATIO * max(member.compress_size, 1):
        raise _zip_bomb(
            _("“%(zip)s” compresses “%(member)s” more than %(ratio)s-fold: it looks like a zip bomb and is refused.")
            % {**names, "ratio": settings.ARCHIVE_IMPORT_MAX_ZIP_RATIO}
        )


def _outside_folder(filename):
    path = filename.replace("\\", "/")
    return path.startswith("/") or (len(path) > 1 and path[1] == ":") or ".." in PurePosixPath(path).parts


def _clutter(filename):
    """Files an archiver adds by itself (macOS resource forks, hidden files), not pages anyone chose."""
    path = PurePosixPath(filename)
    return path.parts[0] == "__MACOSX" or path.name.startswith(".")


def _zip_bomb(message):
    return ValidationError(message, code="zip_bomb")
