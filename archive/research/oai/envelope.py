"""The OAI-PMH response around every answer: responseDate, the request echoed, then the verb's element or errors."""

import datetime
import re

from django.http import HttpResponse
from django.urls import reverse
from lxml import etree

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
# Characters XML 1.0 cannot carry, whatever an imported page held.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text):
    return NOT_XML.sub("", str(text))


def element(parent, tag, text=None, namespace=OAI, nsmap=None, **attributes):
    """A child element in a namespace (the protocol's by default), with text and attributes."""
    attrib = {name: clean(value) for name, value in attributes.items()}
    child = etree.SubElement(parent, f"{{{namespace}}}{tag}", attrib, nsmap=nsmap)
    if text is not None:
        child.text = clean(text)
    return child


def base_url(request):
    return request.build_absolute_uri(reverse("archive:oai"))


def _root():
    return etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})


def detached(verb):
    """A verb's element in a response of its own, to make parts in that are copied into responses later: their
    namespaces are then those a response declares."""
    return element(_root(), verb)


def response(request, arguments, fill):
    """The protocol's response. `arguments` are echoed in the request element (None for a request that was not
    one: a bad verb or bad argument); `fill(root)` adds the verb's element or the errors."""
    root = _root()
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} {SCHEMA}")
    now = datetime.datetime.now(datetime.UTC)
    element(root, "responseDate", now.strftime("%Y-%m-%dT%H:%M:%SZ"))
    element(root, "request", base_url(request), **(arguments or {}))
    fill(root)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def error(request, verb, arguments, problem):
    echoed = {"verb": verb, **arguments} if problem.echoes_arguments else None
    return response(request, echoed, lambda root: element(root, "error", problem.message, code=problem.code))
