"""The document frequencies of a build's terms, kept beside it: the suggestions of articles that change after the
build weigh their terms by them, until the next build."""

import functools
import json

FILE = "frequencies.json"


def write(path, found):
    frequencies = {"total": found.total, "terms": found.frequencies}
    (path / FILE).write_text(json.dumps(frequencies, ensure_ascii=False, separators=(",", ":")))


@functools.lru_cache(maxsize=2)
def read(path):
    """A build's frequencies, read once: the file never changes after its build."""
    try:
        return json.loads((path / FILE).read_text())
    except (FileNotFoundError, ValueError):
        return {}
