"""COinS: an OpenURL ContextObject for each article a list shows, so that Zotero and other reference managers
offer the list's articles to save, several at once.

OpenURL's KEV formats have no newspaper type, so the ContextObject is a journal article's, and Zotero's own key
`rft.type` makes it the newspaper article the RIS and CSL-JSON downloads name. Zotero's COinS translator reads the
keys in order: `rft.type` must come after `rft.atitle` and `rft.jtitle` (before them, Zotero drops the item without
a word), `rft.description` gives the abstract, and a time in `rft.date` keeps its moment only written in UTC
(`…Z`); an offset such as `+03:00` is lost, so a dateline's time is sent that way and a dateline without one as
its day.
"""

import datetime
from urllib.parse import quote, urlencode

from django.conf import settings


def kev_date(published):
    if isinstance(published, datetime.datetime):
        return published.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return published.isoformat()


def context_object(article, url):
    """The ContextObject of an article as a query string (the title of a `Z3988` span); `url` is its address."""
    return urlencode(
        [
            ("ctx_ver", "Z39.88-2004"),
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article"),
            ("rft.atitle", article.title),
            ("rft.jtitle", settings.ARCHIVE_SITE_NAME),
            ("rft.type", "newspaperArticle"),
            ("rft.date", kev_date(article.published)),
            ("rft.description", article.summary),
            ("rft_id", url),
            ("rft.language", article.language),
        ],
        # Spaces as %20: "+" means a space only in form encoding, and a ContextObject is not always read as one.
        quote_via=quote,
    )
