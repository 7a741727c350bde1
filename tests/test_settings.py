"""Settings fail closed: without DJANGO_DEBUG=1 the site runs as in production, and only with a key of its own.

Each test reads archive/settings.py afresh under an environment of its own, as a process starting would.
"""

import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.support.locations import ROOT

PRODUCTION_KEY = "k" * 25 + "e" * 25
TLS_VARIABLES = [
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_SESSION_COOKIE_SECURE",
    "DJANGO_CSRF_COOKIE_SECURE",
    "DJANGO_SECURE_HSTS_SECONDS",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "DJANGO_SECURE_HSTS_PRELOAD",
]
TLS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
]


def settings_under(monkeypatch, **variables):
    """The settings a process would start with under these variables (and none of the others they read)."""
    for name in ["DJANGO_DEBUG", "DJANGO_SECRET_KEY", *TLS_VARIABLES]:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "archive" / "settings.py"))


def tls(settings):
    return {name: settings[name] for name in TLS_SETTINGS}


def test_debug_is_off_unless_the_environment_turns_it_on(monkeypatch):
    assert settings_under(monkeypatch, DJANGO_SECRET_KEY=PRODUCTION_KEY)["DEBUG"] is False
    assert settings_under(monkeypatch, DJANGO_DEBUG="1", DJANGO_SECRET_KEY="dev")["DEBUG"] is True


def test_production_without_a_key_refuses_to_start_and_says_how_to_make_one(monkeypatch):
    with pytest.raises(ImproperlyConfigured) as refused:
        settings_under(monkeypatch)
    assert str(refused.value) == (
        "DJANGO_SECRET_KEY is not set. In production set it to 50 random characters "
        "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'); "
        "for development, `make run` sets DJANGO_DEBUG=1 and a development key."
    )


def test_development_without_a_key_refuses_to_start_too(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match=r"^DJANGO_SECRET_KEY is not set\."):
        settings_under(monkeypatch, DJANGO_DEBUG="1")


def test_production_refuses_the_development_key_published_with_the_source(monkeypatch):
    with pytest.raises(ImproperlyConfigured) as refused:
        settings_under(monkeypatch, DJANGO_SECRET_KEY="dev-only-insecure-key-change-me-in-production")
    assert str(refused.value) == "DJANGO_SECRET_KEY is the development key published with the source."


def test_production_refuses_a_key_of_49_characters_and_takes_one_of_50(monkeypatch):
    with pytest.raises(ImproperlyConfigured) as refused:
        settings_under(monkeypatch, DJANGO_SECRET_KEY=PRODUCTION_KEY[:49])
    assert str(refused.value) == (
        "DJANGO_SECRET_KEY has 49 characters; with DJANGO_DEBUG off it needs at least 50 "
        "(development keys are shorter on purpose)."
    )
    assert settings_under(monkeypatch, DJANGO_SECRET_KEY=PRODUCTION_KEY)["SECRET_KEY"] == PRODUCTION_KEY


def test_the_development_key_that_make_sets_is_refused_in_production(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match=r"^DJANGO_SECRET_KEY has 29 characters;"):
        settings_under(monkeypatch, DJANGO_SECRET_KEY="development-only-not-a-secret")


def test_production_is_https_only_by_default(monkeypatch):
    assert tls(settings_under(monkeypatch, DJANGO_SECRET_KEY=PRODUCTION_KEY)) == {
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
    }


def test_a_plain_http_deployment_turns_each_tls_setting_off_by_name(monkeypatch):
    off = {name: "0" for name in TLS_VARIABLES}
    assert tls(settings_under(monkeypatch, DJANGO_SECRET_KEY=PRODUCTION_KEY, **off)) == {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
    }


def test_development_serves_plain_http(monkeypatch):
    development = settings_under(monkeypatch, DJANGO_DEBUG="1", DJANGO_SECRET_KEY="development-only-not-a-secret")
    assert tls(development) == dict.fromkeys(TLS_SETTINGS, False) | {"SECURE_HSTS_SECONDS": 0}
