"""A list of articles read from the index, as a sequence Django's Paginator pages through.

The paginator asks for the count, then for one slice: the index answers both in one search, and the slice's
articles are the cards kept in their documents (no query). A list that needs to say when each article last changed
(the feed) asks for it with `changes`: it is read from the documents' column.
"""

from archive.index import lookup


class IndexedArticles:
    def __init__(self, filters, sort=lookup.NEWEST, *, changes=False):
        self.filters = filters
        self.sort = sort
        self.changes = changes
        self._total = None
        self._window = None

    def expect(self, offset, limit):
        """Say which slice will be asked for: the index then counts and finds it in one search."""
        self._window = (offset, limit)

    def count(self):
        if self._total is None:
            if self._window is not None:
                self._found = lookup.page(self.filters, self.sort, *self._window)
                self._total = self._found.total
            else:
                self._total = lookup.count(self.filters)
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            found = self[item : item + 1]
            if not found:
                raise IndexError(item)
            return found[0]
        start, stop = item.start or 0, item.stop if item.stop is not None else self.count()
        if stop <= start:
            return []
        if self._window == (start, stop - start) and self._total is not None:
            found = self._found
        else:
            found = lookup.page(self.filters, self.sort, offset=start, limit=stop - start)
            self._total = found.total
        return lookup.cards_at(found.addresses, changes=self.changes)

    def __iter__(self):
        return iter(self[:])
