"""Pages in and the archive out, as the import and export commands see them."""

from io import StringIO

from django.core.management import call_command

from archive.importing.loader import import_file


def import_path(path, **kwargs):
    return import_file(path.name, path.read_bytes(), **kwargs)


def export():
    """The whole archive as `manage.py export_articles` writes it."""
    out = StringIO()
    call_command("export_articles", stdout=out)
    return out.getvalue()
