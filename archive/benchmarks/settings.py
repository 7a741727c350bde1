"""The site's settings with the benchmark's URLs: chosen through DJANGO_SETTINGS_MODULE, never by the public site."""

from archive.settings import *  # noqa: F403

ROOT_URLCONF = "archive.benchmarks.urls"
