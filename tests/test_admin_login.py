"""The admin's login refuses for fifteen minutes after ten failures from one address or for one username."""

import time

import pytest
from django.core.cache import cache
from django.core.cache.backends import locmem

from tests.support.editing import PASSWORD, make_editor

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
REFUSED = (
    "Too many failed logins from this address or for this account. Logging in is refused for 15 minutes from the "
    "first of them; try again later."
)


class Clock:
    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


@pytest.fixture(autouse=True)
def clock(settings, monkeypatch):
    """Counts in this process's memory, whose clock the test moves on; and a quick password hasher."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "logins"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    clock = Clock()
    monkeypatch.setattr(locmem, "time", clock)
    cache.clear()
    yield clock
    cache.clear()


def log_in(client, username, password, address="10.0.0.1", **headers):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address, **headers
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def errors(response):
    return response.context["form"].non_field_errors()


def test_nine_failures_still_let_the_right_password_in(client, editor):
    for _ in range(9):
        assert not logged_in(log_in(client, "editor", "wrong"))

    assert logged_in(log_in(client, "editor", PASSWORD))


def test_after_ten_failures_for_a_username_even_its_right_password_is_refused_from_anywhere(client, editor):
    for number in range(10):
        log_in(client, "editor", "wrong", address=f"10.0.1.{number}")

    response = log_in(client, "Editor ", PASSWORD, address="10.0.2.1")

    assert not logged_in(response)
    assert errors(response) == [REFUSED]


def test_after_ten_failures_from_an_address_every_login_from_it_is_refused(client, editor):
    for number in range(10):
        log_in(client, f"guess-{number}", "wrong", address="10.0.0.9")

    refused = log_in(client, "editor", PASSWORD, address="10.0.0.9")
    elsewhere = log_in(client, "editor", PASSWORD, address="10.0.0.10")

    assert errors(refused) == [REFUSED]
    assert logged_in(elsewhere)


def test_logging_in_is_allowed_again_fifteen_minutes_after_the_first_failure(client, editor, clock):
    log_in(client, "editor", "wrong")
    clock.now += 10 * 60
    for _ in range(9):
        log_in(client, "editor", "wrong")
    assert not logged_in(log_in(client, "editor", PASSWORD))

    clock.now += 5 * 60 + 1

    assert logged_in(log_in(client, "editor", PASSWORD))


def test_without_a_trusted_proxy_a_forwarded_address_changes_nothing(client, editor):
    for number in range(10):
        log_in(client, f"guess-{number}", "wrong", address="10.0.0.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    assert errors(log_in(client, "editor", PASSWORD, address="10.0.0.9", HTTP_X_FORWARDED_FOR="192.0.2.99")) == [
        REFUSED
    ]


def test_behind_the_trusted_proxy_the_address_it_forwards_is_counted(client, editor, settings):
    """nginx appends the address it saw to whatever X-Forwarded-For the client sent."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for number in range(10):
        log_in(
            client, f"guess-{number}", "wrong", address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 192.0.2.7"
        )

    refused = log_in(client, "editor", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7")
    other = log_in(client, "editor", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7, 192.0.2.8")

    assert errors(refused) == [REFUSED]
    assert logged_in(other)


@pytest.mark.parametrize(
    ("username", "failing_as"),
    [
        ("editor", "ｅｄｉｔｏｒ"),  # fullwidth letters, which the login reads as "editor"
        ("editor", "ｅｄｉｔｏｒ\u3000"),  # and an ideographic space after them
        ("andré", "andre\u0301"),  # e and a combining acute accent, which the login reads as é
        ("andré", "ＡＮＤＲＥ\u0301"),  # the same in fullwidth capitals
        ("editor", "EDITOR"),
    ],
)
def test_failures_under_a_look_alike_of_a_username_count_for_that_username(
    client, django_user_model, username, failing_as
):
    make_editor(django_user_model, username)
    for number in range(10):
        log_in(client, failing_as, "wrong", address=f"10.0.3.{number}")

    response = log_in(client, username, PASSWORD, address="10.0.4.1")

    assert not logged_in(response)
    assert errors(response) == [REFUSED]


def test_a_look_alike_of_a_username_finds_the_account_it_is_throttled_as(client, django_user_model):
    """The spelling the throttle counts under is the one the login looks the account up by."""
    make_editor(django_user_model, "andré")

    assert logged_in(log_in(client, "ａｎｄｒｅ\u0301", PASSWORD))
