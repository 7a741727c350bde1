"""The environment of a server the benchmarks start: production's settings, reached over plain HTTP."""

import os
import secrets


def production_over_http(**variables):
    """DEBUG off as in production, with a key made for this run (production refuses development keys), and no
    redirect to HTTPS: the load generator talks plain HTTP to 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        **variables,
    }
