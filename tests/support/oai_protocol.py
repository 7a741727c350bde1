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
# The protocol's schema, oai_dc's (with simple Dublin Core and xml:lang) and oai-identifier's, in one.
SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "harvest.xsd"), etree.XMLParser(no_network=True)))


def valid(body):
    """The response parsed, once it has validated against the schemas."""
    document = etree.fromstring(body)
    SCHEMA.assertValid(document)
    return document


def texts(node, path):
    return [found.text for found in node.xpath(path, namespaces=NAMESPACES)]


def text(node, path):
    (found,) = texts(node, path)
    return found
