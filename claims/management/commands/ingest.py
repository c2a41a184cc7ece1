"""`manage.py ingest PATH ...`: read article files into a story and print what was found."""

import sys

from django.core.management.base import BaseCommand, CommandError

from claims.ingestion import IngestError, ingest


class Command(BaseCommand):
    help = "Ingest article text files (or folders of them) into a story."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="text files or folders of them")
        parser.add_argument("--story", help="slug of the story (created if it does not exist)")
        parser.add_argument("--workers", type=int, default=1, help="parsing processes")
        parser.add_argument(
            "--dry-run", action="store_true", help="analyse everything, store nothing"
        )

    def handle(self, *args, paths, story=None, workers=1, dry_run=False, **options):
        show_progress = sys.stderr.isatty() and options["verbosity"] > 0
        done = []

        def progress(file_name, total):
            done.append(file_name)
            filled = round(30 * len(done) / total)
            bar = "#" * filled + " " * (30 - filled)
            sys.stderr.write(f"\r[{bar}] {len(done)}/{total} {file_name[:40]:<40}")
            sys.stderr.flush()

        try:
            report = ingest(
                paths,
                story_slug=story,
                workers=workers,
                dry_run=dry_run,
                progress=progress if show_progress else None,
            )
        except IngestError as error:
            raise CommandError(str(error)) from error
        if done:
            sys.stderr.write("\n")
        for file_name, reason in report.failed:
            self.stderr.write(
                f"failed: {reason}" if file_name in reason else f"failed: {file_name}: {reason}"
            )
        prefix = "dry run, nothing stored: " if dry_run else ""
        self.stdout.write(prefix + report.summary())
        if report.failed:
            names = ", ".join(file_name for file_name, _ in report.failed)
            raise CommandError(f"{len(report.failed)} file(s) could not be ingested: {names}")
