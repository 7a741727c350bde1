"""The limits an import through the admin is held to, and how a refusal explains them to an editor.

Two sizes are limited apart: the upload as sent (ARCHIVE_IMPORT_MAX_TOTAL_BYTES) and what its pages come to once
a zip is unpacked (ARCHIVE_IMPORT_MAX_UNPACKED_BYTES), since text compresses and a zip of the most pages an
import may hold unpacks to more than may be sent."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def within_import_limit(upload, advice=""):
    """Refuse an upload (a zip or an export) larger as sent than an upload may be; `advice` says what to do instead."""
    if upload.size > settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; an upload may be at most %(limit)s%(advice)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES),
                "advice": advice,
            },
            code="too_large",
        )


def within_page_limit(label, data):
    if len(data) > settings.ARCHIVE_IMPORT_MAX_FILE_BYTES:
        raise too_large(label, len(data))
    return data


def within_count(count):
    if count > settings.ARCHIVE_IMPORT_MAX_FILES:
        raise ValidationError(
            _("%(count)s pages is too many for one import; at most %(limit)s at a time.")
            % {"count": count, "limit": settings.ARCHIVE_IMPORT_MAX_FILES},
            code="too_many",
        )


def within_batch_limits(parts):
    """Refuse the parts of one import (each with its `pages`, its `size` as sent and its size `unpacked`) when
    together they hold more pages, or more bytes sent or unpacked, than one import may."""
    within_count(sum(part.pages for part in parts))
    sent = sum(part.size for part in parts)
    if sent > settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES:
        raise ValidationError(
            _("The files come to %(size)s as uploaded; an upload may be at most %(limit)s.")
            % {"size": filesizeformat(sent), "limit": filesizeformat(settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES)},
            code="too_large",
        )
    unpacked = sum(part.unpacked for part in parts)
    if unpacked > settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The pages come to %(size)s unpacked; an import may unpack to at most %(limit)s.")
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES)},
            code="too_large_unpacked",
        )


def too_large(label, size):
    return ValidationError(
        _("%(label)s is %(size)s; a page may be at most %(limit)s.")
        % {
            "label": label,
            "size": filesizeformat(size),
            "limit": filesizeformat(settings.ARCHIVE_IMPORT_MAX_FILE_BYTES),
        },
        code="too_large",
    )
