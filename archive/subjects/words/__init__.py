"""The gazetteer's word lists, kept as data: one word a line, `#` for a comment."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def words(name):
    """The words in `<name>.txt`."""
    lines = (FOLDER / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
