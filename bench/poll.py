"""Time the timeline's live-update poll, when nothing changed, against a trivial page.

    .venv/bin/python bench/poll.py [--requests 200]

Ingests the demo story into a throwaway SQLite database, then in one process (Django's test
client, debug off, the full middleware) takes turns requesting the poll with the ETag of its
last answer (answered 304 Not Modified) and the admin login page, the trivial baseline
bench/load.py uses. It prints the median of each, the median of a poll that finds a new
article (200), and the 304's median over the baseline's (target at most 2).
"""

import argparse
import io
import os
import secrets
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEMO = PROJECT_DIR / "data/stories/biden-zelensky-call"
TARGET_RATIO = 2.0


def configure(database_path):
    """Settings for a throwaway database, served over plain HTTP to the test client."""
    os.environ.update(
        DATABASE_URL=f"sqlite:///{database_path}",
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
    )
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.conf import settings

    # WhiteNoise looks for collected files, which this bench does not need.
    warnings.filterwarnings("ignore", "No directory at")

    # Static files by their plain names, as in the tests: no collectstatic into the project.
    # The baseline's {% static %} is then, if anything, cheaper than in production.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def timed(client, url, headers, status):
    """Seconds one request took; its answer must have `status`."""
    start = time.perf_counter()
    response = client.get(url, headers=headers)
    seconds = time.perf_counter() - start
    if response.status_code != status:
        raise SystemExit(f"{url} answered {response.status_code}, expected {status}")
    return seconds


def measure(requests):
    from django.core.management import call_command
    from django.test import Client

    from articles.models import Story
    from claims.updates import LiveState

    call_command("migrate", verbosity=0)
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    story = Story.objects.get()
    client = Client()
    since = LiveState(story).version
    poll = f"/stories/{story.slug}/updates/?since={since}"
    unchanged = {"if-none-match": client.get(poll)["ETag"]}
    # One older version than the page's: the newest article is news to it.
    news = f"/stories/{story.slug}/updates/?since={since - 1}"
    # The first requests warm up what each path loads once (templates, URL resolvers).
    for _ in range(10):
        timed(client, poll, unchanged, 304)
        timed(client, "/admin/login/", {}, 200)
        timed(client, news, {}, 200)
    polls, baselines, news_polls = [], [], []
    for _ in range(requests):
        polls.append(timed(client, poll, unchanged, 304))
        baselines.append(timed(client, "/admin/login/", {}, 200))
        news_polls.append(timed(client, news, {}, 200))
    return [statistics.median(times) for times in (polls, baselines, news_polls)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests of each kind")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        configure(Path(work) / "poll.sqlite3")
        poll, baseline, news = measure(options.requests)
    ratio = poll / baseline
    print(f"requests of each kind: {options.requests}")
    print(f"poll, nothing changed (304): median {poll * 1000:.2f} ms")
    print(f"trivial (admin login):       median {baseline * 1000:.2f} ms")
    print(f"poll, one new article (200): median {news * 1000:.2f} ms")
    verdict = "ok" if ratio <= TARGET_RATIO else "over target"
    print(f"304 poll / trivial: {ratio:.2f} (target <= {TARGET_RATIO:g}): {verdict}")


if __name__ == "__main__":
    main()
