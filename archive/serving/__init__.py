"""Serving public pages: read-only, one URL per page, validated before they are built, cacheable by anyone."""
