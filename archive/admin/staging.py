"""An upload held between its preview and the editor's confirmation.

The upload itself waits on disk (archive/importing/uploads.py); the editor's session, which is in the database and
so shared by every server, holds only which upload it is, what it was, and the fingerprint of its preview. One
preview at a time is held; a newer one replaces it.
"""

import secrets

SESSION_KEY = "archive_import"


def stage(session, upload, description, fingerprint):
    """Hold the staged upload's token and the fingerprint of its preview; return the token that confirms them."""
    token = secrets.token_urlsafe(16)
    session[SESSION_KEY] = {"token": token, "upload": upload, "description": description, "fingerprint": fingerprint}
    return token


def staged(session, token):
    """(upload, description, fingerprint) held under token, or None when that preview is gone or was replaced."""
    held = session.get(SESSION_KEY)
    if not held or not token or not secrets.compare_digest(held["token"].encode(), token.encode()):
        return None
    return held["upload"], held["description"], held["fingerprint"]


def release(session):
    session.pop(SESSION_KEY, None)
