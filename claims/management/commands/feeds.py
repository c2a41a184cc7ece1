"""`manage.py feeds add|list|poll|watch`: the RSS and Atom feeds stories follow, read once in
the foreground or on a schedule."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db.models import Count
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend

from articles.models import Feed, Story
from claims.feeds import poll_all, poll_feeds_task
from claims.tasks import requeue_stalled_jobs

# Ten minutes: news sites update their feeds every few minutes, and polling more often than
# that only costs them requests.
DEFAULT_EVERY_SECONDS = 600
MAX_URL_CHARS = Feed._meta.get_field("url").max_length
MAX_KEYWORDS_CHARS = Feed._meta.get_field("keywords").max_length
WORKER_COMMAND = "NEWSROOM_TASKS=database .venv/bin/python manage.py db_worker"


class Command(BaseCommand):
    help = (
        "Follow RSS and Atom feeds: add a feed to a story, list the feeds, poll every feed once, "
        "or watch (poll on a schedule until interrupted)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = actions.add_parser("add", help="follow a feed in a story, or change its keywords")
        add.add_argument("url", metavar="FEED_URL", help="the feed's http(s):// address")
        add.add_argument("--story", required=True, metavar="SLUG", help="slug of the story")
        add.add_argument(
            "--keywords",
            nargs="+",
            default=[],
            metavar="WORD",
            help="ingest only entries whose title or summary holds one of these words",
        )
        actions.add_parser("list", help="each feed: story, keywords, last poll and its error")
        actions.add_parser("poll", help="poll every active feed once, in the foreground")
        watch = actions.add_parser("watch", help="poll every active feed every N seconds")
        watch.add_argument(
            "--every",
            type=int,
            default=DEFAULT_EVERY_SECONDS,
            metavar="SECONDS",
            help=f"seconds between rounds (default {DEFAULT_EVERY_SECONDS})",
        )
        watch.add_argument(
            "--rounds",
            type=int,
            default=0,
            metavar="N",
            help="stop after N rounds (default: run until interrupted)",
        )

    def handle(self, *args, action, **options):
        if action == "add":
            self.add_feed(options["url"], options["story"], options["keywords"])
        elif action == "list":
            self.list_feeds()
        elif action == "poll":
            self.poll()
        else:
            self.watch(options["every"], options["rounds"])

    def add_feed(self, url, slug, keywords):
        url = _valid_url(url)
        story = _known_story(slug)
        words = " ".join(dict.fromkeys(word for given in keywords for word in given.split()))
        if len(words) > MAX_KEYWORDS_CHARS:
            raise CommandError(f"--keywords: at most {MAX_KEYWORDS_CHARS} characters in all")
        feed, created = Feed.objects.get_or_create(
            story=story, url=url, defaults={"keywords": words}
        )
        described = f"keywords: {words}" if words else "no keywords: every entry is ingested"
        if created:
            self.stdout.write(f"Added feed {url} to story {story.slug} ({described}).")
            return
        before, feed.keywords, feed.active = feed.keywords, words, True
        feed.save(update_fields=["keywords", "active"])
        if before == words:
            self.stdout.write(
                f"Feed {url} is already in story {story.slug}; its keywords are unchanged "
                f"({described})."
            )
        else:
            self.stdout.write(
                f"Feed {url} is already in story {story.slug}; updated its keywords from "
                f"{before or '(none)'} to {words or '(none: every entry is ingested)'}."
            )

    def list_feeds(self):
        feeds = Feed.objects.select_related("story").annotate(entries_seen=Count("entries"))
        if not feeds:
            self.stdout.write("No feeds yet: manage.py feeds add FEED_URL --story SLUG")
            return
        for feed in feeds.order_by("story__slug", "url"):
            polled = _when(feed.last_polled_at) if feed.last_polled_at else "never"
            inactive = "" if feed.active else " (inactive: not polled)"
            self.stdout.write(f"{feed.story.slug}  {feed.url}{inactive}")
            self.stdout.write(
                f"    keywords: {feed.keywords or '(none: every entry)'}; "
                f"last polled: {polled}; entries seen: {feed.entries_seen}"
            )
            for line in feed.last_error.splitlines():
                self.stdout.write(f"    last error: {line}")

    def poll(self):
        reports = poll_all()
        if not reports:
            self.stdout.write("No active feeds to poll: manage.py feeds add FEED_URL --story SLUG")
            return
        self.write_reports(reports)
        submitted = sum(report.submitted for report in reports)
        if submitted and not _polls_in_process():
            self.stdout.write(f"{submitted} job(s) queued. A worker ingests them: {WORKER_COMMAND}")
        unread = [report.feed.url for report in reports if report.feed_error]
        if unread:
            raise CommandError(
                f"{len(unread)} of {len(reports)} feed(s) could not be read: {', '.join(unread)}"
            )

    def write_reports(self, reports):
        for report in reports:
            self.stdout.write(report.summary())
            self.write_errors(report)

    def write_errors(self, report):
        for error in report.errors:
            self.stderr.write(f"    error: {error}")

    def watch(self, every, rounds):
        if every < 1:
            raise CommandError("--every: give at least 1 second between rounds")
        in_process = _polls_in_process()
        where = "in this process" if in_process else "by the workers (a task queued each round)"
        self.stdout.write(f"Polling feeds every {every} s, {where}; Ctrl-C stops.")
        done = 0
        try:
            while True:
                done += 1
                self.watch_round(done, in_process)
                if rounds and done >= rounds:
                    return
                time.sleep(every)
        except KeyboardInterrupt:
            self.stdout.write(f"Stopped after {done} round(s).")

    def watch_round(self, number, in_process):
        started = _when(timezone.now())
        if not in_process:
            result = poll_feeds_task.enqueue()
            self.stdout.write(f"{started} round {number}: feed polling queued (task {result.id})")
            self.write_stalled(*requeue_stalled_jobs())
            return
        reports = poll_all()
        new = sum(report.new for report in reports)
        submitted = sum(report.submitted for report in reports)
        errors = sum(len(report.errors) for report in reports)
        self.stdout.write(
            f"{started} round {number}: {len(reports)} feed(s) polled, {new} new entries, "
            f"{submitted} submitted, {errors} error(s)"
        )
        for report in reports:
            self.write_errors(report)

    def write_stalled(self, requeued, failed):
        if requeued or failed:
            self.stdout.write(
                f"    jobs whose worker stopped: {requeued} queued again, {failed} failed"
            )


def _valid_url(url):
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise CommandError(
            f"FEED_URL {url!r} is not a web address; give one starting http:// or https://"
        ) from None
    if len(url) > MAX_URL_CHARS:
        raise CommandError(f"FEED_URL is longer than {MAX_URL_CHARS} characters")
    return url


def _known_story(slug):
    story = Story.objects.filter(slug=slug).first()
    if story is not None:
        return story
    known = ", ".join(Story.objects.order_by("slug").values_list("slug", flat=True))
    hint = f"stories: {known}" if known else "there are no stories yet; ingest some articles first"
    raise CommandError(f"--story: no story with the slug {slug!r} ({hint})")


def _polls_in_process():
    """Whether tasks run at once in this process (the immediate backend): no workers."""
    return isinstance(poll_feeds_task.get_backend(), ImmediateBackend)


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
