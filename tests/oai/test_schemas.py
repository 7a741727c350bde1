"""The schemas responses are validated against are the protocol's own, not a stricter copy (tests/schemas/README.md)."""

import hashlib

from tests.support.oai_protocol import SCHEMAS

# OAI-PMH.xsd as the pyoai 2.5.0 source distribution ships it, revision $Date: 2005/06/08 09:57:56 $.
OFFICIAL_OAI_PMH_SHA256 = "1da2a22b2b7753700a5dbf74fef663714927be49a7404b53627a2fdf4e011fc9"


def test_the_protocol_schema_is_the_official_file_byte_for_byte():
    assert hashlib.sha256((SCHEMAS / "OAI-PMH.xsd").read_bytes()).hexdigest() == OFFICIAL_OAI_PMH_SHA256
