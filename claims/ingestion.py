"""Runs ingestion: article files in, through the analysis pipeline, stored story by story."""

import time
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import DatabaseError, transaction

from articles.intake import IngestError, story_files
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

__all__ = ["IngestError", "IngestReport", "ingest", "ingest_text"]


@dataclass
class IngestReport:
    files_read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list = field(default_factory=list)  # (file name, reason)
    quotes: int = 0
    claims: int = 0
    mentions: int = 0
    seconds: float = 0.0

    def summary(self):
        return (
            f"{self.files_read} files read: {self.new} new, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.failed)} failed; "
            f"{self.quotes} quotes, {self.claims} new claims, {self.mentions} mentions; "
            f"{self.seconds:.1f} s"
        )


def pipeline():
    """The analysis pipeline of the configured spaCy model, loaded once per process."""
    return build_pipeline(settings.NEWSROOM_SPACY_MODEL)


def ingest(paths, story_slug=None, workers=1, dry_run=False, progress=None):
    """Ingest every file under `paths`; one transaction per file, failures reported, not raised.

    A dry run does all the work inside one transaction that it then rolls back.
    """
    if not dry_run:
        return _ingest(paths, story_slug, workers, progress)
    with transaction.atomic():
        report = _ingest(paths, story_slug, workers, progress)
        transaction.set_rollback(True)
    return report


def _ingest(paths, story_slug, workers, progress):
    started = time.monotonic()
    report = IngestReport()
    pending = []
    stored_hashes = {}
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
        if story.pk not in stored_hashes:
            stored_hashes[story.pk] = set(
                Article.objects.filter(story=story).values_list("content_hash", flat=True)
            )
        if content_hash in stored_hashes[story.pk]:
            report.unchanged += 1
            continue
        pending.append(article_file)
    if pending:
        _store_all(pending, report, workers, progress)
    report.seconds = time.monotonic() - started
    return report


def _store_all(pending, report, workers, progress):
    """Analyse the pending files and store each in its own transaction."""
    stores = {}
    texts = ((text.body, (path, story, text)) for path, story, text in _read_again(pending, report))
    for doc, (path, story, text) in analyse_all(pipeline(), texts, n_process=max(1, workers)):
        store = stores.get(story.pk) or stores.setdefault(story.pk, StoryStore(story))
        try:
            with transaction.atomic():
                outcome = store.save_article(text, doc)
        except (DatabaseError, ValueError) as error:
            report.failed.append((path.name, f"could not be stored: {error}"))
            # The store's indexes may name rows that were rolled back: start afresh.
            stores.pop(story.pk)
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        if progress:
            progress(path.name, len(pending))
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
        yield article_file.path, article_file.story, text


def ingest_text(story, file_name, content, metadata=None):
    """Ingest one uploaded (bytes) or pasted (str) text into `story`, as the admin does;
    bad input raises UnreadableFile naming the file.

    The `metadata` an editor gives (a GivenMetadata) wins over what the text states; a text
    given no file name is named after its metadata.
    """
    # Brackets keep the parser from reading an outlet's name into this stand-in.
    label = file_name or "(pasted text)"
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    refuse_oversized(label, size, settings.NEWSROOM_MAX_FILE_BYTES)
    if isinstance(content, bytes):
        content = decode_bytes(content, label)
    text = with_given_metadata(parse_article_text(content, label), metadata or GivenMetadata())
    if not file_name:
        text = replace(text, file_name=file_name_for(text))
    if Article.objects.filter(story=story, content_hash=text.content_hash).exists():
        return "unchanged"
    doc = pipeline()(text.body)
    store = StoryStore(story)
    with transaction.atomic():
        outcome = store.save_article(text, doc)
        store.finish()
    return outcome
