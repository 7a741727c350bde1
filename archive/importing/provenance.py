"""The import history: a row for each file imported, written in the same transaction as what it brought."""

from django.db import IntegrityError
from django.db.models import Q
from django.utils import timezone

from archive.importing.jsonl import RecordError
from archive.importing.outcomes import IMPORTED, SKIPPED, FileResult, rejected
from archive.models import ArticleSource, SourceFile
from archive.models.transactions import tentative


def already_imported(sha256):
    # A page known only by its hash from an export's record is imported all the same when it arrives, so a page
    # counts as imported once its text is kept; an export keeps no text (see `records`), only its counts.
    kept = ~Q(raw_text="") | Q(summary__has_key="records")
    return SourceFile.objects.filter(Q(sha256=sha256) & kept).exists()


def record_file(name, sha256, write, *, original, raw_text, user, dry_run, job=None):
    """Record the file and run write(source, result), which returns its history summary, in one transaction."""
    result = FileResult(name=name, status=IMPORTED)
    fields = {
        "name": name,
        "original": original,
        "raw_text": raw_text,
        "imported_by": user,
        "imported_at": timezone.now(),
        "job": job,
    }
    try:
        with tentative(keep=not dry_run):
            # A row already there was only stated by an export, or imported by another import since this one looked:
            # the first is imported now, by whoever imports it; the second is not imported twice.
            source = SourceFile.objects.select_for_update().filter(sha256=sha256).first()
            if source is not None and not source.only_stated:
                raise ImportedMeanwhile
            stated = source is not None
            if not stated:
                source = SourceFile.objects.create(sha256=sha256, **fields)
            else:
                for field, value in fields.items():
                    setattr(source, field, value)
                source.save()
            source.summary = write(source, result)
            source.save(update_fields=["summary"])
            if stated:
                _confirm_statements(source, result.articles)
    except RecordError as error:
        return rejected(name, error)
    except ImportedMeanwhile:
        return FileResult(name=name, status=SKIPPED)
    except IntegrityError:
        if already_imported(sha256):
            # The same bytes were imported at the same moment by someone else.
            return FileResult(name=name, status=SKIPPED)
        raise
    return result


class ImportedMeanwhile(Exception):
    """The file was imported by another import after this one found it missing."""


def _confirm_statements(source, outcomes):
    """The sightings of a file that exports only stated and its bytes now show: facts from here on."""
    shown = Q()
    for outcome in outcomes:
        shown |= Q(article_id=outcome.article_id, role=outcome.role)
    if shown:
        ArticleSource.objects.filter(shown, source=source).update(stated_by=None)


def source_ids(names):
    """The id of each source file by its SHA-256, making those the archive lacks (names: sha256 -> file name)."""
    ids = dict(SourceFile.objects.filter(sha256__in=names).values_list("sha256", "pk"))
    missing = [SourceFile(sha256=sha256, name=name) for sha256, name in names.items() if sha256 not in ids]
    if missing:
        # Another import may make some of them meanwhile; theirs stand, as with get_or_create.
        SourceFile.objects.bulk_create(missing, ignore_conflicts=True)
        ids |= dict(SourceFile.objects.filter(sha256__in=[s.sha256 for s in missing]).values_list("sha256", "pk"))
    return ids
