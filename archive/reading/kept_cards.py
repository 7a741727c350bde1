"""Cards drawn once and kept in this process's memory, so that a list page joins finished fragments: every list an
article appears in (the archive's, its year's and month's, each of its persons' and topics') shows the same card.

A card is kept under the digest of the index's card it was drawn from (`Card.stamp`) and all else it was drawn with:
whatever it shows (title, dateline, summary, a person's or topic's name) is in those bytes, and every change to any
of it writes the article's document again, so a kept card is never out of date. The least recently shown go first.
"""

from archive.index.kept import Kept

# About 3 KB a card of a dozen persons: some 15 MB a process.
KEPT = 5000

cards = Kept(KEPT)

# The article page's main part, some 20 KB: some 40 MB a process.
KEPT_PAGES = 2000

pages = Kept(KEPT_PAGES)
