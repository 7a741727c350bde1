"""A request's arguments checked against its verb, as the protocol's section 3.1 and each verb's definition ask."""

import datetime
import re
from dataclasses import dataclass

from archive.research.oai.errors import BadArgument, BadVerb, CannotDisseminateFormat

METADATA_PREFIX = "oai_dc"
LIST_ARGUMENTS = {"required": ("metadataPrefix",), "optional": ("from", "until", "set")}
VERBS = {
    "Identify": {},
    "ListMetadataFormats": {"optional": ("identifier",)},
    "ListSets": {"exclusive": "resumptionToken"},
    "GetRecord": {"required": ("identifier", "metadataPrefix")},
    "ListIdentifiers": {**LIST_ARGUMENTS, "exclusive": "resumptionToken"},
    "ListRecords": {**LIST_ARGUMENTS, "exclusive": "resumptionToken"},
}
# The schema's patterns for the values a response echoes back: a value that breaks them is a bad argument.
SYNTAX = {
    "identifier": re.compile(r"[A-Za-z0-9\-_.!~*'();/?:@&=+$,%#\[\]]+"),
    "metadataPrefix": re.compile(r"[A-Za-z0-9\-_.!~*'()]+"),
    "set": re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*"),
}
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def parse(query):
    """(verb, {argument: value}) of a GET query or a POST body; raises BadVerb or BadArgument."""
    verbs = query.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise BadVerb("The verb is missing, repeated or not one of the protocol's six." if verbs else "No verb.")
    verb, rules = verbs[0], VERBS[verbs[0]]
    if repeated := sorted(name for name in query if len(query.getlist(name)) > 1):
        raise BadArgument(f"Repeated argument: {', '.join(repeated)}.")
    arguments = {name: query[name] for name in query if name != "verb"}
    allowed = {*rules.get("required", ()), *rules.get("optional", ()), rules.get("exclusive")}
    if unknown := sorted(set(arguments) - allowed):
        raise BadArgument(f"Not an argument of {verb}: {', '.join(unknown)}.")
    if rules.get("exclusive") in arguments:
        if len(arguments) > 1:
            raise BadArgument(f"{rules['exclusive']} is an exclusive argument: it comes alone.")
        return verb, arguments
    if missing := [name for name in rules.get("required", ()) if name not in arguments]:
        raise BadArgument(f"Missing argument: {', '.join(missing)}.")
    for name, pattern in SYNTAX.items():
        if name in arguments and not pattern.fullmatch(arguments[name]):
            raise BadArgument(f"Not a valid {name}: {arguments[name]!r}.")
    if "from" in arguments or "until" in arguments:
        selection(arguments)
    return verb, arguments


@dataclass(frozen=True)
class Selection:
    """What a list is narrowed to: datestamps from `first` to `last` in UTC seconds (inclusive, either open), and
    a setSpec."""

    first: int | None
    last: int | None
    set: str | None


def selection(arguments):
    """The Selection of a list request's arguments; raises BadArgument for a date the protocol does not allow."""
    first, first_granularity = _moment(arguments.get("from"), end_of_day=False)
    last, last_granularity = _moment(arguments.get("until"), end_of_day=True)
    if first_granularity and last_granularity and first_granularity != last_granularity:
        raise BadArgument("from and until must have the same granularity.")
    if first is not None and last is not None and first > last:
        raise BadArgument("from is later than until.")
    return Selection(first, last, arguments.get("set"))


def _moment(value, *, end_of_day):
    """(UTC seconds, granularity) of a from or until value; a day ends at its last second for until."""
    if value is None:
        return None, None
    try:
        if DAY.fullmatch(value):
            day = datetime.date.fromisoformat(value)
            moment = datetime.datetime.combine(day, datetime.time.max if end_of_day else datetime.time.min)
            return int(moment.replace(tzinfo=datetime.UTC).timestamp()), "day"
        if SECOND.fullmatch(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
            return int(moment.timestamp()), "second"
    except ValueError:
        pass
    raise BadArgument(f"Not a UTC date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ): {value!r}.")


def check_format(prefix):
    if prefix != METADATA_PREFIX:
        raise CannotDisseminateFormat(f"Records are given as {METADATA_PREFIX} only, not as {prefix!r}.")
