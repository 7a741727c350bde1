"""The limits an import through the admin is held to, and how a refusal explains them to an editor."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


def within_import_limit(upload, advice=""):
    """Refuse an upload (a zip or an export) larger than a whole import may be; `advice` says what to do instead."""
    if upload.size > settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES:
        raise ValidationError(
            f"“{upload.name}” is {filesizeformat(upload.size)}; an import may be at most "
            f"{filesizeformat(settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES)}{advice}.",
            code="too_large",
        )


def within_page_limit(label, data):
    if len(data) > settings.ARCHIVE_IMPORT_MAX_FILE_BYTES:
        raise too_large(label, len(data))
    return data


def within_count(count):
    if count > settings.ARCHIVE_IMPORT_MAX_FILES:
        raise ValidationError(
            f"{count} pages is too many for one import; at most {settings.ARCHIVE_IMPORT_MAX_FILES} at a time.",
            code="too_many",
        )


def within_batch_limits(count, total):
    """Refuse `count` pages of `total` bytes in all, when one import may not hold so many."""
    within_count(count)
    if total > settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES:
        raise ValidationError(
            f"The pages come to {filesizeformat(total)}; an import may be at most "
            f"{filesizeformat(settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES)}.",
            code="too_large",
        )


def too_large(label, size):
    return ValidationError(
        f"{label} is {filesizeformat(size)}; a page may be at most "
        f"{filesizeformat(settings.ARCHIVE_IMPORT_MAX_FILE_BYTES)}.",
        code="too_large",
    )
