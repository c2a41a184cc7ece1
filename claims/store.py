"""Stores what the analysis found in one story's articles: quotes, mentions and claims,
always keeping what editors made, changed or dismissed."""

from collections import Counter
from functools import cached_property

from django.db.models import Exists, OuterRef

from articles.models import Article, Story
from articles.store import ArticleStore, lock_story

from .history import ingestion_user, record_created, record_current, recorded_as
from .models import Claim, DismissedMention, Mention, PositionCorrection, Quote, SetBy, Stance
from .positions import article_positions
from .speaker_directory import SpeakerDirectory
from .speaker_proposals import propose_speaker_merges
from .story_claims import StoryClaims
from .summary import refresh_article, refreshed_by_caller
from .timeline import order_timeline


class StoryStore:
    """Writes one story's articles and what the machine found in them, keeping editors' work."""

    def __init__(self, story):
        self.story = story
        self.articles = ArticleStore(story)
        self.speakers = SpeakerDirectory()
        self.claims = StoryClaims(story)
        self.quotes_made = self.mentions_made = 0
        self.files_saved = []
        # The articles this run stored and the speakers their rows name.
        self.articles_saved, self.speakers_named = set(), set()

    @property
    def claims_made(self):
        return self.claims.claims_made

    @cached_property
    def actor(self):
        return ingestion_user()

    def save_article(self, text, doc):
        """Store the article `text` and the analysed `doc` of its body; "new", "updated" or
        "unchanged". The history credits what changes to ingestion of this file."""
        with recorded_as(self.actor, f"ingestion of {text.file_name}"), refreshed_by_caller():
            outcome = self._save_article(text, doc)
            record_current(Claim.objects.filter(pk__in=self.claims.take_unrecorded()))
        if outcome != "unchanged":
            self.files_saved.append(text.file_name)
        return outcome

    def _speaker(self, ref):
        speaker = self.speakers.find_or_create(ref)
        if speaker is not None:
            self.speakers_named.add(speaker.pk)
        return speaker

    def _save_article(self, text, doc):
        lock_story(self.story)
        self.claims.catch_up()
        self.articles.catch_up()
        # Another ingest may have stored this file while we parsed it: look again under the lock.
        if self.articles.is_stored(text):
            return "unchanged"
        existing = self.articles.stored_under_name(text)
        article = existing or Article(story=self.story, file_name=text.file_name)
        changed = existing is not None and existing.body != text.body
        # Where the text being replaced stands at its end, editors' work included.
        replaced_positions = article_positions(existing) if changed else None
        if changed:
            _relocate_editor_rows(existing, text.body)
        self.articles.save(article, text)
        # A new article has no rows yet, of the machine or of an editor.
        is_new = existing is None
        unheld = set() if is_new else self._forget_machine_rows(article)
        quote_rows = self._save_quotes(article, doc, is_new)
        reference_date = article.published or self.articles.reference_date
        # Denial reports come after the statements, whose indices the denials refer to.
        statements = [*doc._.statements, *doc._.denial_reports]
        self._save_mentions(article, statements, quote_rows, is_new, reference_date)
        _record_positions(article, replaced_positions)
        self._drop_orphans(unheld)
        carried = set(Mention.objects.filter(article=article).values_list("claim_id", flat=True))
        self.claims.touched |= carried | unheld
        refresh_article(carried | unheld, article)
        self.articles.mark_copy(article)
        self.articles_saved.add(article.pk)
        Story.objects.filter(pk=self.story.pk).mark_changed()
        return "new" if is_new else "updated"

    def finish(self):
        """Merge claims that turned out alike, then put the story's claims in timeline order."""
        lock_story(self.story)
        with recorded_as(self.actor, self._run_reason()), refreshed_by_caller():
            self.claims.finish()
            if self._named_speakers_new_to_story():
                propose_speaker_merges(self.story)
            moved = order_timeline(self.story)
            changed = self.claims.take_unrecorded() | set(moved)
            record_current(Claim.objects.filter(pk__in=changed))
            if self.articles_saved or changed:
                Story.objects.filter(pk=self.story.pk).mark_changed()

    def _named_speakers_new_to_story(self):
        """Whether the run's articles name a speaker the story's other articles do not: two
        names the story had before were compared by an earlier run. A few indexed look-ups
        per speaker, never a read of the whole story."""
        earlier = Article.objects.filter(story=self.story).exclude(pk__in=self.articles_saved)
        for speaker_id in self.speakers_named:
            named_before = (
                Mention.objects.filter(speaker_id=speaker_id, article__in=earlier).exists()
                or Quote.objects.filter(speaker_id=speaker_id, article__in=earlier).exists()
            )
            if not named_before:
                return True
        return False

    def _run_reason(self):
        """What the history says caused the run's last changes: the files it stored."""
        if not self.files_saved:
            return "ingestion"
        names = ", ".join(self.files_saved[:3])
        more = len(self.files_saved) - 3
        return f"ingestion of {names}" + (f" and {more} more" if more > 0 else "")

    def _forget_machine_rows(self, article):
        """Delete the machine's quotes and mentions of a changed article; the ids of the claims
        its mentions were on."""
        machine_mentions = Mention.objects.filter(article=article, set_by=SetBy.MACHINE)
        forgotten = list(machine_mentions.values_list("claim_id", "stance"))
        self.claims.denial_counts.subtract(c for c, stance in forgotten if stance == Stance.DENIES)
        machine_mentions.delete()
        Quote.objects.filter(article=article, set_by=SetBy.MACHINE).delete()
        return {claim_id for claim_id, _ in forgotten}

    def _drop_orphans(self, claim_ids):
        """Delete the machine's claims among these that no mention holds any more, with the
        claims ingestion merged into them. Run after the changed article's new mentions are
        in, so a claim it still states keeps its id, and links to it keep working."""
        # Exists, not a join: a claim a story repeats holds tens of thousands of mentions.
        orphans = Claim.objects.filter(
            ~Exists(Mention.objects.filter(claim=OuterRef("pk"))),
            ~Exists(PositionCorrection.objects.filter(claim=OuterRef("pk"))),
            pk__in=claim_ids,
            set_by=SetBy.MACHINE,
            verdict=Claim.Verdict.UNREVIEWED,
            editor_note="",
            merged_into=None,
        )
        orphan_ids = set(orphans.values_list("pk", flat=True))
        for claim_id in orphan_ids:
            self.claims.forget(claim_id)
        Claim.objects.filter(pk__in=_with_claims_merged_into(orphan_ids)).delete()

    def _save_quotes(self, article, doc, is_new):
        """Store the quotes not already there (an editor's stay); one row or None per quote."""
        taken = set()
        if not is_new:
            taken = set(Quote.objects.filter(article=article).values_list("start", "end"))
        rows = []
        for span, attribution in zip(doc._.quotes, doc._.attributions, strict=True):
            if (span.start, span.end) in taken:
                rows.append(None)
                continue
            taken.add((span.start, span.end))
            rows.append(
                Quote(
                    article=article,
                    speaker=self._speaker(attribution.speaker),
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

    def _save_mentions(self, article, statements, quote_rows, is_new, reference_date):
        while True:
            mentions = self._mentions_of(article, statements, quote_rows, reference_date)
            used = {claim_id for claim_id, *_ in mentions}
            current = Claim.objects.current().filter(pk__in=used)
            gone = used - set(current.values_list("pk", flat=True))
            if not gone:
                break
            # Another ingest merged these claims away since we indexed them: match again.
            for claim_id in gone:
                self.claims.forget(claim_id)
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
        record_created(new_mentions)
        self.claims.denial_counts.update(
            m.claim_id for m in new_mentions if m.stance == Stance.DENIES
        )
        self.mentions_made += len(new_mentions)

    def _claims_of(self, statements, reference_date):
        """The claim of each statement that names one, merged into an older claim where its
        new terms now match one; bare denials get theirs from what they answer."""
        claim_of_statement, grown = {}, set()
        for index, statement in enumerate(statements):
            if not statement.needs_target:
                claim_of_statement[index] = self.claims.claim_for(statement, reference_date, grown)
        # A claim whose terms did not change matches nothing new; finish() looks at all again.
        survivors = {
            claim_id: self.claims.merge_into_older(claim_id) if claim_id in grown else claim_id
            for claim_id in set(claim_of_statement.values())
        }
        return {i: survivors[c] for i, c in claim_of_statement.items()}

    def _mentions_of(self, article, statements, quote_rows, reference_date):
        """The article's mentions by (claim, start, end, stance), not yet stored."""
        claim_of_statement = self._claims_of(statements, reference_date)
        denied_here = Counter(
            claim_of_statement[i]
            for i, s in enumerate(statements)
            if s.stance == Stance.DENIES and i in claim_of_statement
        )
        mentions = {}
        for index, statement in enumerate(statements):
            if statement.needs_target:
                claim_ids = self.claims.answered_claims(statement, claim_of_statement, denied_here)
            else:
                claim_ids = [claim_of_statement[index]]
            for claim_id in claim_ids:
                key = (claim_id, statement.start, statement.end, statement.stance)
                if key in mentions:
                    continue
                if statement.stance == Stance.DENIES:
                    denied_here[claim_id] += 1
                mentions[key] = self._mention(article, claim_id, statement, quote_rows)
        return mentions

    def _mention(self, article, claim_id, statement, quote_rows):
        quote = quote_rows[statement.quote_index] if statement.quote_index is not None else None
        return Mention(
            claim_id=claim_id,
            article=article,
            stance=statement.stance,
            sentence=statement.sentence,
            start=statement.start,
            end=statement.end,
            speaker=self._speaker(statement.speaker),
            via=_relay_name(statement),
            quote=quote if quote is not None and quote.pk else None,
        )


def _with_claims_merged_into(claim_ids):
    """These claims' ids and those of every claim merged into them, at any depth."""
    found, newest = set(claim_ids), set(claim_ids)
    while newest:
        newest = set(Claim.objects.filter(merged_into__in=newest).values_list("pk", flat=True))
        newest -= found
        found |= newest
    return found


def _relay_name(statement):
    relay = statement.via
    return relay.name[: Mention._meta.get_field("via").max_length] if relay else ""


def _record_positions(article, replaced_positions=None):
    """Keep with the article's newest version where its text stands on each claim, and with
    the version it replaced `replaced_positions`, so the reader can say what changed."""
    versions = list(article.versions.only("pk").order_by("-number")[:2])
    recorded = [article_positions(article), replaced_positions]
    for version, positions in zip(versions, recorded, strict=False):
        if positions is not None:
            version.positions = positions
            version.save(update_fields=["positions"])


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
