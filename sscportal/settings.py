"""Settings for sscportal, read from the environment with development defaults.

Production deployments set DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL
(see README.md, "Configuration").
"""

import datetime
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import client_address_settings, env_bool, env_list, env_str
from .site import canonical_site_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The canonical origin every absolute URL is built from (sscportal/site.py),
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
    "axes",
    # Only for its static files: the Tiptap bundle of the admin's rich-text
    # editor (sscportal/rich_text.py); its own widget and field are not used.
    "django_prose_editor",
    # The ground: shared helpers, imported by every app below, importing none.
    "sscportal",
    # Content, each app building on the ones before it.
    "initiatives",
    "events",
    "statements",
    "resources",
    # The site's own pages (about the Day, accessibility...): they need only the ground.
    "pages",
    # The roof: pages across content types, and the import/export of content.
    "front",
    "exchange",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "sscportal.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sscportal.middleware.DatabaseUnavailableMiddleware",
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
    from .embedded_db import embedded_database

    DATABASES = {"default": embedded_database(BASE_DIR / ".pgdata")}
DATABASES["default"].update(
    CONN_MAX_AGE=int(env_str("CONN_MAX_AGE", "60")),
    # A connection kept across requests is checked before reuse, so a
    # restarted database server does not leave workers with dead sockets.
    CONN_HEALTH_CHECKS=True,
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
# The layers below whole pages, each switchable to measure what it earns
# (`make bench` runs a pass with both off): rendered list items and search
# results, and each worker's memory of values read from the shared cache.
CACHE_FRAGMENTS = env_bool("CACHE_FRAGMENTS", True)
CACHE_WORKER_MEMORY = env_bool("CACHE_WORKER_MEMORY", True)

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

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Either language may be the only one written; each falls back to the other.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ar"), "en": ("ar",), "ar": ("en",)}
# The tabbed admin wants jQuery UI; ours is vendored, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static files ---------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
AXES_LOCKOUT_CALLABLE = "sscportal.errors.locked_out"
# Behind a reverse proxy, set AXES_IPWARE_PROXY_COUNT to the number of proxies
# in front of the site, so the client address is read from X-Forwarded-For
# rather than the proxy's own (see README, "Deploying"); axes reads it through
# django-ipware, which counts differently (sscportal.env.client_address_settings).
globals().update(client_address_settings(int(env_str("AXES_IPWARE_PROXY_COUNT", "0"))))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

from django.utils.log import DEFAULT_LOGGING  # noqa: E402

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"django.server": DEFAULT_LOGGING["formatters"]["django.server"]},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": DEFAULT_LOGGING["handlers"]["django.server"],
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's default configuration gives the "django" logger a console
        # handler of its own (under DEBUG) and its records also reach the
        # root's, so each line was printed twice. The root's handler alone
        # prints them.
        "django": {"handlers": []},
        # Configuring "django" resets its children: the dev server's request
        # lines keep Django's own handler, with their timestamps.
        "django.server": DEFAULT_LOGGING["loggers"]["django.server"],
    },
}
