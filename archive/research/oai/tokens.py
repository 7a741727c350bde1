"""Resumption tokens: stateless, signed, carrying the request's arguments and the position reached.

Nothing is kept on the server, so a token stays good across processes and hosts, and never expires. The position
is the (datestamp, article id) of the last record sent, not an offset: a record that changes while a harvester
pages through a list moves to its end and is sent again there, and no record is skipped.
"""

from django.core import signing

from archive.research.oai.errors import BadResumptionToken

SALT = "archive.research.oai.resumption"


def make(verb, arguments, *, cursor, after=None):
    """A token for the rest of a list: `cursor` items were sent so far, the last of them at `after`."""
    return signing.dumps({"verb": verb, "args": arguments, "cursor": cursor, "after": after}, salt=SALT, compress=True)


def read(token, verb):
    """(arguments, cursor, after) of a token this repository gave for this verb."""
    try:
        state = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise BadResumptionToken("The resumption token is not one this repository gave.") from None
    if not isinstance(state, dict) or state.get("verb") != verb:
        raise BadResumptionToken(f"The resumption token was not given for {verb}.")
    after = state.get("after")
    return state["args"], state["cursor"], tuple(after) if after is not None else None
