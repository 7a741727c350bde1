"""An article's versions in the JSON Lines format: written with its record, read back into the same rows.

Each version is an object, oldest first, with its number, moment (`since`), cause and, for an import, the file's
name and SHA-256, or the editor's name. Every version but the last carries its text; the last is the record's own
text, which the record already holds. A hidden version is in the editors' export only, with its reason.
"""

import datetime
import re

from archive.models import ArticleVersion, published_moment

SHA256 = re.compile(r"[0-9a-f]{64}")
CAUSES = set(ArticleVersion.Cause.values)


class VersionError(ValueError):
    """A version entry the archive cannot keep; the record's reader names the line."""


def published_text(day, time):
    return published_moment(day, time).isoformat()


def read_published(text):
    """The (date, time) of an export's `published`: a moment with its offset, or a bare day."""
    if "T" in text:
        moment = datetime.datetime.fromisoformat(text)
        return moment.date(), moment.time().replace(tzinfo=None)
    return datetime.date.fromisoformat(text), None


def versions_prefetch():
    return ArticleVersion.objects.select_related("source").defer("body_html", "summary").order_by("number")


def to_entries(versions, *, hidden):
    """The export's entries for an article's versions; with `hidden` false, a hidden version is left out."""
    shown = [version for version in versions if hidden or not version.hidden]
    return [_entry(version, last=version is shown[-1]) for version in shown]


def _entry(version, *, last):
    entry = {
        "number": version.number,
        "since": version.valid_from.astimezone(datetime.UTC).isoformat(),
        "cause": version.cause,
    }
    if version.source is not None:
        entry |= {"file": version.source.name, "sha256": version.source.sha256}
    if version.editor_name:
        entry["editor"] = version.editor_name
    if version.hidden:
        entry |= {"hidden": True, "hidden_reason": version.hidden_reason}
    if not last:
        entry |= {
            "title": version.title,
            "published": published_text(version.published_date, version.published_time),
            "language": version.language,
            "body": version.body,
            "photo": {"caption": version.photo_caption, "credit": version.photo_credit, "agency": version.photo_agency}
            if version.has_photo
            else None,
        }
    return entry


def parse_versions(data):
    """The record's versions as mappings of ArticleVersion's fields (the file as `file` and `sha256`, resolved to a
    source when written), oldest first; a record without any gives none. Raises VersionError."""
    listed = data.get("versions", [])
    if not isinstance(listed, list) or not all(isinstance(entry, dict) for entry in listed):
        raise VersionError("the field 'versions' must be a list of objects")
    parsed = [_parsed(entry, last=position == len(listed) - 1) for position, entry in enumerate(listed)]
    numbers = [version["number"] for version in parsed]
    if numbers != sorted(set(numbers)):
        raise VersionError("the versions must be numbered in increasing order")
    return tuple(parsed)


def _parsed(entry, *, last):
    number, since, cause = entry.get("number"), entry.get("since"), entry.get("cause")
    if not (isinstance(number, int) and number > 0 and cause in CAUSES and isinstance(since, str)):
        raise VersionError("every version needs a number, a moment ('since') and a cause")
    valid_from = datetime.datetime.fromisoformat(since)
    if valid_from.tzinfo is None:
        raise VersionError("a version's moment must name its offset from UTC")
    if "sha256" in entry and not (SHA256.fullmatch(str(entry["sha256"])) and isinstance(entry.get("file"), str)):
        raise VersionError("a version's source needs a file name and a SHA-256")
    version = {
        "number": number,
        "valid_from": valid_from,
        "cause": cause,
        "file": entry.get("file"),
        "sha256": entry.get("sha256"),
        "editor_name": str(entry.get("editor", "")),
        "hidden": entry.get("hidden") is True,
        "hidden_reason": str(entry.get("hidden_reason", "")),
    }
    if not last:
        photo = entry.get("photo") or {}
        date, time = read_published(entry["published"])
        version |= {
            "title": str(entry["title"]),
            "body": str(entry["body"]),
            "language": str(entry["language"]),
            "published_date": date,
            "published_time": time,
            "photo_caption": photo.get("caption", ""),
            "photo_credit": photo.get("credit", ""),
            "photo_agency": photo.get("agency", ""),
        }
    return version
