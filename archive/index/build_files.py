"""What a build keeps beside its documents, each in a small file of its own: the last change of the change log it
holds, the schema version it was made with, the document frequencies of its terms, when its articles last
changed and the moments of its first and last article.

The frequencies are those the build weighed the suggestions by: articles that change after it are weighed alike,
until the next build. The last changes (of every article, and of each person's and each topic's) are worked out by
the writer once it has applied a change, so that the sitemap index, which names them, costs the same whatever the
archive holds: worked out when asked, they took a pass over every article (18 ms for persons at 100,800 articles).
The first and last moments tell a list in date order where to look for its page (`lookup.page`).
"""

import functools
import json
import os

import tantivy

from archive.index.schema import EVERY

APPLIED = "applied"
VERSION = "version"
FREQUENCIES = "frequencies.json"
LAST_CHANGES = "latest.json"
SUBJECT_FIELDS = ("persons", "topics")


def read_applied(path):
    return _read_number(path / APPLIED)


def write_applied(path, seq):
    _replace(path / APPLIED, str(seq))


def read_version(path):
    return _read_number(path / VERSION)


def write_version(path, version):
    (path / VERSION).write_text(str(version))


def write_frequencies(path, found):
    frequencies = {"total": found.total, "terms": found.frequencies}
    (path / FREQUENCIES).write_text(json.dumps(frequencies, ensure_ascii=False, separators=(",", ":")))


@functools.lru_cache(maxsize=2)
def frequencies(path):
    """A build's frequencies, read once: the file never changes after its build."""
    try:
        return json.loads((path / FREQUENCIES).read_text())
    except (FileNotFoundError, ValueError):
        return {}


def write_last_changes(path, searcher):
    """Work out the last changes from the build's documents as `searcher` sees them, and keep them."""
    latest = {"max": {"field": "updated"}}
    by_subject = {
        field: {"terms": {"field": field, "size": EVERY}, "aggs": {"latest": latest}} for field in SUBJECT_FIELDS
    }
    span = {"first": {"min": {"field": "moment"}}, "last": {"max": {"field": "moment"}}}
    found = searcher.aggregate(tantivy.Query.all_query(), {"all": latest} | span | by_subject)
    moments = {name: found[name]["value"] for name in ("all", *span)} | {
        field: {bucket["key"]: bucket["latest"]["value"] for bucket in found[field]["buckets"]}
        for field in SUBJECT_FIELDS
    }
    _replace(path / LAST_CHANGES, json.dumps(moments, ensure_ascii=False, separators=(",", ":")))


_kept_changes = None


def last_changes(path):
    """{"all": microseconds or None, "first" and "last": moments or None, "persons": {slug: microseconds},
    "topics": …} of the build at `path`, read
    again only once the writer has replaced the file (a new file each time: its inode tells)."""
    global _kept_changes
    file = path / LAST_CHANGES
    status = os.stat(file)
    stamp = (file, status.st_ino, status.st_mtime_ns)
    if _kept_changes is None or _kept_changes[0] != stamp:
        _kept_changes = (stamp, json.loads(file.read_text()))
    return _kept_changes[1]


def _read_number(file):
    try:
        return int(file.read_text())
    except (FileNotFoundError, ValueError):
        return 0


def _replace(file, text):
    """Write the file whole or not at all: readers in other processes may read it at any moment."""
    temporary = file.with_name(f".{file.name}")
    temporary.write_text(text)
    os.replace(temporary, file)
