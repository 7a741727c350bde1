"""Formerly the database's own full-text tables; search is now the read index's, and 0004 removes them.

Kept so that the migration history of existing databases stays whole.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_editors_group")]

    operations = []
