"""The limits an import through the admin is held to, and how a refusal explains them to an editor."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def within_import_limit(upload, advice=""):
    """Refuse an upload (a zip or an export) larger than a whole import may be; `advice` says what to do instead."""
    if upload.size > settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; an import may be at most %(limit)s%(advice)s.")
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


def within_batch_limits(count, total):
    """Refuse `count` pages of `total` bytes in all, when one import may not hold so many."""
    within_count(count)
    if total > settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES:
        raise ValidationError(
            _("The pages come to %(size)s; an import may be at most %(limit)s.")
            % {"size": filesizeformat(total), "limit": filesizeformat(settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES)},
            code="too_large",
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
