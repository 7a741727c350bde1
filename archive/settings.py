"""Settings for the commentary archive, read from the environment with development defaults."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
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
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.serving.middleware.CacheHeaders",
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
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an import writes; the timeout rides out short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def default_index_dir(database):
    """A read index folder of its own for each database, so that pointing DATABASE_URL elsewhere never shows
    another database's index."""
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return Path(f"{database['NAME']}.index")
    name = "-".join(str(database.get(key) or "") for key in ("HOST", "PORT", "NAME"))
    return BASE_DIR / "var" / "index" / name


# The read index (archive/index/): derived from the database, made on first use, rebuilt by `rebuild_index`.
ARCHIVE_INDEX_DIR = Path(os.environ.get("ARCHIVE_INDEX_DIR") or default_index_dir(DATABASES["default"]))

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
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

ARCHIVE_SITE_NAME = "Belarus Commentary Archive"
ARCHIVE_PUBLISHER = "Belarus Commentary Archive"

# Editors' import through the admin. A page is a few kilobytes; these bounds leave room for long ones while
# keeping an upload, and the copy held in the session between preview and confirmation, small.
ARCHIVE_IMPORT_MAX_FILE_BYTES = 1_000_000
ARCHIVE_IMPORT_MAX_FILES = 50
ARCHIVE_IMPORT_MAX_TOTAL_BYTES = 8_000_000
# Text compresses about tenfold; far beyond that, a zip member is built to exhaust memory, not to be read.
ARCHIVE_IMPORT_MAX_ZIP_RATIO = 100

# Lead images: checked with Pillow, then resized to these widths as WebP with a JPEG fallback.
ARCHIVE_IMAGE_MAX_BYTES = 10_000_000
ARCHIVE_IMAGE_MAX_PIXELS = 40_000_000
ARCHIVE_IMAGE_FORMATS = ["JPEG", "PNG", "WEBP"]
ARCHIVE_IMAGE_WIDTHS = [480, 960, 1440]

# Persons and topics are tagged inside each import's transaction. A bulk load may switch this off with
# ARCHIVE_TAG_AT_IMPORT=0 and run `manage.py retag` once afterwards.
ARCHIVE_TAG_AT_IMPORT = env_bool("ARCHIVE_TAG_AT_IMPORT", True)
