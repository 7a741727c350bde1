"""The MUSTs of RFC 4287 a feed reader relies on, checked on the XML itself: feedparser forgives their absence."""

import datetime

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM}


def _one(node, name):
    found = node.findall(f"{{{ATOM}}}{name}")
    assert len(found) == 1, f"{node.tag} has {len(found)} atom:{name}, RFC 4287 requires exactly one"
    return found[0]


def _date(element):
    # A Date construct is an RFC 3339 date-time (§3.3): a time and an offset are both required.
    assert "T" in element.text and (element.text.endswith("Z") or element.text[-6] in "+-"), element.text
    return datetime.datetime.fromisoformat(element.text)


def _links(node):
    alternates = [
        (link.get("type"), link.get("hreflang"))
        for link in node.findall(f"{{{ATOM}}}link")
        if link.get("rel") in (None, "alternate")
    ]
    assert len(alternates) == len(set(alternates)), "two alternate links of one type and language (§4.1.1)"
    return alternates


def check(body):
    """The feed parsed, once it has met RFC 4287 §4.1.1 (atom:feed) and §4.1.2 (atom:entry)."""
    feed = etree.fromstring(body)
    assert feed.tag == f"{{{ATOM}}}feed"
    for name in ("id", "title"):
        assert _one(feed, name).text
    _date(_one(feed, "updated"))
    _links(feed)
    feed_has_author = feed.find(f"{{{ATOM}}}author") is not None
    for entry in feed.findall(f"{{{ATOM}}}entry"):
        for name in ("id", "title"):
            assert _one(entry, name).text
        _date(_one(entry, "updated"))
        assert len(entry.findall(f"{{{ATOM}}}published")) <= 1
        assert feed_has_author or entry.find(f"{{{ATOM}}}author") is not None, "an entry with no author (§4.1.1)"
        alternates = _links(entry)
        content = entry.find(f"{{{ATOM}}}content")
        # Without content an entry has a summary and an alternate link (§4.1.2).
        assert content is not None or (entry.find(f"{{{ATOM}}}summary") is not None and alternates)
    return feed
