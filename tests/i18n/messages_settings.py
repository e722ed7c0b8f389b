"""Settings for extracting interface strings into a scratch folder (test_translations)."""

import os
from pathlib import Path

from sscportal.settings import *  # noqa: F403

LOCALE_PATHS = [Path(os.environ["EXTRACT_LOCALE_DIR"])]
