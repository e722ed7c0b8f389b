#!/bin/sh
# One backup of sscportal: the database as pg_dump's custom format (the whole
# state: content, history, accounts) and a content export beside it (portable,
# readable, content only), both named sscportal-<UTC time>. Then deletes the
# backups older than BACKUP_KEEP_DAYS days, only once both files are written.
#
#   BACKUP_DIR        where to write (default: systemd's STATE_DIRECTORY)
#   BACKUP_KEEP_DAYS  days to keep (default 14)
#   DATABASE_URL      the database (as for the site)
#   PG_DUMP           pg_dump of the server's major version (default: pg_dump on PATH)
#   PYTHON            the site's Python (default: python on PATH)
#
# Run by deploy/systemd/sscportal-backup.service; restoring: docs/OPERATIONS.md.
set -eu

dir=${BACKUP_DIR:-${STATE_DIRECTORY:-}}
if [ -z "$dir" ]; then
    echo "backup.sh: set BACKUP_DIR to the folder for the backups" >&2
    exit 2
fi
keep_days=${BACKUP_KEEP_DAYS:-14}
: "${DATABASE_URL:?backup.sh: DATABASE_URL is not set}"

cd "$(dirname "$0")/.."
umask 077
name="$dir/sscportal-$(date -u +%Y-%m-%dT%H%M%SZ)"
# Written under a temporary name, renamed when complete: a file named
# .dump or .json is a whole one, and a failed run leaves nothing behind.
trap 'rm -f "$name.dump.partial" "$name.json.partial"' EXIT

"${PG_DUMP:-pg_dump}" --format=custom --no-owner --dbname="$DATABASE_URL" --file="$name.dump.partial"
"${PYTHON:-python}" manage.py export_content -o "$name.json.partial"
mv "$name.dump.partial" "$name.dump"
mv "$name.json.partial" "$name.json"

find "$dir" -maxdepth 1 -type f \( -name 'sscportal-*.dump' -o -name 'sscportal-*.json' \) \
    -mtime +"$keep_days" -print -delete
echo "backup.sh: wrote $name.dump and $name.json"
