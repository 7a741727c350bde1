"""The interface's catalogues (locale/<language>/LC_MESSAGES/django.po): every message translated, none fuzzy,
Russian counted as Django's own catalogue counts it, and every string the code marks in them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import django
import polib
import pytest

from tests.support.locations import ROOT

CATALOGUES = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
DJANGO_RUSSIAN = Path(django.__file__).parent / "conf" / "locale" / "ru" / "LC_MESSAGES" / "django.po"
# What `make messages` reads and writes: the code, the templates, the catalogues and the commands.
SOURCES = ["archive", "templates", "locale", "manage.py", "Makefile"]


def messages(path):
    """(context, message) of every entry in use: what the code and templates ask the catalogue for."""
    return sorted((entry.msgctxt or "", entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete)


def test_the_interface_has_a_russian_catalogue():
    assert ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parents[1].name)
def test_every_message_of_a_catalogue_is_translated_and_none_is_fuzzy(path):
    checked = subprocess.run(
        ["msgfmt", "--check", "--statistics", "--output-file=/dev/null", str(path)], capture_output=True, text=True
    )
    catalogue = polib.pofile(str(path))

    assert checked.returncode == 0, checked.stderr
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy


def test_the_russian_catalogue_has_the_plural_forms_of_django_s_own_so_that_the_two_merge():
    ours = polib.pofile(str(ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"))

    assert ours.metadata["Plural-Forms"] == polib.pofile(str(DJANGO_RUSSIAN)).metadata["Plural-Forms"]


def test_makemessages_would_change_no_catalogue_s_messages(tmp_path):
    """`make messages` run on a copy of the project finds exactly the messages the catalogues hold."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy2(source, tmp_path / name)

    made = subprocess.run(
        ["make", "--no-print-directory", "messages", f"BIN={Path(sys.executable).parent}"],
        cwd=tmp_path,
        # The copy's own settings, as `manage.py` names them, not the test suite's.
        env={name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert made.returncode == 0, made.stderr
    for path in CATALOGUES:
        assert messages(tmp_path / path.relative_to(ROOT)) == messages(path), path.relative_to(ROOT)
