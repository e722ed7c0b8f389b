"""Production settings: the development settings, hardened, with nothing defaulted.

Use with DJANGO_SETTINGS_MODULE=sscportal.settings_production. It refuses to
start without SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and SITE_URL, and passes
`manage.py check --deploy --fail-level WARNING`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"Production needs the environment variable {_name}.")

from sscportal.settings import *  # noqa: E402,F403
from sscportal.settings import STORAGES, env_bool, env_list, env_str  # noqa: E402

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
# Mails go out by SMTP (EMAIL_HOST...), never to the development console.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Compressed, fingerprinted static files served by whitenoise with far-future caching.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS only. Behind a TLS-terminating proxy that sets X-Forwarded-Proto,
# set SECURE_PROXY_SSL_HEADER=1 so Django knows the request was secure.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# /healthz answers load balancers, /metrics Prometheus, on plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz\Z", r"^metrics\Z"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
