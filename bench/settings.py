"""Settings for `make bench`: production behaviour, on loopback, with one trivial view added."""

from sscportal.settings import *  # noqa: F403
from sscportal.settings import STORAGES

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
