"""The site's settings with the benchmarks added: their commands and the minimal page the reader pages are
measured against. Chosen through DJANGO_SETTINGS_MODULE (`make bench` does), never by the public site."""

from archive.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
ROOT_URLCONF = "benchmarks.urls"
