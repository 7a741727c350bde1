"""The editors' admin: articles and their import history, persons and topics; accounts for superusers."""

from archive.admin import articles, history, people, users  # noqa: F401  (registers the model admins)
