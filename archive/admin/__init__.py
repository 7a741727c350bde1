"""The editors' admin: articles and their import history, persons and topics; accounts for superusers; a login
that refuses for a while after too many failures."""

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
