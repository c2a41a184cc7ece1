#!/usr/bin/env bash
# Runs the app on SQLite with the demo story ingested, at http://127.0.0.1:8000/.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
ensure_venv

export DJANGO_DEBUG=1
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py ingest data/stories/biden-zelensky-call/
echo "==> serving on http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/; create an account with .venv/bin/python manage.py createsuperuser)"
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
