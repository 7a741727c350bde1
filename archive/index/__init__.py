"""The read index: what readers filter on and search, kept in a tantivy index beside the database.

The database is the record; the index is derived from it and follows every committed change (`changes`), so
every page that lists, counts or searches asks the index for ids and counts (`selection`, `counts`) and fetches
from the database only the rows it shows.
"""
