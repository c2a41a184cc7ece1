"""Runs ingestion: article files, saved pages and web addresses in, through the analysis
pipeline, stored story by story."""

import itertools
import time
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import DatabaseError, transaction

from articles.extraction import article_from_html, file_name_for_url
from articles.fetching import FetchError, fetch
from articles.intake import IngestError, decode_html, story_files, story_from_slug
from articles.models import Article
from articles.reading import (
    UnreadableFile,
    decode_bytes,
    parse_article_text,
    refuse_oversized,
)
from articles.store import GivenMetadata, file_name_for, with_given_metadata

from .analysis.pipeline import analyse_all, build_pipeline
from .store import StoryStore

__all__ = [
    "FetchError",
    "IngestError",
    "IngestReport",
    "ingest",
    "ingest_html",
    "ingest_text",
    "ingest_url",
]


# Brackets keep the parser from reading an outlet's name into these stand-ins.
PASTED_TEXT = "(pasted text)"
SAVED_PAGE = "(saved page)"
# The media type of a fetched page that is read as a text file is, not as HTML.
PLAIN_TEXT = "text/plain"


@dataclass
class IngestReport:
    files_read: int = 0
    urls_read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list = field(default_factory=list)  # (file name or URL, reason)
    quotes: int = 0
    claims: int = 0
    mentions: int = 0
    seconds: float = 0.0

    def summary(self):
        read = f"{self.files_read} files"
        if self.urls_read:
            read += f" and {self.urls_read} web addresses"
        return (
            f"{read} read: {self.new} new, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.failed)} failed; "
            f"{self.quotes} quotes, {self.claims} new claims, {self.mentions} mentions; "
            f"{self.seconds:.1f} s"
        )


def pipeline():
    """The analysis pipeline of the configured spaCy model, loaded once per process."""
    return build_pipeline(settings.NEWSROOM_SPACY_MODEL)


def ingest(paths, story_slug=None, workers=1, dry_run=False, progress=None, urls=()):
    """Ingest every file under `paths`, then fetch and ingest each of `urls` into the story
    `story_slug`; one transaction per article, failures reported, not raised.

    A dry run does all the work inside one transaction that it then rolls back.
    """
    if urls and not story_slug:
        raise IngestError(f"{urls[0]}: no story given; pass --story SLUG")
    if not dry_run:
        return _ingest(paths, urls, story_slug, workers, progress)
    with transaction.atomic():
        report = _ingest(paths, urls, story_slug, workers, progress)
        transaction.set_rollback(True)
    return report


def _ingest(paths, urls, story_slug, workers, progress):
    started = time.monotonic()
    report = IngestReport()
    pending = []
    stored_hashes = StoredHashes()
    article_files, manifest_problems = story_files(paths, story_slug)
    report.failed.extend(manifest_problems)
    for article_file in article_files:
        path, story = article_file.path, article_file.story
        report.files_read += 1
        try:
            content_hash = article_file.content_hash(settings.NEWSROOM_MAX_FILE_BYTES)
        except UnreadableFile as error:
            report.failed.append((path.name, str(error)))
            continue
        if stored_hashes.has(story, content_hash):
            report.unchanged += 1
            continue
        pending.append(article_file)
    fetched = _fetch_all(urls, story_from_slug(story_slug) if urls else None, report, stored_hashes)
    if pending or urls:
        texts = itertools.chain(_read_again(pending, report), fetched)
        _store_all(texts, len(pending) + len(urls), report, workers, progress)
    report.seconds = time.monotonic() - started
    return report


class StoredHashes:
    """The content hashes of each story's stored articles, read once per story."""

    def __init__(self):
        self.by_story = {}

    def has(self, story, content_hash):
        if story.pk not in self.by_story:
            self.by_story[story.pk] = set(
                Article.objects.filter(story=story).values_list("content_hash", flat=True)
            )
        return content_hash in self.by_story[story.pk]


def _store_all(texts, total, report, workers, progress):
    """Analyse the (name, story, text) of each pending article and store each in its own
    transaction."""
    stores = {}
    with_context = ((text.body, (name, story, text)) for name, story, text in texts)
    for doc, (name, story, text) in analyse_all(pipeline(), with_context, max(1, workers)):
        store = stores.get(story.pk) or stores.setdefault(story.pk, StoryStore(story))
        try:
            with transaction.atomic():
                outcome = store.save_article(text, doc)
        except (DatabaseError, ValueError) as error:
            report.failed.append((name, f"could not be stored: {error}"))
            # The store's indexes may name rows that were rolled back: start afresh.
            stores.pop(story.pk)
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        if progress:
            progress(name, total)
    for store in stores.values():
        with transaction.atomic():
            store.finish()
        report.quotes += store.quotes_made
        report.claims += store.claims_made
        report.mentions += store.mentions_made


def _read_again(pending, report):
    """Read each pending file a second time, lazily, so only one text is held at once."""
    for article_file in pending:
        try:
            text = article_file.read(settings.NEWSROOM_MAX_FILE_BYTES)
        except UnreadableFile as error:
            report.failed.append((article_file.path.name, str(error)))
            continue
        yield article_file.path.name, article_file.story, text


def _fetch_all(urls, story, report, stored_hashes):
    """Fetch each URL when its turn comes; one that fails is reported and the others go on."""
    for url in urls:
        report.urls_read += 1
        try:
            text = text_from_url(url)
        except (FetchError, UnreadableFile) as error:
            report.failed.append((url, str(error)))
            continue
        if stored_hashes.has(story, text.content_hash):
            report.unchanged += 1
            continue
        yield url, story, text


# --- One article at a time, as the admin and the background workers ingest ---------------------


def ingest_text(story, file_name, content, metadata=None):
    """Ingest one uploaded (bytes) or pasted (str) text into `story`, as the admin does;
    bad input raises UnreadableFile naming the file.

    The `metadata` an editor gives (a GivenMetadata) wins over what the text states; a text
    given no file name is named after its metadata.
    """
    return store_text(story, text_from_upload(file_name, content, metadata))[0]


def ingest_html(
    story, file_name, html_or_bytes, *, url="", fetched_at=None, fetched_url="", metadata=None
):
    """Ingest one saved or fetched page (its HTML as str, or bytes to decode) into `story`:
    "new", "updated" or "unchanged". A page without a main text raises UnreadableFile."""
    text = text_from_html(
        file_name,
        html_or_bytes,
        url=url,
        fetched_at=fetched_at,
        fetched_url=fetched_url,
        metadata=metadata,
    )
    return store_text(story, text)[0]


def ingest_url(story, url, *, metadata=None):
    """Fetch the page at `url` and ingest it into `story`; FetchError says why it could not
    be fetched. Fetching it again stores a new version when its text changed."""
    return store_text(story, text_from_url(url, metadata))[0]


def text_from_upload(file_name, content, metadata=None):
    """An uploaded (bytes) or pasted (str) text read as ingest_text reads it."""
    label = file_name or PASTED_TEXT
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    refuse_oversized(label, size, settings.NEWSROOM_MAX_FILE_BYTES)
    if isinstance(content, bytes):
        content = decode_bytes(content, label)
    text = with_given_metadata(parse_article_text(content, label), metadata or GivenMetadata())
    if not file_name:
        text = replace(text, file_name=file_name_for(text))
    return text


def text_from_html(
    file_name, html_or_bytes, *, url="", fetched_at=None, fetched_url="", metadata=None
):
    """A page's main text and metadata, its HTML kept as the archive copy; the name defaults
    to the one file_name_for_url gives the page's address."""
    file_name = file_name or (file_name_for_url(url) if url else "")
    label = file_name or SAVED_PAGE
    is_bytes = isinstance(html_or_bytes, bytes)
    size = len(html_or_bytes if is_bytes else html_or_bytes.encode("utf-8"))
    refuse_oversized(label, size, settings.NEWSROOM_MAX_FILE_BYTES)
    html = decode_html(html_or_bytes, label) if is_bytes else html_or_bytes
    text = article_from_html(
        html, file_name=label, url=url, fetched_at=fetched_at, fetched_url=fetched_url
    )
    text = with_given_metadata(text, metadata or GivenMetadata())
    if not file_name:
        text = replace(text, file_name=file_name_for(text))
    return text


def text_from_url(url, metadata=None):
    """The page at `url`, fetched and read (a plain-text page as a text file is); FetchError
    names the URL and what went wrong."""
    page = fetch(url, max_bytes=settings.NEWSROOM_MAX_FILE_BYTES)
    file_name = file_name_for_url(url)
    if page.content_type == PLAIN_TEXT:
        text = text_from_upload(file_name, page.text(), metadata)
        return replace(
            text, url=text.url or url, fetched_at=page.fetched_at, fetched_url=page.final_url
        )
    return text_from_html(
        file_name,
        page.text(),
        url=url,
        fetched_at=page.fetched_at,
        fetched_url=page.final_url,
        metadata=metadata,
    )


def store_text(story, text):
    """Analyse and store one text in `story` in one transaction: (outcome, the article)."""
    stored = Article.objects.filter(story=story, content_hash=text.content_hash)
    if existing := stored.first():
        return "unchanged", existing
    doc = pipeline()(text.body)
    store = StoryStore(story)
    with transaction.atomic():
        outcome = store.save_article(text, doc)
        store.finish()
    return outcome, stored.first()
