"""The site's settings for the test suite run as `pytest` without `make test`: the same development values that
`make test` sets, unless the environment gives others (a deployment test gives its processes production's)."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_SECRET_KEY", "development-only-not-a-secret")

from archive.settings import *  # noqa: F403

# Jobs queued by a test run at once, in its own transaction: the tests of the worker's own processes
# (tests/test_import_job_processes.py) run it under the database backend of the site's settings.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
