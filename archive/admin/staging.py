"""Pages held between their preview and the editor's confirmation.

They live in the editor's session, which is in the database and therefore shared by every server: the bytes
confirmed are the bytes previewed, without uploading them again. One preview at a time is held; a newer one
replaces it.
"""

import base64
import secrets

SESSION_KEY = "archive_import"


def stage(session, pages, fingerprint):
    """Hold (name, bytes) pages and the fingerprint of their preview; return the token that confirms them."""
    token = secrets.token_urlsafe(16)
    session[SESSION_KEY] = {
        "token": token,
        "fingerprint": fingerprint,
        "pages": [[name, base64.b64encode(data).decode("ascii")] for name, data in pages],
    }
    return token


def staged(session, token):
    """The pages and fingerprint held under token, or None when that preview is gone or was replaced."""
    held = session.get(SESSION_KEY)
    if not held or not token or not secrets.compare_digest(held["token"].encode(), token.encode()):
        return None
    return [(name, base64.b64decode(data)) for name, data in held["pages"]], held["fingerprint"]


def release(session):
    session.pop(SESSION_KEY, None)
