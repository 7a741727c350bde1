"""When the read index cannot answer: its folder cannot be written, or a build in use fails while read. Pages then
answer the site's 503 page (archive.serving.middleware) rather than an error, or an answer from a damaged build."""

import functools


class Unavailable(Exception):
    """The read index cannot answer this request; the database, the record, is untouched."""


def is_panic(error):
    # tantivy's bindings turn a Rust panic into pyo3's PanicException, a BaseException that no module exports.
    return type(error).__name__ == "PanicException"


class Guarded:
    """A searcher whose failures, tantivy's errors and panics alike, are reported to `failed` (with the error) and
    raised as Unavailable."""

    def __init__(self, searcher, failed):
        self._searcher = searcher
        self._failed = failed

    def __getattr__(self, name):
        method = getattr(self._searcher, name)
        if not callable(method):
            # A property (num_docs): read when asked, which cannot fail.
            return method

        @functools.wraps(method)
        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except BaseException as error:
                if not (isinstance(error, ValueError | OSError) or is_panic(error)):
                    raise
                self._failed(error)
                raise Unavailable(f"the read index failed while read: {error}") from error

        # Made once a method: a page reads a card for each article it shows, each through `doc`.
        self.__dict__[name] = guarded
        return guarded
