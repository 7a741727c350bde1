"""Files that several processes share: a lock held across processes while one of them builds a file or a folder."""

import fcntl
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(lock_path):
    """Hold an exclusive lock on `lock_path` (made if missing) until the block ends; other processes wait."""
    lock_path = Path(lock_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
