"""The editors' admin: articles and their import history, persons and topics."""

from archive.admin import articles, people  # noqa: F401  (registers the model admins)
