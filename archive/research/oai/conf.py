"""The provider's settings, each with a default so that a deployment needs to set none of them."""

import os
import re

from django.conf import settings

# What an oai-identifier's repositoryIdentifier must look like: a domain name.
DOMAIN = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")


def _setting(name, default=None):
    # A deployment sets these in the environment, as it sets the others (archive/settings.py); tests set them on
    # Django's settings.
    return getattr(settings, name, None) or os.environ.get(name) or default


def page_size():
    """How many records, headers or sets one response lists before it gives a resumption token."""
    return int(_setting("ARCHIVE_OAI_PAGE_SIZE", 100))


def repository_id():
    """The repository's part of every identifier. It must never change once harvesters have records, so it comes
    from a setting, never from the host name a request happened to use."""
    hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS]
    return _setting("ARCHIVE_OAI_REPOSITORY_ID", next((h for h in hosts if DOMAIN.fullmatch(h)), "archive.localhost"))


def admin_email():
    return _setting("ARCHIVE_OAI_ADMIN_EMAIL", f"editors@{repository_id()}")
