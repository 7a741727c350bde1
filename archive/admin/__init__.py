"""The editors' admin: articles and their import history, persons and topics; accounts for superusers; a login
that refuses for a while after too many failures."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.admin import (  # noqa: F401  (registers the model admins)
    articles,
    jobs,
    login,
    people,
    sources,
    suggestions,
    users,
    versions,
)

admin.site.site_header = _("Commentary archive: editors")
admin.site.site_title = _("Commentary archive: editors")
admin.site.index_title = _("The archive and its accounts")
