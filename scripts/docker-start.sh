#!/bin/sh
# Start-up of the web container: migrate, ingest the demo story, serve with gunicorn.
set -e
python manage.py migrate --noinput
python manage.py ingest data/stories/biden-zelensky-call/
exec gunicorn newsroom.wsgi:application --bind 0.0.0.0:8000 --workers "${GUNICORN_WORKERS:-2}" --access-logfile -
