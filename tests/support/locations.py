"""Where the project keeps what the tests read: its own root, the seed pages, and the test pages."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
PAGES = ROOT / "tests" / "pages"
