"""The admin's login, refused for a while after too many failed attempts from one address or for one account.

Failures are counted in Django's cache, one count per client address and one per username, each kept for
ARCHIVE_LOGIN_FAILURE_SECONDS from the first failure it counts. With REDIS_URL the counts are shared by every
process; with each process's own memory, every process counts on its own.
"""

import hashlib
import unicodedata

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


class ThrottledLoginForm(AdminAuthenticationForm):
    def clean(self):
        keys = _failure_keys(self.request, self._username())
        if any(cache.get(key, 0) >= settings.ARCHIVE_LOGIN_MAX_FAILURES for key in keys):
            # Checked before the password, so that a right guess is refused as well while the count stands.
            minutes = settings.ARCHIVE_LOGIN_FAILURE_SECONDS // 60
            raise ValidationError(
                ngettext(
                    "Too many failed logins from this address or for this account. Logging in is refused for "
                    "%(minutes)s minute from the first of them; try again later.",
                    "Too many failed logins from this address or for this account. Logging in is refused for "
                    "%(minutes)s minutes from the first of them; try again later.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        try:
            return super().clean()
        except ValidationError:
            for key in keys:
                _count_failure(key)
            raise

    def _username(self):
        """The username as the login looks its account up: the field's own cleaning (stripped, then NFKC)."""
        try:
            return self.fields["username"].clean(self.data.get("username", ""))
        except ValidationError:
            return ""


def client_address(request):
    """The address the request came from: behind the trusted proxy, the one it added last to X-Forwarded-For."""
    # DJANGO_SECURE_PROXY, which sets SECURE_PROXY_SSL_HEADER, says that nothing but the proxy reaches the site.
    if settings.SECURE_PROXY_SSL_HEADER and (forwarded := request.META.get("HTTP_X_FORWARDED_FOR")):
        # Entries before the proxy's own are whatever the client chose to send.
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _failure_keys(request, username):
    """Keys of a username as the login looks it up, caseless: every spelling that finds one account counts as it.

    NFKC again after casefolding, as Unicode's NFKC_Casefold does: casefolding can undo a composition.
    """
    digest = hashlib.sha256(unicodedata.normalize("NFKC", username.casefold()).encode()).hexdigest()
    return [f"archive:login-failures:address:{client_address(request)}", f"archive:login-failures:user:{digest}"]


def _count_failure(key):
    # add() starts the window only at the first failure; later ones do not extend it.
    cache.add(key, 0, settings.ARCHIVE_LOGIN_FAILURE_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        # The count expired between the two calls: this failure starts a new window.
        cache.add(key, 1, settings.ARCHIVE_LOGIN_FAILURE_SECONDS)


admin.site.login_form = ThrottledLoginForm
