"""Runs the whole pipeline: article files in; articles, quotes, claims and mentions stored."""

import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.utils.text import slugify

from articles.models import Article, Source, Story
from articles.reading import (
    ArticleText,
    UnreadableFile,
    decode_bytes,
    parse_article_text,
    read_article_file,
    read_text_file,
    refuse_oversized,
    text_hash,
)

from .clustering import ClaimIndex
from .copies import CopyIndex, paragraph_terms
from .models import Claim, DismissedMention, Mention, Quote, SetBy, Speaker, SpeakerAlias
from .nlp import ascii_fold, load_pipeline
from .speakers import ANONYMOUS, PERSON, same_speaker_name
from .statements import analyse_article

MANIFEST = "story.toml"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


class IngestError(Exception):
    """A problem with the whole run (no story, no files), not with one file."""


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


@dataclass
class PendingFile:
    path: Path
    story: Story


def story_files(paths, story_slug=None):
    """Each text file under `paths` with the story it belongs to."""
    explicit_story = _story_from_slug(story_slug) if story_slug else None
    found = []
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            story = explicit_story or _story_from_manifest(path)
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            found.extend((file_path, story) for file_path in files if file_path.name != MANIFEST)
        else:
            story = explicit_story or (
                _story_from_manifest(path.parent) if (path.parent / MANIFEST).exists() else None
            )
            if story is None:
                raise IngestError(f"{path}: no story given; pass --story SLUG")
            found.append((path, story))
    return found


def _story_from_slug(slug):
    story, _ = Story.objects.get_or_create(
        slug=slugify(slug), defaults={"title": slug.replace("-", " ").capitalize()}
    )
    return story


def _story_from_manifest(folder):
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise IngestError(f"{folder}: no {MANIFEST} manifest here; pass --story SLUG")
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise IngestError(f"{manifest_path}: not a valid manifest ({error})") from error
    slug = slugify(manifest.get("slug") or folder.name)
    story, _ = Story.objects.get_or_create(
        slug=slug,
        defaults={
            "title": manifest.get("title") or folder.name,
            "description": manifest.get("description", ""),
        },
    )
    return story


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
    for path, story in story_files(paths, story_slug):
        report.files_read += 1
        try:
            content_hash = text_hash(read_text_file(path, settings.NEWSROOM_MAX_FILE_BYTES))
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
        pending.append(PendingFile(path, story))

    if pending:
        _store_all(pending, report, workers, progress)
    report.seconds = time.monotonic() - started
    return report


def _store_all(pending, report, workers, progress):
    """Parse the pending files and store each in its own transaction."""
    stores = {}
    texts = _read_again(pending, report)
    docs = load_pipeline().pipe(
        ((text.body, (item, text)) for item, text in texts),
        as_tuples=True,
        n_process=max(1, workers),
        batch_size=16,
    )
    for doc, (item, text) in docs:
        store = stores.get(item.story.pk) or stores.setdefault(
            item.story.pk, StoryStore(item.story)
        )
        try:
            with transaction.atomic():
                outcome = store.save_article(text, doc)
        except (DatabaseError, ValueError) as error:
            report.failed.append((item.path.name, f"could not be stored: {error}"))
            # The store's indexes may name rows that were rolled back: start afresh.
            stores.pop(item.story.pk)
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        if progress:
            progress(item.path.name, len(pending))
    for store in stores.values():
        with transaction.atomic():
            store.finish()
        report.quotes += store.quotes_made
        report.claims += store.claims_made
        report.mentions += store.mentions_made


def _read_again(pending, report):
    """Read each pending file a second time, lazily, so only one text is held at once."""
    for item in pending:
        try:
            yield item, read_article_file(item.path, settings.NEWSROOM_MAX_FILE_BYTES)
        except UnreadableFile as error:
            report.failed.append((item.path.name, str(error)))


def ingest_text(story, file_name, content):
    """Ingest one uploaded (bytes) or pasted (str) text into `story`, as the admin does;
    bad input raises UnreadableFile naming the file."""
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    refuse_oversized(file_name, size, settings.NEWSROOM_MAX_FILE_BYTES)
    if isinstance(content, bytes):
        content = decode_bytes(content, file_name)
    text = parse_article_text(content, file_name)
    if Article.objects.filter(story=story, content_hash=text.content_hash).exists():
        return "unchanged"
    doc = load_pipeline()(text.body)
    store = StoryStore(story)
    with transaction.atomic():
        outcome = store.save_article(text, doc)
        store.finish()
    return outcome


class StoryStore:
    """Writes one story's articles and what the machine found in them, keeping editors' work."""

    def __init__(self, story):
        self.story = story
        self.claim_index = ClaimIndex()
        self.copy_index = CopyIndex()
        self.last_claim_id = self.last_article_id = 0
        self._catch_up()
        self.speakers = SpeakerDirectory()
        self.reference_date = (
            Article.objects.filter(story=story, published__isnull=False)
            .order_by("published")
            .values_list("published", flat=True)
            .first()
        )
        # What the machine already knows of each claim, so it asks the database once.
        self.known_fields = {}
        for claim_id, *filled in Claim.objects.filter(story=story).values_list(
            "pk", "event_date", "origin_source", "origin_speaker"
        ):
            names = ("event_date", "origin_source", "origin_speaker")
            self.known_fields[claim_id] = {n for n, v in zip(names, filled, strict=True) if v}
        self.changed_terms = set()
        self.credited_sources = {}
        # How often each claim of the story is denied: bare denials lean towards those.
        self.denial_counts = Counter(
            dict(
                Mention.objects.filter(claim__story=story, stance=Mention.Stance.DENIES)
                .values("claim")
                .annotate(count=Count("pk"))
                .values_list("claim", "count")
            )
        )
        self.quotes_made = self.claims_made = self.mentions_made = 0

    def save_article(self, text: ArticleText, doc):
        _lock_story(self.story)
        self._catch_up()
        # Another ingest may have stored this file while we parsed it: look again under the lock.
        if Article.objects.filter(story=self.story, content_hash=text.content_hash).exists():
            return "unchanged"
        existing = Article.objects.filter(story=self.story, file_name=text.file_name).first()
        article, outcome = self._save_article_row(existing, text)
        analysis = analyse_article(doc, article.published or self.reference_date)
        # A new article has no rows yet, of the machine or of an editor.
        is_new = existing is None
        if not is_new:
            self._forget_machine_rows(article)
        quote_rows = self._save_quotes(article, analysis, is_new)
        self._save_mentions(article, analysis, quote_rows, is_new)
        self._mark_copy(article)
        return outcome

    def _catch_up(self):
        """Index the claims and articles stored since the last look, by this or another ingest."""
        new_claims = Claim.objects.filter(story=self.story, pk__gt=self.last_claim_id)
        for claim_id, terms in new_claims.values_list("pk", "match_terms").iterator():
            if claim_id not in self.claim_index.terms_by_claim:
                self.claim_index.add(claim_id, terms.split())
            self.last_claim_id = max(self.last_claim_id, claim_id)
        new_articles = Article.objects.filter(story=self.story, pk__gt=self.last_article_id)
        for article_id, body in new_articles.values_list("pk", "body").iterator():
            if article_id not in self.copy_index.paragraphs_by_article:
                self.copy_index.add(article_id, paragraph_terms(body))
            self.last_article_id = max(self.last_article_id, article_id)

    def _save_article_row(self, existing, text):
        article = existing or Article(story=self.story, file_name=text.file_name)
        outcome = "updated" if existing else "new"
        if article.pk and article.body != text.body:
            _relocate_editor_rows(article, text.body)
        article.body = text.body
        article.raw_text = text.raw_text
        article.content_hash = text.content_hash
        if not article.metadata_edited:
            article.title = text.title[:500]
            article.author = text.author[:200]
            article.published = text.published
            article.url = text.url[:2000]
            article.source = _source_for(text)
        article.save()
        if article.published and (
            self.reference_date is None or article.published < self.reference_date
        ):
            self.reference_date = article.published
        return article, outcome

    def _forget_machine_rows(self, article):
        forgotten = list(
            Mention.objects.filter(article=article, set_by=SetBy.MACHINE).values_list(
                "claim_id", "stance"
            )
        )
        touched = {claim_id for claim_id, _ in forgotten}
        self.denial_counts.subtract(c for c, stance in forgotten if stance == "denies")
        Mention.objects.filter(article=article, set_by=SetBy.MACHINE).delete()
        Quote.objects.filter(article=article, set_by=SetBy.MACHINE).delete()
        orphans = Claim.objects.filter(
            pk__in=touched,
            set_by=SetBy.MACHINE,
            verdict=Claim.Verdict.UNREVIEWED,
            editor_note="",
            mentions__isnull=True,
        )
        for claim_id in orphans.values_list("pk", flat=True):
            self.claim_index.remove(claim_id)
        orphans.delete()

    def _save_quotes(self, article, analysis, is_new):
        taken = set()
        if not is_new:
            taken = set(Quote.objects.filter(article=article).values_list("start", "end"))
        rows = []
        for span, attribution in analysis.quotes:
            if (span.start, span.end) in taken:
                rows.append(None)
                continue
            taken.add((span.start, span.end))
            rows.append(
                Quote(
                    article=article,
                    speaker=self.speakers.find_or_create(attribution.speaker),
                    text=span.text,
                    start=span.start,
                    end=span.end,
                    cue=attribution.cue[:50],
                    kind=span.kind,
                )
            )
        Quote.objects.bulk_create([row for row in rows if row is not None])
        self.quotes_made += sum(1 for row in rows if row is not None)
        return rows

    def _save_mentions(self, article, analysis, quote_rows, is_new):
        claim_of_statement, grown = {}, set()
        for index, statement in enumerate(analysis.statements):
            if not statement.needs_target:
                claim_of_statement[index] = self._claim_for(statement, grown)
        # A claim whose terms did not change matches nothing new; finish() looks at all again.
        survivors = {
            claim_id: self._merge_into_older(claim_id) if claim_id in grown else claim_id
            for claim_id in set(claim_of_statement.values())
        }
        claim_of_statement = {i: survivors[c] for i, c in claim_of_statement.items()}
        denied_here = Counter(
            claim_of_statement[i]
            for i, s in enumerate(analysis.statements)
            if s.stance == "denies" and i in claim_of_statement
        )
        mentions = {}
        for index, statement in enumerate(analysis.statements):
            if statement.needs_target:
                claim_id = self._answered_claim(statement, claim_of_statement, denied_here)
                if claim_id is None:
                    continue
            else:
                claim_id = claim_of_statement[index]
            key = (claim_id, statement.start, statement.end, statement.stance)
            if key in mentions:
                continue
            if statement.stance == "denies":
                denied_here[claim_id] += 1
            quote = quote_rows[statement.quote_index] if statement.quote_index is not None else None
            mentions[key] = Mention(
                claim_id=claim_id,
                article=article,
                stance=statement.stance,
                sentence=statement.sentence,
                start=statement.start,
                end=statement.end,
                speaker=self.speakers.find_or_create(statement.speaker),
                quote=quote if quote is not None and quote.pk else None,
            )
        used = {claim_id for claim_id, *_ in mentions}
        gone = used - set(Claim.objects.filter(pk__in=used).values_list("pk", flat=True))
        if gone:
            # Another ingest merged these claims away since we indexed them: match again.
            for claim_id in gone:
                self.claim_index.remove(claim_id)
            return self._save_mentions(article, analysis, quote_rows, is_new)
        editor_spans, dismissed = set(), set()
        if not is_new:
            editor_spans = set(
                Mention.objects.filter(article=article).values_list(
                    "claim_id", "start", "end", "stance"
                )
            )
            dismissed = set(
                DismissedMention.objects.filter(article=article).values_list(
                    "claim_id", "sentence", "stance"
                )
            )
        new_mentions = [
            m
            for key, m in mentions.items()
            if key not in editor_spans and (m.claim_id, m.sentence, m.stance) not in dismissed
        ]
        Mention.objects.bulk_create(new_mentions)
        self.denial_counts.update(m.claim_id for m in new_mentions if m.stance == "denies")
        self.mentions_made += len(new_mentions)

    def _answered_claim(self, denial, claim_of_statement, denied_here):
        """Of the reports a bare denial may answer, the claim the story already sees denied,
        counting the denials of this article found so far."""
        candidates = [
            claim_of_statement[i] for i in denial.close_candidates if i in claim_of_statement
        ]
        if not candidates:
            return claim_of_statement.get(denial.answers)
        denied = self.denial_counts + denied_here
        best = max(range(len(candidates)), key=lambda i: (denied[candidates[i]], -i))
        return candidates[best]

    def _claim_for(self, statement, grown):
        """The id of the story's claim this statement states, made new when none matches;
        the claim goes into `grown` when the statement gave it new terms."""
        claim_id = self.claim_index.best_match(statement.terms)
        if claim_id is None:
            claim_id = Claim.objects.create(
                story=self.story,
                text=statement.content[:2000] or statement.sentence[:2000],
                match_terms=" ".join(sorted(statement.terms)),
            ).pk
            self.claims_made += 1
        self._complete_claim(claim_id, statement)
        if self.claim_index.add(claim_id, statement.terms):
            grown.add(claim_id)
            self.changed_terms.add(claim_id)
        return claim_id

    def _complete_claim(self, claim_id, statement):
        """Fill in what the machine did not know yet; never touch what an editor set."""
        known = self.known_fields.setdefault(claim_id, set())

        def fill(field_name, value):
            Claim.objects.filter(pk=claim_id, set_by=SetBy.MACHINE, **{field_name: None}).update(
                **{field_name: value}
            )
            known.add(field_name)

        if statement.event_date and "event_date" not in known:
            fill("event_date", statement.event_date)
        if statement.stance != "repeats":
            return
        if statement.credited_source and "origin_source" not in known:
            source = self.credited_sources.get(statement.credited_source)
            if source is None:
                source = _source_named(statement.credited_source)
                self.credited_sources[statement.credited_source] = source
            fill("origin_source", source)
        if statement.speaker and "origin_speaker" not in known:
            fill("origin_speaker", self.speakers.find_or_create(statement.speaker))

    def _mark_copy(self, article):
        paragraphs = paragraph_terms(article.body)
        copied = self.copy_index.find_copied(article.pk, paragraphs)
        self.copy_index.add(article.pk, paragraphs)
        if copied is None:
            return
        original = Article.objects.get(pk=copied)
        copy = article
        if original.published and article.published and original.published > article.published:
            original, copy = article, original
        if (
            not copy.metadata_edited
            and copy.copy_of_id != original.pk
            and original.copy_of_id != copy.pk
        ):
            copy.copy_of = original
            copy.save(update_fields=["copy_of", "updated_at"])

    def finish(self):
        """Merge claims that turned out alike, then put the story's claims in timeline order."""
        _lock_story(self.story)
        self._merge_alike_claims()
        for claim_id in self.changed_terms & set(self.claim_index.terms_by_claim):
            terms = " ".join(sorted(self.claim_index.terms_by_claim[claim_id]))
            Claim.objects.filter(pk=claim_id).update(match_terms=terms)
        self._order_timeline()

    def _merge_alike_claims(self):
        """Claims made early in a run were matched with little to compare against: look again."""
        self._catch_up()
        for claim_id in sorted(self.claim_index.terms_by_claim, reverse=True):
            self._merge_into_older(claim_id)

    def _merge_into_older(self, claim_id):
        """Merge a machine claim into an older claim it now matches; the surviving claim's id."""
        terms = self.claim_index.terms_by_claim.get(claim_id)
        if terms is None:
            return claim_id
        match = self.claim_index.best_match(terms, exclude={claim_id})
        if match is None or match > claim_id:
            return claim_id
        claim = Claim.objects.filter(
            pk=claim_id, set_by=SetBy.MACHINE, verdict=Claim.Verdict.UNREVIEWED, editor_note=""
        ).first()
        if claim is None:
            return claim_id
        survivor = Claim.objects.filter(pk=match).first()
        if survivor is None:
            # Merged away by another ingest since we indexed it.
            self.claim_index.remove(match)
            return claim_id
        self.claim_index.remove(claim_id)
        self.claim_index.add(match, terms)
        self.changed_terms.add(match)
        self.denial_counts[match] += self.denial_counts.pop(claim_id, 0)
        survivor.absorb([claim])
        return match

    def _order_timeline(self):
        """Order by event date, then by the first article (by date, then name) to carry it."""
        first_seen = {}
        rows = (
            Mention.objects.filter(claim__story=self.story)
            .order_by("claim_id", "article__published", "article__file_name", "start")
            .values_list("claim_id", "article__published", "article__file_name", "start")
        )
        for claim_id, published, file_name, start in rows.iterator():
            first_seen.setdefault(claim_id, (published or date.max, file_name, start))
        claims = Claim.objects.filter(story=self.story).values_list(
            "pk", "event_date", "timeline_position", "set_by"
        )
        order = sorted(
            claims,
            key=lambda c: (c[1] or date.max, first_seen.get(c[0], (date.max, "", 0))),
        )
        for position, (claim_id, _, old_position, set_by) in enumerate(order):
            if set_by == SetBy.MACHINE and old_position != position:
                Claim.objects.filter(pk=claim_id).update(timeline_position=position)


def _lock_story(story):
    """Serialise writers of one story across processes, so two ingests make no duplicates."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [story.pk])


def _source_for(text):
    if text.outlet:
        return _source_named(text.outlet, text.outlet_domain)
    if text.outlet_domain:
        return _source_named(text.outlet_domain, text.outlet_domain)
    return None


def _source_named(name, domain=""):
    source, created = Source.objects.get_or_create(name=name[:200], defaults={"domain": domain})
    if not created and domain and not source.domain:
        source.domain = domain
        source.save(update_fields=["domain"])
    return source


def _relocate_editor_rows(article, new_body):
    """Move an editor's quotes and mentions to where their words are in the changed text."""
    for row in [
        *Mention.objects.filter(article=article, set_by=SetBy.EDITOR),
        *Quote.objects.filter(article=article, set_by=SetBy.EDITOR),
    ]:
        words = row.sentence if isinstance(row, Mention) else row.text
        found = new_body.find(words)
        if found >= 0:
            row.start, row.end = found, found + len(words)
            row.save(update_fields=["start", "end"])


class SpeakerDirectory:
    """Stored speakers by every name they go by, to give one person one row."""

    def __init__(self):
        self.by_name = {}
        self.people = []
        self.anonymous = []
        for speaker in Speaker.objects.prefetch_related("aliases"):
            self._remember(speaker, speaker.name)
            for alias in speaker.aliases.all():
                self._remember(speaker, alias.name)

    def _remember(self, speaker, name):
        self.by_name[ascii_fold(name)] = speaker
        if speaker.kind == PERSON:
            self.people.append((name, speaker))
        elif speaker.kind == ANONYMOUS:
            self.anonymous.append((name, speaker))

    def find_or_create(self, ref):
        if ref is None or not ref.name.strip():
            return None
        name = ref.name.strip()[:200]
        known = self.by_name.get(ascii_fold(name))
        if known:
            return known
        pool = (
            self.people if ref.kind == PERSON else self.anonymous if ref.kind == ANONYMOUS else []
        )
        match = next(
            (s for known_name, s in pool if same_speaker_name(name, known_name, ref.kind)), None
        )
        if match:
            SpeakerAlias.objects.get_or_create(name=name, defaults={"speaker": match})
            self._remember(match, name)
            return match
        speaker, _ = Speaker.objects.get_or_create(name=name, defaults={"kind": ref.kind})
        self._remember(speaker, name)
        return speaker
