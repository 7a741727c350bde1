from pathlib import Path

import pytest

from archive.importer.loader import import_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
PAGES = Path(__file__).resolve().parent / "pages"


def import_path(path, **kwargs):
    return import_file(path.name, path.read_bytes(), **kwargs)


@pytest.fixture
def seed_page_path():
    return next(SEEDS.glob("*.txt"))


@pytest.fixture
def seeded(db, seed_page_path):
    """The archive with the seed page imported, as `make run` serves it."""
    result = import_path(seed_page_path)
    assert result.status == "imported", result.error
    return result
