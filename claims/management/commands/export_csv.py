"""`manage.py export_csv TABLE`: one research table as CSV, streamed to stdout or a file."""

from django.core.management.base import BaseCommand, CommandError

from articles.models import Story
from claims.export import TABLES, table
from newsroom.csv_streaming import csv_lines


class Command(BaseCommand):
    help = (
        "Export one research table as CSV: "
        "articles, quotes, claims, mentions, positions or versions."
    )

    def add_arguments(self, parser):
        parser.add_argument("table", choices=TABLES)
        parser.add_argument("--story", help="slug of one story (all stories by default)")
        parser.add_argument("--output", help="file to write (standard output by default)")
        parser.add_argument(
            "--excel", action="store_true", help="start with a byte-order mark for Excel"
        )

    def handle(self, *args, story=None, output=None, excel=False, **options):
        chosen_story = None
        if story:
            chosen_story = Story.objects.filter(slug=story).first()
            if chosen_story is None:
                raise CommandError(f"--story: no story with the slug {story!r}")
        header, rows = table(options["table"], chosen_story)
        lines = csv_lines(header, rows, excel=excel)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                out.writelines(lines)
        else:
            for line in lines:
                self.stdout.write(line, ending="")
