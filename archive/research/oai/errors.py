"""The protocol's error conditions, raised wherever a request is found wanting and answered by the envelope."""


class OaiError(Exception):
    """An error the protocol names. `code` is its code; the message is what the response says to the harvester."""

    code = None
    # badVerb and badArgument answer a request that is not one: the response must not echo its arguments.
    echoes_arguments = True

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class BadVerb(OaiError):
    code = "badVerb"
    echoes_arguments = False


class BadArgument(OaiError):
    code = "badArgument"
    echoes_arguments = False


class BadResumptionToken(OaiError):
    code = "badResumptionToken"


class CannotDisseminateFormat(OaiError):
    code = "cannotDisseminateFormat"


class IdDoesNotExist(OaiError):
    code = "idDoesNotExist"


class NoRecordsMatch(OaiError):
    code = "noRecordsMatch"
