"""Settings for the commentary archive, read from the environment with development defaults."""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


# Published with the source before keys came only from the environment: it signs nothing anywhere.
FORMER_DEVELOPMENT_KEY = "dev-only-insecure-key-change-me-in-production"
MIN_SECRET_KEY_LENGTH = 50


def secret_key(debug):
    """The key from the environment. Without DEBUG it must be one nobody else can know: a missing, public or
    short key stops the site rather than signing sessions and password resets that anyone could forge."""
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    if not key:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. In production set it to 50 random characters "
            "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'); "
            "for development, `make run` sets DJANGO_DEBUG=1 and a development key."
        )
    if debug:
        return key
    if key == FORMER_DEVELOPMENT_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is the development key published with the source.")
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY has {len(key)} characters; with DJANGO_DEBUG off it needs at least "
            f"{MIN_SECRET_KEY_LENGTH} (development keys are shorter on purpose)."
        )
    return key


# Off unless asked for: a deployment that forgets a variable gets production's behaviour, never the debug pages.
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = secret_key(DEBUG)
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "archive",
]

MIDDLEWARE = [
    # First: everything after it, the HTTPS redirect included, writes addresses with the request's host.
    "archive.serving.hosts.CheckedHost",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (the admin's language may come from the editor's cookie), before anything that writes text.
    "archive.serving.languages.LanguageFromAddress",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.serving.middleware.CacheHeaders",
    "archive.serving.middleware.DatabaseUnavailable",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.reading.context_processors.site_name",
                "archive.reading.context_processors.site_links",
                "archive.reading.context_processors.search_box",
                "archive.reading.context_processors.languages",
            ],
        },
    },
    {
        # Only the templates drawn most (archive/jinja2/): the article card, and the article page's metadata.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {"environment": "archive.templating.environment"},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Kept across requests on both databases: opening one and setting it up cost a tenth of an article page.
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an import writes; the timeout rides out short write locks. Web requests wait
    # less (ARCHIVE_WEB_BUSY_TIMEOUT_MS): an editor's save would rather fail than wait out a long import.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Bounds on the database work of one web request (archive/serving/bounds.py), applied only where the site is served:
# imports, rebuild_index and other commands run without them. PostgreSQL cancels a statement that runs longer;
# SQLite gives up waiting for another process's write lock.
ARCHIVE_WEB_STATEMENT_TIMEOUT_MS = int(os.environ.get("ARCHIVE_WEB_STATEMENT_TIMEOUT_MS", 5000))
ARCHIVE_WEB_BUSY_TIMEOUT_MS = int(os.environ.get("ARCHIVE_WEB_BUSY_TIMEOUT_MS", 5000))
# What the site's 503 page, shown while the database cannot answer, asks clients to wait.
ARCHIVE_RETRY_AFTER_SECONDS = 30


def default_index_dir(database):
    """A read index folder of its own for each database, so that pointing DATABASE_URL elsewhere never shows
    another database's index."""
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return Path(f"{database['NAME']}.index")
    name = "-".join(str(database.get(key) or "") for key in ("HOST", "PORT", "NAME"))
    return BASE_DIR / "var" / "index" / name


# The read index (archive/index/): derived from the database, made on first use, rebuilt by `rebuild_index`.
ARCHIVE_INDEX_DIR = Path(os.environ.get("ARCHIVE_INDEX_DIR") or default_index_dir(DATABASES["default"]))
# Whole-archive exports, written once per generation (archive/research/exports.py); empty: beside the read index.
ARCHIVE_EXPORT_DIR = os.environ.get("ARCHIVE_EXPORT_DIR", "")

if os.environ.get("REDIS_URL"):
    # Without Redis pages are built as without a cache (archive/serving/shared_cache.py); the timeouts keep an
    # unreachable Redis from holding up a request for longer than a page takes to build.
    CACHES = {
        "default": {
            "BACKEND": "archive.serving.shared_cache.SharedCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "RETRY_SECONDS": float(os.environ.get("ARCHIVE_CACHE_RETRY_SECONDS", 5)),
            },
        }
    }
else:
    # Each process keeps its own pages: the generation they are kept under is read from the database.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface's languages are English and every language with a catalogue in locale/: a language is added by
# adding its catalogue (`manage.py makemessages -l be`, then translating it), and nothing else.
LOCALE_PATHS = [BASE_DIR / "locale"]


def catalogued_languages(folder, default):
    """(code, English name) of the default language, then of each language with a catalogue in `folder`."""
    found = sorted(path.parents[1].name for path in folder.glob("*/LC_MESSAGES/django.po"))
    return [(code, LANG_INFO[code]["name"]) for code in dict.fromkeys([default, *found])]


LANGUAGES = catalogued_languages(LOCALE_PATHS[0], LANGUAGE_CODE)
# The commentary site dates its pages in Minsk local time; the archive shows them the same way.
TIME_ZONE = "Europe/Minsk"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Behind nginx (deploy/), which ends TLS and says so in X-Forwarded-Proto: addresses the archive writes then
# say https. Only set this where nothing but the proxy can reach the application server.
if env_bool("DJANGO_SECURE_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# HTTPS only, by default in production. A deployment tried over plain HTTP (tests/test_deployment.py) turns
# what it must off by name; HSTS is sent only over HTTPS, so it cannot lock such a test out.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 86400))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Public pages are cached whole until the archive changes (archive/serving/cache.py); 0 turns that off.
ARCHIVE_PAGE_CACHE_SECONDS = int(os.environ.get("ARCHIVE_PAGE_CACHE_SECONDS", 3600))
# How long browsers and caches in front may keep a page, and serve it stale while they ask again.
ARCHIVE_BROWSER_CACHE_SECONDS = int(os.environ.get("ARCHIVE_BROWSER_CACHE_SECONDS", 300))
ARCHIVE_STALE_SECONDS = 60
ARCHIVE_MISSING_CACHE_SECONDS = 60
ARCHIVE_REDIRECT_CACHE_SECONDS = 86400
ARCHIVE_ADMIN_PATH = "/admin/"
# The admin's login is refused for a while after this many failures from one address or for one username.
ARCHIVE_LOGIN_MAX_FAILURES = 10
ARCHIVE_LOGIN_FAILURE_SECONDS = 15 * 60

# The interface shows the name in its own language where a catalogue translates it; citations keep it as set.
ARCHIVE_SITE_NAME = gettext_noop("Belarus Commentary Archive")
ARCHIVE_PUBLISHER = "Belarus Commentary Archive"

# Editors' import through the admin: a year of saved pages in one zip. The upload is written to disk as it arrives
# (Django keeps what exceeds FILE_UPLOAD_MAX_MEMORY_SIZE in a temporary file) and imported in the background.
ARCHIVE_IMPORT_MAX_FILE_BYTES = 1_000_000
ARCHIVE_IMPORT_MAX_FILES = 50_000
# The upload as sent (a zip, an export, pages), and what its pages come to once a zip is unpacked. Saved pages are
# about 8.7 KB and zip threefold: 50,000 are some 135 MB sent and 435 MB unpacked, more than may be sent. 50,000 of
# 20 KB leaves room for pages twice as long; past that a zip is built to keep the worker parsing for hours, which
# the ratio below allows, judged a member at a time: 200 MB sent at 100-fold is 20 GB.
ARCHIVE_IMPORT_MAX_TOTAL_BYTES = 200_000_000
ARCHIVE_IMPORT_MAX_UNPACKED_BYTES = 1_000_000_000
# Where uploads wait between their preview and the end of their job; the worker reads them from here, so a worker
# on another host needs this folder shared.
ARCHIVE_IMPORT_UPLOAD_DIR = Path(os.environ.get("ARCHIVE_IMPORT_UPLOAD_DIR") or BASE_DIR / "var" / "uploads")
# How many of an upload's pages the preview parses and shows; the rest are counted.
ARCHIVE_IMPORT_PREVIEW_PAGES = 20

# Background imports (django-tasks, its database backend): `manage.py import_worker` runs them and says it is alive
# every few seconds; a worker silent for longer than this is gone, and a job it was running is taken up again.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ARCHIVE_WORKER_STALE_SECONDS = float(os.environ.get("ARCHIVE_WORKER_STALE_SECONDS", 15))
# Text compresses about tenfold; far beyond that, a zip member is built to exhaust memory, not to be read.
ARCHIVE_IMPORT_MAX_ZIP_RATIO = 100

# Lead images: checked with Pillow, then resized to these widths as WebP with a JPEG fallback.
ARCHIVE_IMAGE_MAX_BYTES = 10_000_000
# A 24-megapixel camera's frame: decoding one takes up to 96 MB a copy (RGBA), and time in proportion.
ARCHIVE_IMAGE_MAX_PIXELS = 24_000_000
ARCHIVE_IMAGE_FORMATS = ["JPEG", "PNG", "WEBP"]
ARCHIVE_IMAGE_WIDTHS = [480, 960, 1440]

# Persons and topics are tagged inside each import's transaction. A bulk load may switch this off with
# ARCHIVE_TAG_AT_IMPORT=0 and run `manage.py retag` once afterwards.
ARCHIVE_TAG_AT_IMPORT = env_bool("ARCHIVE_TAG_AT_IMPORT", True)
