"""What the data provider's tests share: its identifiers, fixed datestamps, and requests read back as the protocol
wants them."""

import datetime

from django.test import Client
from lxml import etree

from archive.index import changes
from archive.models import Article, Change
from tests.oai_protocol import NAMESPACES, valid

REPOSITORY = "archive.example.org"
LEAD = "articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter"
RELATED = "articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition"
DATELESS = "articles/2020/05/12/opposition-leaders-the-vilnius-talks"
LEAD_ID, RELATED_ID, DATELESS_ID = (f"oai:{REPOSITORY}:{path}" for path in (LEAD, RELATED, DATELESS))


def utc(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


def stamp_articles(times, rest):
    """Give articles fixed update times and the change log one fixed time, then move the generation on (by a
    change naming no article) so that the provider works the datestamps out again."""
    Article.objects.update(updated_at=utc(rest))
    for title, moment in times.items():
        Article.objects.filter(title=title).update(updated_at=utc(moment))
    Change.objects.update(at=utc("2021-01-01T00:00:00"))
    changes.record()
    Change.objects.filter(article_id=None).update(at=utc("2021-01-01T00:00:00"))


def oai(client=None, **arguments):
    response = (client or Client()).get("/oai/", arguments)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return valid(response.content)


def listed(body):
    """A response's list, without the responseDate that differs between two responses."""
    return etree.tostring(valid(body).xpath("oai:ListRecords", namespaces=NAMESPACES)[0])


def error(document):
    return [found.get("code") for found in document.xpath("oai:error", namespaces=NAMESPACES)]


def echoed(document):
    (request,) = document.xpath("oai:request", namespaces=NAMESPACES)
    return dict(request.attrib)
