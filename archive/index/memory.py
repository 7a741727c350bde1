"""Giving the index writer's freed memory back to the system."""

import ctypes
import ctypes.util


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()


def give_back():
    """Return the writer's freed memory to the system. Its threads' allocations stay in their own malloc arenas
    after it is gone, so a long import that catches up every few seconds grew by tens of MiB a minute."""
    if _LIBC is not None and hasattr(_LIBC, "malloc_trim"):
        _LIBC.malloc_trim(0)
