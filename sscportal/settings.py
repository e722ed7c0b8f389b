"""Settings for sscportal, read from the environment with development defaults.

Production deployments set DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL
(see README.md, "Configuration").
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sscportal.configuration.env import (
    client_address_settings,
    env_admins,
    env_bool,
    env_choice,
    env_directory,
    env_email,
    env_list,
    env_networks,
    env_rate,
    env_secret,
    env_static_file,
    env_str,
)
from sscportal.configuration.iati import IATI_ORGANISATION_TYPES, iati_organisation_identifier
from sscportal.configuration.site import canonical_site_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The canonical origin every absolute URL is built from (sscportal/configuration/site.py),
# never the request's Host: cached pages are shared by every reader. The
# default is where `make run` serves (it passes its HOST and PORT).
SITE_URL = canonical_site_url(env_str("SITE_URL", "http://127.0.0.1:8000"))

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "simple_history",
    # django-axes, with a translated name in the admin.
    "sscportal.admin_toolkit.apps.SignInRecordsConfig",
    # Only for its static files: the Tiptap bundle of the admin's rich-text
    # editor (sscportal/text/rich_text.py); its own widget and field are not used.
    "django_prose_editor",
    # The ground: shared helpers, imported by every app below, importing none.
    "sscportal",
    # The media library: files and images content apps attach (media/).
    "media",
    # Content, each app building on the ones before it.
    "initiatives",
    # Speakers and the titles they held (organizations from initiatives).
    "people",
    "events",
    "statements",
    "resources",
    # The site's own pages (about the Day, accessibility...): they need only the ground.
    "pages",
    # The roof: pages across content types, and the import/export of content.
    "front",
    "exchange",
    # E-mail alerts: subscriptions to what content apps publish; front/ draws their pages.
    "alerts",
]

MIDDLEWARE = [
    # First: every line logged for a request carries its id (sscportal/operations/logs.py).
    "sscportal.operations.logs.RequestIdMiddleware",
    # Second: counts and times everything below, page-cache hits and static files included.
    "sscportal.operations.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sscportal.operations.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sscportal.operations.middleware.DatabaseUnavailableMiddleware",
    "sscportal.caching.versions.OneVersionPerRequest",
    # Above the page cache, so pages served from it carry the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sscportal.caching.pages.AnonymousPageCacheMiddleware",
    # Pages compressed on the way out (static files come compressed from
    # whitenoise, above); the page cache keeps them compressed, so a cached page
    # is not compressed again for every reader. Django pads the compressed
    # stream against BREACH; public pages hold no secret token anyway.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "front.urls"
WSGI_APPLICATION = "sscportal.wsgi.application"

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
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL names a real server (production, CI). Without it the project
# uses its own embedded PostgreSQL with data in .pgdata/ (git-ignored), started
# by the first connection, so commands that need no database do not start it.
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url)}
else:
    from sscportal.operations.embedded_db import embedded_database

    DATABASES = {"default": embedded_database(BASE_DIR / ".pgdata")}
# Connections are kept for a worker thread's life unless CONN_MAX_AGE says how
# many seconds: on a full data disk PostgreSQL cannot start a session ("could
# not write init file"), so a site that reconnects every minute stops reading
# a minute into the outage, while kept connections read on (the disk-full
# drill, bench/disk_full.py). There are at most workers x threads of them.
_conn_max_age = env_str("CONN_MAX_AGE", "")
DATABASES["default"].update(
    CONN_MAX_AGE=int(_conn_max_age) if _conn_max_age else None,
    # A connection kept across requests is checked before reuse, so a
    # restarted database server does not leave workers with dead sockets.
    CONN_HEALTH_CHECKS=True,
)
# A query running longer than this is cancelled, so a runaway query (a filter
# combination no index serves, at a million rows) costs its reader the 503
# page, not a worker held past gunicorn's timeout. 0 = no limit. Management
# commands (imports, exports, the corpus, migrations) rightly run long:
# manage.py marks every command but runserver (SSCPORTAL_MANAGEMENT_COMMAND,
# not a setting), and they get DB_COMMAND_STATEMENT_TIMEOUT_MS (0 unless set).
if os.environ.get("SSCPORTAL_MANAGEMENT_COMMAND") == "1":
    STATEMENT_TIMEOUT_MS = int(env_str("DB_COMMAND_STATEMENT_TIMEOUT_MS", "0"))
else:
    STATEMENT_TIMEOUT_MS = int(env_str("DB_STATEMENT_TIMEOUT_MS", "5000"))
if STATEMENT_TIMEOUT_MS < 0:
    raise ImproperlyConfigured("A statement timeout is 0 (none) or a number of milliseconds.")
if STATEMENT_TIMEOUT_MS:
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # libpq's startup options: set once per connection, no query of its own.
    _options["options"] = " ".join(
        [*filter(None, [_options.get("options")]), f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"]
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# Anonymous pages are cached whole (sscportal/caching/). With several
# worker processes the cache must be shared: CACHE_URL=redis://host:6379/1, or
# CACHE_URL=db (a table; run `manage.py createcachetable`).
_cache_url = env_str("CACHE_URL", "")
if _cache_url.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "sscportal.caching.redis_backend.ReusedClientRedisCache",
            "LOCATION": _cache_url,
            # A Redis that does not answer must cost a request half a second
            # once, not a worker timeout: its errors become misses
            # (sscportal/caching/shared.py). Loopback or LAN answers in a
            # millisecond, a whole cached page included.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif _cache_url == "db":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "sscportal_cache",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "600"))
# Page-cache entries one path keeps beside its canonical page, per content
# version: its filter combinations, searches and page numbers (caching/pages.py).
PAGE_CACHE_VARIANTS_PER_PATH = int(env_str("PAGE_CACHE_VARIANTS_PER_PATH", "1000"))
# The layers below whole pages, each switchable to measure what it earns
# (`make bench` runs a pass with both off): rendered list items and search
# results, and each worker's memory of values read from the shared cache.
CACHE_FRAGMENTS = env_bool("CACHE_FRAGMENTS", True)
CACHE_WORKER_MEMORY = env_bool("CACHE_WORKER_MEMORY", True)
# How long a worker uses the table of content versions it last read
# (sscportal/caching/versions.py): a cache hit then costs one round trip, and
# another worker's change shows here this much later at most.
CACHE_VERSIONS_SECONDS = float(env_str("CACHE_VERSIONS_SECONDS", "0.2"))

# --- Languages ------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Dates in UN style ("19 December 2008") in both languages, with Latin digits:
# sscportal/formats/<lang>/formats.py says why.
FORMAT_MODULE_PATH = ["sscportal.formats"]
TIME_ZONE = "UTC"

# How each language's text is indexed and searched (sscportal/search/): a
# PostgreSQL text search configuration, stemming where PostgreSQL has a
# stemmer for the language ("english", "french"...) and "simple" where it
# has none, and optionally a normalising SQL function applied first (Arabic:
# migration sscportal 0001). A language not listed is searched with "simple".
SEARCH_LANGUAGES = {
    "en": {"configuration": "english"},
    "ar": {"configuration": "simple", "normalize": "ssc_arabic_normalize"},
}


def language_fallbacks(languages):
    """modeltranslation's fallbacks: each language to the others, in LANGUAGES order.

    Any language may be the only one an item is written in. A settings module
    that changes LANGUAGES calls this again: the value is computed here, once.
    """
    codes = [code for code, _name in languages]
    return {
        "default": tuple(codes),
        **{code: tuple(other for other in codes if other != code) for code in codes},
    }


MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = language_fallbacks(LANGUAGES)
# The tabbed admin wants jQuery UI; ours is vendored, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static files ---------------------------------------------------------
STATIC_URL = "static/"
# Where collectstatic writes and whitenoise reads. The drills collect into a
# folder of their own: whitenoise lists this folder whenever a site (or a test
# client) starts, and a collectstatic running beside it deletes files mid-list.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# --- Files and images the site hosts (media/, docs/OPERATIONS.md) ------------
# Uploaded files are kept in MEDIA_ROOT, or in an S3-compatible object store
# when AWS_STORAGE_BUCKET_NAME is set. Readers never reach the store directly:
# front/media.py answers every file after checking that readers may see it
# (a file of a draft is 404), and for S3 redirects to a short-lived signed URL.
# So the web server must not serve MEDIA_ROOT, and the bucket stays private.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
# How long a signed URL to a file in the bucket stays valid, in seconds.
MEDIA_SIGNED_URL_SECONDS = int(env_str("MEDIA_SIGNED_URL_SECONDS", "60"))
# What an upload may weigh, in megabytes, and how many pixels an image may
# have: a larger picture is refused before it is decoded (a decompression bomb
# is a few kilobytes that decode to gigabytes).
MEDIA_MAX_DOCUMENT_MB = int(env_str("MEDIA_MAX_DOCUMENT_MB", "100"))
MEDIA_MAX_IMAGE_MB = int(env_str("MEDIA_MAX_IMAGE_MB", "20"))
MEDIA_MAX_IMAGE_PIXELS = int(env_str("MEDIA_MAX_IMAGE_PIXELS", str(50_000_000)))
# The widths of the smaller copies every image gets (WebP), for srcset.
MEDIA_IMAGE_WIDTHS = (320, 640, 1280)


def file_storage():
    """The default storage: the filesystem, or an S3-compatible bucket (django-storages)."""
    if not AWS_STORAGE_BUCKET_NAME:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Empty: AWS itself; else MinIO, Ceph, Garage, another provider's endpoint.
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            # Empty: boto3 finds credentials itself (instance role, ~/.aws).
            "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
            "location": env_str("AWS_LOCATION", ""),
            # Private objects, read through signed URLs only; a name never reused.
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": MEDIA_SIGNED_URL_SECONDS,
            # Signature version 4: what every S3-compatible store accepts today.
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }


STORAGES = {
    "default": file_storage(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security ---------------------------------------------------------------
# These hold in development too, so a page that breaks them breaks early.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Features the site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Admin login throttling (django-axes): the 6th wrong password for a username
# from one address within the cool-off time is refused.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "sscportal.operations.errors.locked_out"
# Behind a reverse proxy, set AXES_IPWARE_PROXY_COUNT to the number of proxies
# in front of the site, so the client address is read from X-Forwarded-For
# rather than the proxy's own (see README, "Deploying"); axes reads it through
# django-ipware, which counts differently (sscportal.configuration.env.client_address_settings).
globals().update(client_address_settings(int(env_str("AXES_IPWARE_PROXY_COUNT", "0"))))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Logs, error reports, metrics -----------------------------------------
# One line a record: `2026-12-02T04:30:00.123Z WARNING logger [req=<id>] message`
# (UTC), or one JSON object a line with LOG_FORMAT=json (sscportal/operations/logs.py).
LOG_FORMAT = env_choice("LOG_FORMAT", "text", ["text", "json"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "sscportal.operations.logs.RequestIdFilter"},
        "disallowed_host_as_warning": {"()": "sscportal.operations.logs.DisallowedHostAsWarning"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "text": {"()": "sscportal.operations.logs.TextFormatter"},
        "json": {"()": "sscportal.operations.logs.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
        # Errors (500s among them) mailed to ADMINS, when set and DEBUG is off.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "formatter": "text",
            "filters": ["request_id", "require_debug_false"],
        },
    },
    "root": {"handlers": ["console", "mail_admins"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's default configuration gives the "django" logger a console
        # handler of its own (under DEBUG) and its records also reach the
        # root's, so each line was printed twice. The root's handlers alone
        # print (and mail) them.
        "django": {"handlers": []},
        # Configuring "django" resets its children: the dev server's request
        # lines are INFO, below the root's level, so they get the handler here.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Scanners send any Host: one warning line each, not an error with its traceback.
        "django.security.DisallowedHost": {"filters": ["disallowed_host_as_warning"]},
    },
}

# Error mails: `ADMINS="Name <email>,Name2 <email2>"`, sent through this SMTP server.
ADMINS = env_admins("ADMINS")
SERVER_EMAIL = env_str("SERVER_EMAIL", "root@localhost")
EMAIL_SUBJECT_PREFIX = "[sscportal] "
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # TLS from the start, usually port 465
# A mail is sent while the failing request waits: an SMTP server that does
# not answer must not hold a worker for long.
EMAIL_TIMEOUT = int(env_str("EMAIL_TIMEOUT", "10"))
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
# In development, with no EMAIL_HOST given, mails (alert confirmations and
# digests) are printed on the console instead of sent: a newcomer needs no
# mail server, and no test address gets a real mail. Production sends by SMTP.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and "EMAIL_HOST" not in os.environ
    else "django.core.mail.backends.smtp.EmailBackend",
)
# The sender of the e-mail alerts (alerts/mail.py).
DEFAULT_FROM_EMAIL = env_email("DEFAULT_FROM_EMAIL", "alerts@sscportal.example")

# --- E-mail alerts (alerts/) ------------------------------------------------
# Addresses are personal data (the privacy notice, pages/legal.py, says these
# numbers): one never confirmed is deleted after ALERTS_UNCONFIRMED_DAYS (its
# confirmation link expires then too), one unsubscribed after
# ALERTS_UNSUBSCRIBED_DAYS (0: at once). `delete_stale_subscriptions` deletes them.
ALERTS_UNCONFIRMED_DAYS = int(env_str("ALERTS_UNCONFIRMED_DAYS", "7"))
ALERTS_UNSUBSCRIBED_DAYS = int(env_str("ALERTS_UNSUBSCRIBED_DAYS", "0"))
# Subscription requests per client address (as django-axes reads it), and
# confirmation mails per address: against using the form to flood a mailbox.
ALERTS_SUBSCRIBE_RATE = env_rate("ALERTS_SUBSCRIBE_RATE", "10/hour")
ALERTS_MAILS_PER_ADDRESS = env_rate("ALERTS_MAILS_PER_ADDRESS", "3/day")

# Sentry, when SENTRY_DSN is set and sentry-sdk is installed (the `sentry`
# extra); sentry-sdk itself reads SENTRY_ENVIRONMENT and SENTRY_RELEASE.
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    from sscportal.operations.sentry import start_sentry

    start_sentry(SENTRY_DSN)

# /metrics (sscportal/operations/metrics.py): who may read it, and where worker processes
# add up their counts (set by the gunicorn configuration; unset, each process
# counts alone).
METRICS_ALLOW = env_networks("METRICS_ALLOW", ["127.0.0.0/8", "::1"])
METRICS_TOKEN = env_secret("METRICS_TOKEN", min_length=16)
PROMETHEUS_MULTIPROC_DIR = env_directory("PROMETHEUS_MULTIPROC_DIR")

# --- API ----------------------------------------------------------------------
# /api/v1/ (front/api/, docs/API.md): Django REST framework for the views,
# drf-spectacular for the OpenAPI document. Anonymous and read-only: no
# authentication, no parsers, JSON only.
# Requests per client address (as django-axes reads it): "120/minute", per
# second, minute, hour or day; "0" or empty for no limit.
API_RATE = env_rate("API_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "front.api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "front.api.problems.exception_handler",
    # ?format= is not the API's to take: a list may have a filter of that name one day.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "South-South Cooperation: open data API",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "DESCRIPTION": "",  # front/api/schema.py
    "SERVE_INCLUDE_SCHEMA": False,
    # In the order of front/api/urls.py: the sections in the format's order, then the log.
    "SORT_OPERATIONS": False,
    "POSTPROCESSING_HOOKS": ["front.api.schema.add_components"],
}
# Who publishes the site: named in the header's identifier line, the footer
# (templates/includes/site_owner.html, site_footer.html) and the legal pages
# (pages/legal.py). The defaults describe this demonstration, which no United
# Nations body publishes: an operator sets its own name, emblem (a file under
# static/), postal address (shown when set) and contact address.
SITE_OWNER_NAME = {
    "en": env_str("SITE_OWNER_NAME_EN", "sscportal editorial team"),
    "ar": env_str("SITE_OWNER_NAME_AR", "فريق تحرير بوابة التعاون فيما بين بلدان الجنوب"),
}
SITE_OWNER_ADDRESS = {
    "en": env_str("SITE_OWNER_ADDRESS_EN", ""),
    "ar": env_str("SITE_OWNER_ADDRESS_AR", ""),
}
SITE_OWNER_EMAIL = env_email("SITE_OWNER_EMAIL", "editors@sscportal.example")
SITE_OWNER_EMBLEM = env_static_file("SITE_OWNER_EMBLEM", "img/logo-ink.svg", BASE_DIR / "static")
# The open data (/{lang}/data/, docs/OPEN_DATA.md): the licence the content is
# offered under, stated on the data page and in the data package.
CONTENT_LICENSE_NAME = env_str(
    "CONTENT_LICENSE_NAME", "Creative Commons Attribution 4.0 International"
)
CONTENT_LICENSE_URL = env_str("CONTENT_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/")
# Where the full dumps (/data/sscportal-content.json.gz, /data/sscportal-datapackage.zip)
# are kept: built on the first request after a content change, one file per dump
# and content version (sscportal/open_data/dumps.py). Shared by the workers of one
# server; each server of several builds its own.
DATA_DUMP_ROOT = Path(env_str("DATA_DUMP_ROOT", str(BASE_DIR / "var" / "dumps")))
# The IATI files (/iati/activities.xml, /iati/organisations.xml; docs/OPEN_DATA.md)
# name whoever runs the site as their reporting organisation. The reference
# defaults to a placeholder of the shape the IATI Secretariat gives publishers
# with no other registration ("XI-IATI-..."): an operator who publishes to the
# IATI Registry sets the identifier it holds. The type is IATI's
# OrganisationType code; 90 (Other) until the operator says what it is (a UN
# entity is 40, Multilateral), since a default cannot know who runs the site.
IATI_REPORTING_ORG_REF = iati_organisation_identifier(
    "IATI_REPORTING_ORG_REF", env_str("IATI_REPORTING_ORG_REF", "XI-IATI-SSCPORTAL")
)
IATI_REPORTING_ORG_TYPE = env_choice("IATI_REPORTING_ORG_TYPE", "90", IATI_ORGANISATION_TYPES)
IATI_REPORTING_ORG_NAME = {
    "en": env_str("IATI_REPORTING_ORG_NAME_EN", "South-South Cooperation portal"),
    "ar": env_str("IATI_REPORTING_ORG_NAME_AR", "بوابة التعاون فيما بين بلدان الجنوب"),
}
