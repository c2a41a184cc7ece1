"""Background ingestion: a job for each URL, uploaded file or pasted text, run by a django-tasks
worker, retried with backoff when a page could not be fetched for a reason that may pass.

With a backend that can defer a task (the database one), a retry is a new task to run later,
so a worker is never held up waiting. The immediate backend cannot defer: the job then makes
its attempts at once, each wait capped at MAX_IMMEDIATE_WAIT_SECONDS, so a failing page holds
up the request that asked for it by a few seconds at most.
"""

import dataclasses
import datetime
import time

from django.conf import settings
from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from articles.intake import is_saved_page_name, looks_like_html
from articles.manifest import StatedMetadata, with_stated
from articles.models import IngestJob, IngestKind, IngestStatus
from articles.reading import UnreadableFile, refuse_oversized
from articles.store import GivenMetadata

from .ingestion import (
    PASTED_TEXT,
    FetchError,
    store_text,
    text_from_html,
    text_from_upload,
    text_from_url,
)

# The statuses of a job that a worker has yet to finish: pages showing them keep refreshing.
PENDING_STATUSES = (IngestStatus.QUEUED, IngestStatus.RUNNING, IngestStatus.RETRYING)
# The longest wait between two attempts when the backend runs the job inside the request.
MAX_IMMEDIATE_WAIT_SECONDS = 1.0
# The key of `IngestJob.given` that holds a story.toml's stated metadata for a file.
STATED_KEY = "stated"


def submit_url(story, url, *, created_by=None, feed_entry=None, given=None):
    """A job fetching and ingesting the page at `url` into `story`, enqueued; with the
    immediate backend it has run when this returns. `given`: a GivenMetadata or None."""
    return _submit(
        story=story,
        kind=IngestKind.URL,
        target=url,
        given=_given_json(given),
        created_by=created_by,
        feed_entry=feed_entry,
    )


def submit_file(story, file_name, content, *, created_by=None, given=None, stated=None):
    """A job ingesting an uploaded file (bytes): a saved page (.html, or HTML within) or a
    text. A file over the size limit raises UnreadableFile and makes no job. `stated`: the
    StatedMetadata a story.toml gives the file."""
    refuse_oversized(file_name, len(content), settings.NEWSROOM_MAX_FILE_BYTES)
    given_json = _given_json(given)
    if stated is not None:
        given_json[STATED_KEY] = _json_fields(stated)
    return _submit(
        story=story,
        kind=IngestKind.FILE,
        target=file_name,
        content=bytes(content),
        given=given_json,
        created_by=created_by,
    )


def submit_text(story, file_name, text, *, created_by=None, given=None):
    """A job ingesting a pasted text, named `file_name` or, without one, after its metadata.
    A text over the size limit raises UnreadableFile and makes no job."""
    content = text.encode("utf-8")
    refuse_oversized(file_name or PASTED_TEXT, len(content), settings.NEWSROOM_MAX_FILE_BYTES)
    return _submit(
        story=story,
        kind=IngestKind.TEXT,
        target=file_name or PASTED_TEXT,
        content=content,
        given=_given_json(given),
        created_by=created_by,
    )


def _submit(**fields):
    job = IngestJob.objects.create(**fields)
    _enqueue(job)
    job.refresh_from_db()
    return job


def _enqueue(job, run_after=None):
    runner = run_ingest_job.using(run_after=run_after) if run_after else run_ingest_job
    result = runner.enqueue(job.pk)
    # An update, not a save: the immediate backend has already run the job and saved it.
    IngestJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


@task()
def run_ingest_job(job_id):
    """Run one job: ingest its item and record the outcome, or why it failed. A job another
    worker has taken, or one already finished, is left alone."""
    if not _claim(job_id):
        return "skipped"
    job = IngestJob.objects.select_related("story").get(pk=job_id)
    while True:
        try:
            outcome, article = ingest_item(job)
        except FetchError as error:
            if not error.retryable:
                return _finish(job, IngestStatus.FAILED, error=str(error))
            if job.attempts >= settings.NEWSROOM_FETCH_ATTEMPTS:
                reason = f"gave up after {job.attempts} attempts: {error}"
                return _finish(job, IngestStatus.FAILED, error=reason)
            if run_ingest_job.get_backend().supports_defer:
                return _retry_later(job, error)
            time.sleep(min(retry_delay(job.attempts), MAX_IMMEDIATE_WAIT_SECONDS))
            job.attempts += 1
            job.save(update_fields=["attempts", "updated_at"])
        except UnreadableFile as error:
            return _finish(job, IngestStatus.FAILED, error=str(error))
        except (DatabaseError, ValueError) as error:
            problem = f"{job.target}: could not be stored: {error}"
            return _finish(job, IngestStatus.FAILED, error=problem)
        except Exception as error:
            # Recorded for editors, then raised so the worker logs the traceback.
            problem = f"{job.target}: could not be ingested ({type(error).__name__}: {error})"
            _finish(job, IngestStatus.FAILED, error=problem)
            raise
        else:
            return _finish(job, IngestStatus.DONE, outcome=outcome, article=article)


def _claim(job_id):
    """Mark the job running if it waits for a worker; False when another worker has it.

    One UPDATE does both, so of two workers handed the same job only one gets it."""
    claimed = IngestJob.objects.filter(
        pk=job_id, status__in=[IngestStatus.QUEUED, IngestStatus.RETRYING]
    ).update(status=IngestStatus.RUNNING, attempts=F("attempts") + 1, updated_at=timezone.now())
    return claimed == 1


def requeue_stalled_jobs():
    """Queue again each job left "running" for longer than NEWSROOM_JOB_STALLED_SECONDS,
    whose worker must have died; one that has used its last attempt fails, saying so.
    The number of jobs queued again and failed."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.NEWSROOM_JOB_STALLED_SECONDS)
    stalled = IngestJob.objects.filter(status=IngestStatus.RUNNING, updated_at__lt=cutoff)
    requeued = failed = 0
    for job in stalled.only("pk", "attempts", "updated_at"):
        stopped = f"the worker stopped during attempt {job.attempts}"
        last_attempt = job.attempts >= settings.NEWSROOM_FETCH_ATTEMPTS
        status = IngestStatus.FAILED if last_attempt else IngestStatus.RETRYING
        # Matching the status and time read makes each job change hands once, even when two
        # schedulers run.
        changed = IngestJob.objects.filter(
            pk=job.pk, status=IngestStatus.RUNNING, updated_at=job.updated_at
        ).update(
            status=status,
            error=f"{stopped}; gave up" if last_attempt else stopped,
            updated_at=timezone.now(),
        )
        if changed and last_attempt:
            failed += 1
        elif changed:
            requeued += 1
            _enqueue(job)
    return requeued, failed


def ingest_item(job):
    """Ingest the job's URL, file or text into its story: (outcome, article)."""
    given = _given_metadata(job.given)
    if job.kind == IngestKind.URL:
        return store_text(job.story, text_from_url(job.target, given))
    content = bytes(job.content)
    if job.kind == IngestKind.FILE and (is_saved_page_name(job.target) or looks_like_html(content)):
        text = text_from_html(job.target, content, metadata=given)
    elif job.kind == IngestKind.FILE:
        text = text_from_upload(job.target, content, given)
    else:
        file_name = "" if job.target == PASTED_TEXT else job.target
        text = text_from_upload(file_name, content.decode("utf-8"), given)
    if STATED_KEY in job.given:
        text = with_stated(text, _stated_metadata(job.given[STATED_KEY]))
    return store_text(job.story, text)


def retry_delay(attempts):
    """Seconds to wait after `attempts` failed attempts: the base, doubled each time."""
    return settings.NEWSROOM_FETCH_RETRY_SECONDS * 2 ** (attempts - 1)


def _retry_later(job, error):
    delay = retry_delay(job.attempts)
    job.status = IngestStatus.RETRYING
    job.error = f"{error} (attempt {job.attempts} of {settings.NEWSROOM_FETCH_ATTEMPTS})"
    job.save(update_fields=["status", "error", "updated_at"])
    _enqueue(job, run_after=timezone.now() + datetime.timedelta(seconds=delay))
    return IngestStatus.RETRYING.value


def _finish(job, status, *, outcome="", article=None, error=""):
    job.status, job.outcome, job.article, job.error = status, outcome, article, error
    # The content was kept only to be ingested.
    job.content = b""
    job.save(update_fields=["status", "outcome", "article", "error", "content", "updated_at"])
    return status.value


def _given_json(given):
    return _json_fields(given) if given is not None else {}


def _json_fields(metadata):
    """A metadata dataclass's fields that say something, dates as ISO text."""
    fields = {}
    for name, value in dataclasses.asdict(metadata).items():
        if value:
            fields[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return fields


def _given_metadata(fields):
    return _metadata(GivenMetadata, {k: v for k, v in fields.items() if k != STATED_KEY})


def _stated_metadata(fields):
    return _metadata(StatedMetadata, fields)


def _metadata(kind, fields):
    published = fields.get("published")
    return kind(
        **{**fields, "published": datetime.date.fromisoformat(published) if published else None}
    )
