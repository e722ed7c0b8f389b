#!/bin/sh
# The container's command: gunicorn with deploy/gunicorn.conf.py, after the
# migrations when MIGRATE_ON_START=1. Migrate from one container only (or
# from a one-off `container-start.sh` run with the flag before starting the
# others): two migrating at once can trip over each other.
set -eu
cd "$(dirname "$0")/.."

if [ "${MIGRATE_ON_START:-0}" = 1 ]; then
    python manage.py migrate --noinput
    # Both idempotent: countries and goals, and the Editors and Publishers groups.
    python manage.py load_reference_data
    python manage.py setup_roles
fi
exec gunicorn --config deploy/gunicorn.conf.py sscportal.wsgi
