"""The editors' admin: articles and their import history, persons and topics; accounts for superusers; a login
that refuses for a while after too many failures."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.admin import articles, login, people, sources, users, versions  # noqa: F401  (registers the model admins)

admin.site.site_header = _("Commentary archive: editors")
admin.site.site_title = _("Commentary archive: editors")
admin.site.index_title = _("The archive and its accounts")
