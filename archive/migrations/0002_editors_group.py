"""Create the Editors group with exactly what editors need: import, edit, curate and read the history."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "article": ["add", "change", "view"],
    "relatedlink": ["add", "change", "delete", "view"],
    "mention": ["add", "change", "delete", "view"],
    "articletopic": ["add", "change", "delete", "view"],
    "person": ["add", "change", "view"],
    "topic": ["add", "change", "view"],
    "unknownname": ["change", "delete", "view"],
    "sourcefile": ["add", "view"],
    "articlesource": ["view"],
    "slugredirect": ["view"],
}


def create_editors(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs them now.
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    editors.permissions.set(Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_editors, remove_editors)]
