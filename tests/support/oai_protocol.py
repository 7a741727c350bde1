"""What the OAI-PMH tests share: the schemas every response must validate against, read from tests/schemas/ (no
network), and XPath with the protocol's namespaces."""

from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
NAMESPACES = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
}
# Where a response carries what another schema says: a record's metadata, a repository's or a set's description.
CONTAINED = "//oai:metadata/* | //oai:about/* | //oai:description/* | //oai:setDescription/*"


def _schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), etree.XMLParser(no_network=True)))


# The protocol's official schema, which skips the contents of its containers; oai_dc's (with simple Dublin Core and
# xml:lang) and oai-identifier's for those contents.
PROTOCOL = _schema("OAI-PMH.xsd")
CONTENTS = _schema("contents.xsd")


def valid(body):
    """The response parsed, once it and everything its containers hold have validated against the schemas."""
    document = etree.fromstring(body)
    PROTOCOL.assertValid(document)
    for contained in document.xpath(CONTAINED, namespaces=NAMESPACES):
        CONTENTS.assertValid(etree.ElementTree(contained))
    return document


def texts(node, path):
    return [found.text for found in node.xpath(path, namespaces=NAMESPACES)]


def text(node, path):
    (found,) = texts(node, path)
    return found
