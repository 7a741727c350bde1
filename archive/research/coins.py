"""COinS: an OpenURL ContextObject for each article a list shows, so that Zotero and other reference managers
offer the list's articles to save, several at once.

OpenURL's KEV formats have no newspaper type: Zotero's COinS translator reads a journal article, and keeps the
title, the publication, the day, the address and the language, which is what a citation of an article needs.
"""

from urllib.parse import quote, urlencode

from django.conf import settings


def context_object(article, url):
    """The ContextObject of an article as a query string (the title of a `Z3988` span); `url` is its address."""
    return urlencode(
        [
            ("ctx_ver", "Z39.88-2004"),
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article"),
            ("rft.atitle", article.title),
            ("rft.jtitle", settings.ARCHIVE_SITE_NAME),
            ("rft.date", article.published_date.isoformat()),
            ("rft_id", url),
            ("rft.language", article.language),
        ],
        # Spaces as %20: "+" means a space only in form encoding, and a ContextObject is not always read as one.
        quote_via=quote,
    )
