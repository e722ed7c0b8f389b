#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sscportal.settings")
    # Commands may rightly run long queries (imports, exports, the corpus,
    # migrations): they are not held to the readers' statement timeout
    # (settings.py, STATEMENT_TIMEOUT_MS). The development server is.
    if sys.argv[1:2] != ["runserver"]:
        os.environ["SSCPORTAL_MANAGEMENT_COMMAND"] = "1"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
