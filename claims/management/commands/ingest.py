"""`manage.py ingest PATH|URL ...`: read article files, saved pages and web pages into a story
and print what was found, or with --background leave them to the workers."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks.backends.immediate import ImmediateBackend

from articles.intake import story_files, story_from_slug
from articles.reading import UnreadableFile, refuse_oversized
from claims.ingestion import IngestError, ingest
from claims.tasks import run_ingest_job, submit_file, submit_url

URL_SCHEMES = ("http://", "https://")


class Command(BaseCommand):
    help = (
        "Ingest article text files, saved web pages (.html) or folders of them, and web pages "
        "by their http(s):// address, into a story."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help="text files, .html files, folders of them, or URLs"
        )
        parser.add_argument(
            "--story", help="slug of the story (created if it does not exist); needed for URLs"
        )
        parser.add_argument("--workers", type=int, default=1, help="parsing processes")
        parser.add_argument(
            "--dry-run", action="store_true", help="analyse everything, store nothing"
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue a job for each file and URL and return; the workers ingest them",
        )

    def handle(self, *args, paths, story=None, workers=1, dry_run=False, **options):
        urls = [path for path in paths if path.lower().startswith(URL_SCHEMES)]
        files = [path for path in paths if path not in urls]
        if urls and not story:
            raise CommandError(f"{urls[0]}: a web address needs a story; pass --story SLUG")
        if options["background"]:
            if dry_run:
                raise CommandError("--dry-run and --background cannot be given together")
            if isinstance(run_ingest_job.get_backend(), ImmediateBackend):
                raise CommandError(
                    "--background needs workers: set NEWSROOM_TASKS=database (PostgreSQL "
                    "or SQLite) and start `manage.py db_worker`, or leave --background out"
                )
            return self.queue(files, urls, story)
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0
        done = []

        def progress(name, total):
            done.append(name)
            filled = round(30 * len(done) / total)
            bar = "#" * filled + " " * (30 - filled)
            sys.stderr.write(f"\r[{bar}] {len(done)}/{total} {name[:40]:<40}")
            sys.stderr.flush()

        try:
            report = ingest(
                files,
                story_slug=story,
                workers=workers,
                dry_run=dry_run,
                progress=progress if show_progress else None,
                urls=urls,
            )
        except IngestError as error:
            raise CommandError(str(error)) from error
        if done:
            sys.stderr.write("\n")
        self.report_failures(report.failed)
        prefix = "dry run, nothing stored: " if dry_run else ""
        self.stdout.write(prefix + report.summary())
        if report.failed:
            names = ", ".join(name for name, _ in report.failed)
            items = "file(s) or web address(es)" if urls else "file(s)"
            raise CommandError(f"{len(report.failed)} {items} could not be ingested: {names}")

    def queue(self, files, urls, story_slug):
        """A job for each file and URL; the files are read now, so a worker elsewhere has them."""
        try:
            article_files, problems = story_files(files, story_slug)
        except IngestError as error:
            raise CommandError(str(error)) from error
        jobs = 0
        for article_file in article_files:
            try:
                content = _read_bytes(article_file.path)
            except UnreadableFile as error:
                problems.append((article_file.path.name, str(error)))
                continue
            submit_file(
                article_file.story, article_file.path.name, content, stated=article_file.stated
            )
            jobs += 1
        if urls:
            url_story = story_from_slug(story_slug)
            for url in urls:
                submit_url(url_story, url)
                jobs += 1
        self.report_failures(problems)
        self.stdout.write(
            f"{jobs} job(s) queued. A worker ingests them: "
            "NEWSROOM_TASKS=database .venv/bin/python manage.py db_worker"
        )
        if problems:
            names = ", ".join(name for name, _ in problems)
            raise CommandError(f"{len(problems)} item(s) could not be queued: {names}")

    def report_failures(self, failures):
        for name, reason in failures:
            self.stderr.write(
                f"failed: {reason}" if name in reason else f"failed: {name}: {reason}"
            )


def _read_bytes(path):
    """The file's bytes, refused by name when too big or unreadable."""
    try:
        refuse_oversized(path.name, path.stat().st_size, settings.NEWSROOM_MAX_FILE_BYTES)
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"{path.name}: cannot be read ({error.strerror})") from None
