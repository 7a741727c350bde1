"""How far a list's parameters may go: each limit is known here alone, for the pages, the API and the schema."""

PER_PAGE = 20
# Past nine digits a number is no page of any list, and converting thousands of digits costs seconds.
MAX_PAGE = 999_999_999
# Ranking by relevance keeps every hit up to the page asked for, and sorts them in Python: past this many a page
# is refused (pages, the API, exports), as no reader goes that deep. Sorting by date reaches every article.
RELEVANCE_DEPTH = 10_000
# A narrowed export answers this many rows a request, then names the next part in its Link header: a few seconds
# of work however much the filters leave. The whole archive's export is a file made once a generation instead.
EXPORT_ROWS = 10_000
# Every person or topic more narrows the list; past a handful a list is empty, and each costs the index a term.
MAX_SLUGS = 10
MAX_SLUG_LENGTH = 120
QUERY_MAX_LENGTH = 200
# How many persons and topics a list's facets name.
FACET_LIMIT = 12
