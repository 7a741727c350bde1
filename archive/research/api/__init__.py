"""The read-only JSON API under /api/: the article list with its filters, sorts and facets, one article, the
persons and topics with their counts, and an OpenAPI schema of it all.

It answers what the pages answer, from the same read index and the same parameter checks, and is served like them
(`archive.serving.public`): GET and HEAD only, an ETag from the archive's generation, cacheable by anyone.
"""
