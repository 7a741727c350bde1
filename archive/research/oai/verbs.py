"""The six verbs. Each takes the request and its checked arguments and returns a function that fills the response.

Every question to the database is asked before that function is returned, so an error the protocol names (an
unknown identifier, no records) is raised while the response can still become an error response.
"""

from django.conf import settings

from archive.index import surroundings
from archive.research.oai import arguments, conf, datestamps, identifiers, records, sets, tokens
from archive.research.oai.envelope import base_url, element
from archive.research.oai.errors import BadResumptionToken, IdDoesNotExist, NoRecordsMatch
from archive.research.oai.records import OAI_DC, OAI_DC_SCHEMA

OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


def identify(request, _arguments):
    earliest = datestamps.current().earliest()

    def fill(root):
        found = element(root, "Identify")
        element(found, "repositoryName", settings.ARCHIVE_SITE_NAME)
        element(found, "baseURL", base_url(request))
        element(found, "protocolVersion", "2.0")
        element(found, "adminEmail", conf.admin_email())
        # An empty archive has no datestamp yet; the epoch is earlier than any it will have.
        element(found, "earliestDatestamp", datestamps.text(earliest if earliest is not None else 0))
        # Deleting an article removes its row: nothing is left to say that it was there (see the README).
        element(found, "deletedRecord", "no")
        element(found, "granularity", "YYYY-MM-DDThh:mm:ssZ")
        _describe_identifiers(element(found, "description"))

    return fill


def _describe_identifiers(parent):
    described = element(parent, "oai-identifier", namespace=OAI_IDENTIFIER, nsmap={None: OAI_IDENTIFIER})
    described.set(XSI_LOCATION, f"{OAI_IDENTIFIER} {OAI_IDENTIFIER_SCHEMA}")
    element(described, "scheme", "oai", namespace=OAI_IDENTIFIER)
    element(described, "repositoryIdentifier", conf.repository_id(), namespace=OAI_IDENTIFIER)
    element(described, "delimiter", ":", namespace=OAI_IDENTIFIER)
    element(described, "sampleIdentifier", identifiers.sample(), namespace=OAI_IDENTIFIER)


def list_metadata_formats(request, given):
    if "identifier" in given:
        _article(given["identifier"])

    def fill(root):
        listed = element(element(root, "ListMetadataFormats"), "metadataFormat")
        element(listed, "metadataPrefix", arguments.METADATA_PREFIX)
        element(listed, "schema", OAI_DC_SCHEMA)
        element(listed, "metadataNamespace", OAI_DC)

    return fill


def list_sets(request, given):
    offset = tokens.read(given["resumptionToken"], "ListSets")[1] if "resumptionToken" in given else 0
    every = sets.every_set()
    page = every[offset : offset + conf.page_size()]
    if not page:
        raise BadResumptionToken("The resumption token points past the end of the list of sets.")

    def fill(root):
        listed = element(root, "ListSets")
        for spec, name in page:
            found = element(listed, "set")
            element(found, "setSpec", spec)
            element(found, "setName", name)
        sent = offset + len(page)
        _resume(listed, "ListSets", {}, len(every), offset, more=sent < len(every), cursor_after=sent)

    return fill


def get_record(request, given):
    arguments.check_format(given["metadataPrefix"])
    found = _article(given["identifier"])
    stamp = datestamps.current().of(found)
    article = surroundings.cards_of([found.pk])[found.pk]
    relations = records.relations([article])

    def fill(root):
        records.record(element(root, "GetRecord"), article, stamp, relations, request.build_absolute_uri)

    return fill


def list_identifiers(request, given):
    return _list(request, given, "ListIdentifiers")


def list_records(request, given):
    return _list(request, given, "ListRecords")


def _list(request, given, verb):
    if "resumptionToken" in given:
        given, cursor, after = tokens.read(given["resumptionToken"], verb)
    else:
        cursor, after = 0, None
    arguments.check_format(given["metadataPrefix"])
    selection = arguments.selection(given)
    members = sets.members(selection.set) if selection.set else None
    window = datestamps.current().window(
        selection.first, selection.last, after=after, members=members, limit=conf.page_size()
    )
    found = records.articles(window.entries)
    if not found:
        raise NoRecordsMatch("No record matches these arguments.")
    relations = records.relations([article for article, _ in found]) if verb == "ListRecords" else {}

    def fill(root):
        listed = element(root, verb)
        for article, stamp in found:
            if verb == "ListRecords":
                records.record(listed, article, stamp, relations, request.build_absolute_uri)
            else:
                records.header(listed, article, stamp)
        sent, last = cursor + len(found), window.entries[-1]
        _resume(listed, verb, given, window.total, cursor, more=window.more, cursor_after=sent, after=last)

    return fill


def _resume(listed, verb, given, total, cursor, *, more, cursor_after, after=None):
    """The resumptionToken element: a token while more follow, an empty one to end a list that was split."""
    if not more and cursor == 0:
        return
    token = tokens.make(verb, given, cursor=cursor_after, after=after) if more else ""
    element(listed, "resumptionToken", token, completeListSize=str(total), cursor=str(cursor))


def _article(identifier):
    article = identifiers.article(identifier)
    if article is None:
        raise IdDoesNotExist(f"No article has the identifier {identifier!r}.")
    return article


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
