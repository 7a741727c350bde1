"""When the archive's articles last changed, kept beside each build: of all of them, and of each person's and each
topic's. The writer works them out once it has applied a change, so that the sitemap index, which names these
moments, costs the same whatever the archive holds: worked out when asked, they took a pass over every article
(18 ms for persons at 100,800 articles, growing with the archive).
"""

import json
import os

import tantivy

FILE = "latest.json"
FIELDS = ("persons", "topics")
# More buckets than the archive has persons or topics, as `lookup.EVERY`.
EVERY = 65000


def write(path, searcher):
    """Work out the moments from the build's documents as `searcher` sees them, and keep them beside the build."""
    latest = {"max": {"field": "updated"}}
    asked = {"all": latest} | {
        field: {"terms": {"field": field, "size": EVERY}, "aggs": {"latest": latest}} for field in FIELDS
    }
    found = searcher.aggregate(tantivy.Query.all_query(), asked)
    moments = {"all": found["all"]["value"]} | {
        field: {bucket["key"]: bucket["latest"]["value"] for bucket in found[field]["buckets"]} for field in FIELDS
    }
    temporary = path / f".{FILE}"
    temporary.write_text(json.dumps(moments, ensure_ascii=False, separators=(",", ":")))
    os.replace(temporary, path / FILE)


_kept = None


def read(path):
    """{"all": microseconds or None, "persons": {slug: microseconds}, "topics": …} of the build at `path`, read
    again only once the writer has replaced the file (a new file each time: its inode tells)."""
    global _kept
    file = path / FILE
    status = os.stat(file)
    stamp = (file, status.st_ino, status.st_mtime_ns)
    if _kept is None or _kept[0] != stamp:
        _kept = (stamp, json.loads(file.read_text()))
    return _kept[1]
