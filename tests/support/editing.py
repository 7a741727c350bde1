"""Editors and admin forms, for the tests of the editors' admin."""

import datetime

from django.contrib.auth.models import Group
from django.db.models.fields.files import FieldFile

PASSWORD = "a-long-editor-password"
IMPORT_URL = "/admin/archive/article/import/"


def make_editor(user_model, username="editor"):
    """A staff account in the Editors group, with no permission of its own."""
    user = user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def change_form_data(response):
    """The POST data an admin change form sends when the editor changes nothing, read from its response."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or isinstance(value, FieldFile):
                continue
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, datetime.date | datetime.time):
                data[bound.html_name] = bound.field.widget.format_value(value)
            else:
                data[bound.html_name] = value
    return data
