"""Background ingestion jobs: a page that keeps failing is retried with backoff and then fails
with its reason, a job is ingested once however many workers are handed it, and on PostgreSQL
two workers share one queue without ingesting anything twice."""

import datetime
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, IngestJob, IngestStatus, Story
from articles.store import GivenMetadata
from claims.models import Claim, Mention
from claims.tasks import run_ingest_job, submit_text, submit_url

from .test_ingest_urls import article_page, serve_page

PROJECT = Path(__file__).resolve().parent.parent
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def fetching(settings):
    """Local pages may be fetched; retries come at once."""
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True
    settings.NEWSROOM_FETCH_RETRY_SECONDS = 0.01
    settings.NEWSROOM_FETCH_ATTEMPTS = 3


@pytest.fixture
def immediate(settings):
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def queued(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def harbour(db):
    return Story.objects.create(title="Harbour strike", slug="harbour-strike")


def test_with_the_immediate_backend_a_page_answering_503_is_tried_again_then_given_up(
    harbour, local_site, fetching, immediate
):
    url = serve_page(local_site, "/busy", "Busy", status=503)

    job = submit_url(harbour, url)

    assert job.status == IngestStatus.FAILED
    assert job.attempts == 3
    assert job.error == f"gave up after 3 attempts: {url}: HTTP 503 Service Unavailable"
    assert not Article.objects.exists()


def test_a_page_that_is_not_there_fails_at_once_with_its_reason(
    harbour, local_site, fetching, immediate
):
    url = serve_page(local_site, "/gone", "Gone", status=404)

    job = submit_url(harbour, url)

    assert (job.status, job.attempts) == (IngestStatus.FAILED, 1)
    assert job.error == f"{url}: HTTP 404 Not Found"


def test_a_fetched_page_becomes_an_article_with_what_the_editor_gave(
    harbour, local_site, fetching, immediate
):
    url = serve_page(local_site, "/ferry", article_page())

    job = submit_url(harbour, url, given=GivenMetadata(outlet="Harbour Herald"))

    assert (job.status, job.outcome, job.attempts) == (IngestStatus.DONE, "new", 1)
    assert job.article.title == "Ferry strike ends after three days"
    assert job.article.source.name == "Harbour Herald"
    assert job.content == b""


def test_a_job_already_taken_is_not_ingested_again(harbour, immediate):
    job = submit_text(harbour, "bridge.txt", 'The mayor said "the bridge will reopen soon."')
    assert job.status == IngestStatus.DONE

    assert run_ingest_job.call(job.pk) == "skipped"
    job.refresh_from_db()
    assert job.attempts == 1
    assert Article.objects.count() == 1


def run_queue_until_finished(job, seconds=60):
    """Run the database queue in this process, as `db_worker --batch` would, until the job is
    finished; a retry waits in the queue until its time comes."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0",
            verbosity=0,
        )
        job.refresh_from_db()
        if job.status not in (IngestStatus.QUEUED, IngestStatus.RETRYING):
            return job
        time.sleep(0.05)
    raise AssertionError(f"the job is still {job.status}")


@pytest.mark.django_db(transaction=True)
def test_on_the_database_backend_a_retry_waits_in_the_queue_then_the_job_gives_up(
    local_site, fetching, queued
):
    harbour = Story.objects.create(title="Harbour strike", slug="harbour-strike")
    url = serve_page(local_site, "/busy", "Busy", status=503)

    job = submit_url(harbour, url)
    assert job.status == IngestStatus.QUEUED
    job = run_queue_until_finished(job)

    assert job.status == IngestStatus.FAILED
    assert job.attempts == 3
    assert job.error == f"gave up after 3 attempts: {url}: HTTP 503 Service Unavailable"
    # The first task and a deferred one for each retry, each run once.
    runs = DBTaskResult.objects.order_by("enqueued_at")
    assert runs.count() == 3
    assert all(run.run_after is not None for run in runs[1:])


# --- Two workers on PostgreSQL -----------------------------------------------------------------


def start_worker(worker_id):
    """`manage.py db_worker --batch` in its own process, on the test database."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "NEWSROOM_TASKS": "database",
        "NEWSROOM_FETCH_ALLOW_PRIVATE": "1",
        "DJANGO_DEBUG": "1",
    }
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--interval",
        "0.1",
        "--worker-id",
        worker_id,
    ]
    return subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has one writer at a time; workers sharing a queue is PostgreSQL's case",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_share_the_queue_and_ingest_each_page_once(local_site, fetching, queued):
    harbour = Story.objects.create(title="Harbour strike", slug="harbour-strike")
    towns = ["Lowtown", "Eastport", "Millbrook", "Ashford", "Kelvin Bay", "Northgate"]
    urls = [
        serve_page(local_site, f"/news/{number}", article_page(town=town))
        for number, town in enumerate(towns)
    ]
    jobs = [submit_url(harbour, url) for url in urls]
    # The same page sent twice: the second job finds the article stored already.
    jobs.append(submit_url(harbour, urls[0]))

    workers = [start_worker("A"), start_worker("B")]
    outputs = [worker.communicate(timeout=300)[0] for worker in workers]

    assert [worker.returncode for worker in workers] == [0, 0], outputs
    statuses = IngestJob.objects.values_list("status", flat=True)
    assert set(statuses) == {IngestStatus.DONE}
    assert Article.objects.filter(story=harbour).count() == len(towns)
    for job in jobs:
        job.refresh_from_db()
        assert job.article is not None
        assert job.attempts == 1
    assert sorted(IngestJob.objects.values_list("outcome", flat=True)) == [
        *["new"] * len(towns),
        "unchanged",
    ]
    duplicated_claims = Claim.objects.values("story", "text").annotate(n=Count("pk"))
    assert not duplicated_claims.filter(n__gt=1).exists()
    duplicated_mentions = Mention.objects.values("article", "claim", "start").annotate(
        n=Count("pk")
    )
    assert not duplicated_mentions.filter(n__gt=1).exists()
    assert Mention.objects.filter(article__story=harbour).exists()
    # Each task ran once, by one worker, and both workers took a share.
    runs = DBTaskResult.objects.all()
    assert all(len(run.worker_ids) == 1 for run in runs)
    assert {run.worker_ids[0] for run in runs} == {"A", "B"}


def stall(job, minutes_ago, attempts):
    """Leave the job as a worker that died mid-run leaves it: running, untouched since."""
    then = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    IngestJob.objects.filter(pk=job.pk).update(
        status=IngestStatus.RUNNING, attempts=attempts, updated_at=then
    )


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_queues_again_a_job_whose_worker_died_and_fails_one_out_of_attempts(
    local_site, fetching, queued, settings
):
    settings.NEWSROOM_JOB_STALLED_SECONDS = 60
    harbour = Story.objects.create(title="Harbour strike", slug="harbour-strike")
    url = serve_page(local_site, "/strike", article_page())
    died = submit_url(harbour, url)
    out_of_attempts = submit_url(harbour, serve_page(local_site, "/other", "Other"))
    busy = submit_url(harbour, serve_page(local_site, "/busy", "Busy"))
    stall(died, minutes_ago=30, attempts=1)
    stall(out_of_attempts, minutes_ago=30, attempts=3)
    stall(busy, minutes_ago=0, attempts=1)

    out = io.StringIO()
    call_command("feeds", "watch", "--every", "1", "--rounds", "1", stdout=out)

    assert "jobs whose worker stopped: 1 queued again, 1 failed" in out.getvalue()
    out_of_attempts.refresh_from_db()
    assert out_of_attempts.status == IngestStatus.FAILED
    assert out_of_attempts.error == "the worker stopped during attempt 3; gave up"
    busy.refresh_from_db()
    assert busy.status == IngestStatus.RUNNING
    died = run_queue_until_finished(died)
    assert died.status == IngestStatus.DONE
    assert died.article.title == "Ferry strike ends after three days"
