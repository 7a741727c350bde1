"""Cursors: where the next page of a list starts, signed so that a client can only hand back what it was given.

A cursor carries a position in the list's order and a digest of the list's filters and order, so that a cursor
made for one list is refused for another. While the archive is unchanged (the responses' ETag stays the same),
walking a list by its cursors gives every article once: its order is the index's, fixed for one generation.
"""

import hashlib

from django.core import signing

SALT = "archive.research.api.cursor"
# A cursor the API makes is some sixty characters; anything much longer was not made here.
MAX_LENGTH = 200


class InvalidCursor(ValueError):
    pass


def list_digest(canonical_query):
    """A short digest of the list's filters and order in their canonical form."""
    return hashlib.sha256(canonical_query.encode()).hexdigest()[:16]


def make(canonical_query, offset):
    return signing.dumps({"list": list_digest(canonical_query), "offset": offset}, salt=SALT, compress=True)


def read(token, canonical_query):
    """The position a cursor carries, for the list it was made for."""
    if len(token) > MAX_LENGTH:
        raise InvalidCursor("This cursor was not made by this archive.")
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise InvalidCursor("This cursor was not made by this archive.") from None
    if payload.get("list") != list_digest(canonical_query):
        raise InvalidCursor("This cursor belongs to another list: keep the filters and order it was made with.")
    return payload["offset"]
