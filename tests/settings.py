"""The site's settings for the test suite run as `pytest` without `make test`: the same development values that
`make test` sets, unless the environment gives others (a deployment test gives its processes production's)."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_SECRET_KEY", "development-only-not-a-secret")

from archive.settings import *  # noqa: F403
