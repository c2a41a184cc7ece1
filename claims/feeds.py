"""Reads the RSS and Atom feeds stories follow: every new entry is recorded so the next poll
skips it, and each one that matches its feed's keywords is fetched and ingested."""

import hashlib
import html
import io
import re
import unicodedata
from dataclasses import dataclass, field

import feedparser
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django_tasks import task

from articles.fetching import FEED_TYPES, FetchError, fetch
from articles.models import Feed, FeedEntry, IngestStatus

from .tasks import submit_url

# The longest key FeedEntry stores; a longer entry id is kept as its hash instead.
MAX_KEY_CHARS = FeedEntry._meta.get_field("key").max_length
MAX_TITLE_CHARS = FeedEntry._meta.get_field("title").max_length
MAX_LINK_CHARS = FeedEntry._meta.get_field("link").max_length
MAX_FEED_TITLE_CHARS = Feed._meta.get_field("title").max_length


class UnreadableFeed(Exception):
    """A feed that was fetched but is not RSS or Atom; str(error) is "URL: reason"."""


@dataclass
class PollReport:
    """What one poll of one feed found and did."""

    feed: Feed
    new: int = 0
    matched: int = 0
    submitted: int = 0
    # Entries an earlier poll (or another poller at the same time) has already recorded.
    skipped: int = 0
    # Why the feed could not be read: "URL: reason"; empty when it was read.
    feed_error: str = ""
    # Entries that were matched but could not be ingested, each "URL: reason".
    entry_errors: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [self.feed_error, *self.entry_errors] if self.feed_error else self.entry_errors

    def summary(self) -> str:
        """One line: the feed, its story and the counts."""
        errors = len(self.errors)
        return (
            f"{self.feed.url} ({self.feed.story.slug}): {self.new} new, {self.matched} matched, "
            f"{self.submitted} submitted, {self.skipped} skipped, "
            f"{errors} error{'' if errors == 1 else 's'}"
        )


def poll_feed(feed: Feed) -> PollReport:
    """Read the feed once, record its new entries and submit the matching ones for ingestion.

    A feed that cannot be fetched or parsed is reported in its `last_error`; one entry that
    cannot be submitted is reported and the others are still submitted.
    """
    report = PollReport(feed=feed)
    title = feed.title
    try:
        parsed = read_feed(feed.url)
    except (FetchError, UnreadableFeed) as error:
        report.feed_error = str(error)
    else:
        title = title or strip_markup(parsed.feed.get("title", ""))[:MAX_FEED_TITLE_CHARS]
        seen = _recorded_keys(feed, parsed.entries)
        for entry in parsed.entries:
            if entry_key(entry) in seen:
                report.skipped += 1
            else:
                _take_entry(feed, entry, report)
    polled = {
        "last_polled_at": timezone.now(),
        "last_error": "\n".join(report.errors),
        "title": title,
    }
    # These fields alone: an editor may be changing the feed's keywords meanwhile.
    Feed.objects.filter(pk=feed.pk).update(**polled)
    for name, value in polled.items():
        setattr(feed, name, value)
    return report


def poll_all() -> list[PollReport]:
    """Poll every active feed once; a feed that fails never stops the others."""
    reports = []
    for feed in Feed.objects.filter(active=True).select_related("story"):
        try:
            reports.append(poll_feed(feed))
        except Exception as error:
            # A database failure while recording one feed; the next feed may well succeed.
            report = PollReport(feed=feed, feed_error=f"{feed.url}: could not be polled ({error})")
            Feed.objects.filter(pk=feed.pk).update(
                last_polled_at=timezone.now(), last_error=report.feed_error
            )
            reports.append(report)
    return reports


@task()
def poll_feeds_task():
    """Poll every active feed, as a background task the scheduler enqueues; each feed's
    summary line."""
    return [report.summary() for report in poll_all()]


def read_feed(url: str) -> feedparser.FeedParserDict:
    """The feed at `url`, fetched and parsed; FetchError or UnreadableFeed says why not."""
    page = fetch(url, max_bytes=settings.NEWSROOM_MAX_FILE_BYTES, accept=FEED_TYPES)
    content_type = f"{page.content_type}; charset={page.charset}" if page.charset else ""
    headers = {"content-location": page.final_url, "content-type": content_type}
    # A stream, never the bytes themselves: feedparser would open bytes naming a file.
    parsed = feedparser.parse(io.BytesIO(page.content), response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception") or "no RSS or Atom elements in it"
        raise UnreadableFeed(f"{url}: not an RSS or Atom feed ({problem})")
    return parsed


def entry_key(entry) -> str:
    """The entry's id in its feed, else its link; a key too long to store, as its hash."""
    key = (entry.get("id") or entry.get("link") or "").strip()
    if len(key) > MAX_KEY_CHARS:
        return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key


def _recorded_keys(feed: Feed, entries) -> set[str]:
    keys = {entry_key(entry) for entry in entries}
    return set(FeedEntry.objects.filter(feed=feed, key__in=keys).values_list("key", flat=True))


def _take_entry(feed: Feed, entry, report: PollReport) -> None:
    key = entry_key(entry)
    if not key:
        # With neither an id nor a link, an entry names nothing to fetch or to remember.
        return
    link = (entry.get("link") or "").strip()
    matched = matches(feed.keywords, entry)
    try:
        # The unique (feed, key) row is the claim: of two pollers at once only one makes it.
        with transaction.atomic():
            recorded = FeedEntry.objects.create(
                feed=feed,
                key=key,
                link=link[:MAX_LINK_CHARS],
                title=strip_markup(entry.get("title", ""))[:MAX_TITLE_CHARS],
                matched=matched,
            )
    except IntegrityError:
        report.skipped += 1
        return
    report.new += 1
    if not matched:
        return
    report.matched += 1
    if not link:
        report.entry_errors.append(f"{feed.url}: entry {key} has no link to fetch")
        return
    _submit(feed, link, recorded, report)


def _submit(feed: Feed, link: str, recorded: FeedEntry, report: PollReport) -> None:
    try:
        job = submit_url(feed.story, link, feed_entry=recorded)
    except Exception as error:
        report.entry_errors.append(f"{link}: could not be submitted ({error})")
        return
    report.submitted += 1
    if job.status == IngestStatus.FAILED:
        report.entry_errors.append(job.error or f"{link}: could not be ingested")


def matches(keywords: str, entry) -> bool:
    """Whether the entry's title or summary holds any of the space-separated keywords as a
    whole word, ignoring case and accents; every entry matches when there are none."""
    words = [folded(word) for word in keywords.split()]
    if not words:
        return True
    text = folded(strip_markup(f"{entry.get('title', '')} {entry.get('summary', '')}"))
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)


def folded(text: str) -> str:
    """Lower case without accents, so "Café" and "cafe" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def strip_markup(text: str) -> str:
    """Text of a feed's HTML snippet: tags dropped, entities decoded, spaces collapsed."""
    # A space for each tag, so words in two paragraphs do not run together.
    return " ".join(html.unescape(strip_tags(text.replace("<", " <"))).split())
