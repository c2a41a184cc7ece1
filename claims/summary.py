"""The story's summary: each claim's outlets with their mention counts, and each claim's
totals, kept current by whatever changes mentions, so that no page aggregates over them."""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.db import models
from django.db.models import Q

from articles.models import Article, Source, Story

from .choices import Stance
from .models import Claim, Mention

# Who denies a claim, as its card names them: the earliest this many, then "and others".
DENIERS_NAMED = 6
# Speakers whose denials a row keeps: one more than a card names, so it knows there are others.
DENIERS_KEPT = DENIERS_NAMED + 1


def _mention_link():
    """A mention the summary points at. No database constraint: whatever deletes mentions
    refreshes the summary in the same transaction, and deleting needs no extra query."""
    return models.ForeignKey(
        Mention,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )


class ClaimOutlet(models.Model):
    """One outlet's mentions of one claim, counted. An article of no known outlet is an
    outlet of its own: its row has the article and no source."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="claim_outlets")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="outlet_summaries")
    source = models.ForeignKey(Source, null=True, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, null=True, on_delete=models.CASCADE, related_name="+")
    mentions = models.PositiveIntegerField()
    repeats = models.PositiveIntegerField()
    denials = models.PositiveIntegerField()
    # Denials the outlet makes itself, not ones it reports someone making.
    own_voice_denials = models.PositiveIntegerField()
    first_published = models.DateField(null=True)
    # Its first mention by date, then file name, then place: the timeline's tie-break.
    first_mention = _mention_link()
    # Its first repetition, and its first one with a speaker, by date, then article, then
    # place: who first reported the claim and who first asserted it.
    first_repeat = _mention_link()
    first_speaker_repeat = _mention_link()
    # The first denial of each of the first DENIERS_KEPT speakers to deny the claim here (its
    # own voice counts as one), earliest first: [[date or None, start, mention id], ...].
    deniers = models.JSONField(default=list)
    # What orders each first mention above among the claim's outlets, {name: [date or None,
    # file name or article id, start]}: the tally compares them without reading mentions.
    first_keys = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source"],
                condition=Q(source__isnull=False),
                name="claim_outlet_one_row_per_source",
            ),
            models.UniqueConstraint(
                fields=["claim", "article"],
                condition=Q(source__isnull=True),
                name="claim_outlet_one_row_per_unknown_outlet",
            ),
            models.CheckConstraint(
                condition=Q(source__isnull=True, article__isnull=False)
                | Q(source__isnull=False, article__isnull=True),
                name="claim_outlet_is_a_source_or_an_article",
            ),
        ]
        indexes = [models.Index(fields=["story", "source"], name="claim_outlet_story_source")]

    def __str__(self):
        return f"claim {self.claim_id}, outlet {self.source_id or f'article {self.article_id}'}"


class ClaimTally(models.Model):
    """A claim's totals over its ClaimOutlets, which order the matrix and "most contested"."""

    claim = models.OneToOneField(
        Claim, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="claim_tallies")
    outlets = models.PositiveIntegerField()
    mentions = models.PositiveIntegerField()
    denials = models.PositiveIntegerField()
    # Someone denies it: stored, so that contested claims come first by an index.
    contested = models.BooleanField()
    first_published = models.DateField(null=True)
    first_mention = _mention_link()
    first_repeat = _mention_link()
    first_speaker_repeat = _mention_link()

    class Meta:
        indexes = [
            models.Index(
                "story",
                models.F("contested").desc(),
                models.F("outlets").desc(),
                name="claim_tally_contested",
            )
        ]

    def __str__(self):
        return f"claim {self.claim_id}: {self.outlets} outlets, {self.denials} denials"


class StorySpeaker(models.Model):
    """A speaker the story's mentions name, for the timeline's speaker filter: added whenever
    the summary of a mention is written, so the list never reads the story's mentions."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="speaker_entries")
    speaker = models.ForeignKey(
        "claims.Speaker", on_delete=models.CASCADE, related_name="story_entries"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "speaker"], name="story_speaker_once")
        ]

    def __str__(self):
        return f"speaker {self.speaker_id} in story {self.story_id}"


# True while the code running refreshes the summary itself, as ingestion does once per article:
# the receivers that refresh it after each saved or deleted mention then stand aside.
_refreshed_by_caller = ContextVar("summary_refreshed_by_caller", default=False)


@contextmanager
def refreshed_by_caller():
    """Mentions saved or deleted in this block leave the summary to the caller."""
    token = _refreshed_by_caller.set(True)
    try:
        yield
    finally:
        _refreshed_by_caller.reset(token)


def is_refreshed_by_caller():
    return _refreshed_by_caller.get()


# What a refresh reads of each mention, in this order.
MENTION_FIELDS = (
    "pk",
    "claim_id",
    "article_id",
    "article__source_id",
    "article__file_name",
    "article__published",
    "stance",
    "speaker_id",
    "quote_id",
    "start",
)


def refresh_claims(claim_ids):
    """Summarise these claims again from all their mentions: after an editor's change."""
    claim_ids = set(claim_ids)
    ClaimOutlet.objects.filter(claim__in=claim_ids).delete()
    _write_outlets(Mention.objects.filter(claim__in=claim_ids))
    _write_tallies(claim_ids)
    # Whatever the summary says, the story's pages show: the pages kept are out of date.
    Story.objects.filter(claims__in=claim_ids).mark_changed()


def refresh_outlets(claim_ids, sources=(), articles=()):
    """Summarise again only these outlets' rows of these claims (`articles`: articles of no
    known outlet): what ingesting one article changes, whatever the size of the story."""
    claim_ids = set(claim_ids)
    outlets = Q(source__in=sources) | Q(source=None, article__in=articles)
    ClaimOutlet.objects.filter(outlets, claim__in=claim_ids).delete()
    mentions = Q(article__source__in=sources) | Q(article__source=None, article__in=articles)
    _write_outlets(Mention.objects.filter(mentions, claim__in=claim_ids))
    _write_tallies(claim_ids)
    Story.objects.filter(claims__in=claim_ids).mark_changed()


def refresh_article(claim_ids, article):
    """Summarise again the article's outlet on these claims."""
    if article.source_id:
        refresh_outlets(claim_ids, sources=[article.source_id])
    else:
        refresh_outlets(claim_ids, articles=[article.pk])


def outlets_of(claim_ids):
    """The outlets the summary has for these claims, as refresh_outlets' keyword arguments."""
    rows = ClaimOutlet.objects.filter(claim__in=claim_ids).values_list("source_id", "article_id")
    return {
        "sources": {source for source, _ in rows if source},
        "articles": {article for source, article in rows if not source},
    }


def rebuild_story(story):
    """The whole story summarised again: for the migration and for repairs."""
    refresh_claims(Claim.objects.filter(story=story).values_list("pk", flat=True))


def _publication_key(published, file_name_or_id, start):
    return (published or date.max, file_name_or_id, start)


def _write_outlets(mentions):
    rows = {}
    # A mention's claim decides the row's story: read the stories of the claims once.
    for fields in mentions.values_list(*MENTION_FIELDS).order_by().iterator():
        pk, claim_id, article_id, source_id, file_name, published, stance, speaker, quote, start = (
            fields
        )
        key = (claim_id, source_id) if source_id else (claim_id, None, article_id)
        row = rows.get(key)
        if row is None:
            row = rows[key] = _OutletCount(claim_id, source_id, None if source_id else article_id)
        row.add(pk, article_id, file_name, published, stance, speaker, quote, start)
    stories = dict(
        Claim.objects.filter(pk__in={key[0] for key in rows}).values_list("pk", "story_id")
    )
    ClaimOutlet.objects.bulk_create(row.as_model(stories[row.claim_id]) for row in rows.values())
    named = {(stories[row.claim_id], speaker) for row in rows.values() for speaker in row.speakers}
    StorySpeaker.objects.bulk_create(
        [StorySpeaker(story_id=story, speaker_id=speaker) for story, speaker in named],
        ignore_conflicts=True,
    )


class _OutletCount:
    """Counts one outlet's mentions of one claim as they are read."""

    def __init__(self, claim_id, source_id, article_id):
        self.claim_id, self.source_id, self.article_id = claim_id, source_id, article_id
        self.mentions = self.repeats = self.denials = self.own_voice_denials = 0
        self.first_published = None
        self.firsts = {}
        self.deniers = {}
        self.speakers = set()

    def add(self, pk, article_id, file_name, published, stance, speaker, quote, start):
        self.mentions += 1
        if speaker is not None:
            self.speakers.add(speaker)
        if published and (self.first_published is None or published < self.first_published):
            self.first_published = published
        self._keep_first("mention", _publication_key(published, file_name, start), pk)
        by_article = _publication_key(published, article_id, start)
        if stance == Stance.REPEATS:
            self.repeats += 1
            self._keep_first("repeat", by_article, pk)
            if speaker is not None:
                self._keep_first("speaker_repeat", by_article, pk)
            return
        self.denials += 1
        if speaker is None and quote is None:
            self.own_voice_denials += 1
        denial_key = (published or date.max, start, pk)
        if speaker not in self.deniers or denial_key < self.deniers[speaker]:
            self.deniers[speaker] = denial_key

    def _keep_first(self, name, key, pk):
        # The mention's id breaks ties: mentions are read in no order, and the same rows must
        # give the same summary.
        if name not in self.firsts or (key, pk) < self.firsts[name]:
            self.firsts[name] = (key, pk)

    def as_model(self, story_id):
        first = {name: pk for name, (_, pk) in self.firsts.items()}
        keys = {
            name: [None if published == date.max else published.isoformat(), tie, start]
            for name, ((published, tie, start), _) in self.firsts.items()
        }
        return ClaimOutlet(
            story_id=story_id,
            claim_id=self.claim_id,
            source_id=self.source_id,
            article_id=self.article_id,
            mentions=self.mentions,
            repeats=self.repeats,
            denials=self.denials,
            own_voice_denials=self.own_voice_denials,
            first_published=self.first_published,
            first_mention_id=first.get("mention"),
            first_repeat_id=first.get("repeat"),
            first_speaker_repeat_id=first.get("speaker_repeat"),
            deniers=[
                [None if published == date.max else published.isoformat(), start, pk]
                for published, start, pk in sorted(self.deniers.values())[:DENIERS_KEPT]
            ],
            first_keys=keys,
        )


# A tally's first mentions, each the earliest of its outlets' (the names of _OutletCount's).
FIRSTS = {
    "first_mention": "mention",
    "first_repeat": "repeat",
    "first_speaker_repeat": "speaker_repeat",
}


def _write_tallies(claim_ids):
    """Each claim's totals, from its ClaimOutlets; a claim without any has no tally."""
    ClaimTally.objects.filter(claim__in=claim_ids).delete()
    rows = ClaimOutlet.objects.filter(claim__in=claim_ids).values(
        "claim_id",
        "story_id",
        "mentions",
        "denials",
        "first_published",
        "first_keys",
        *(f"{name}_id" for name in FIRSTS),
    )
    tallies, earliest = {}, {}
    for row in rows:
        tally = tallies.get(row["claim_id"])
        if tally is None:
            tally = tallies[row["claim_id"]] = ClaimTally(
                claim_id=row["claim_id"],
                story_id=row["story_id"],
                outlets=0,
                mentions=0,
                denials=0,
                first_published=None,
            )
        tally.outlets += 1
        tally.mentions += row["mentions"]
        tally.denials += row["denials"]
        published = row["first_published"]
        if published and (tally.first_published is None or published < tally.first_published):
            tally.first_published = published
        for field, name in FIRSTS.items():
            if name in row["first_keys"]:
                key = _sortable(row["first_keys"][name])
                known = earliest.get((row["claim_id"], field))
                candidate = (key, row[f"{field}_id"])
                if known is None or candidate < known:
                    earliest[(row["claim_id"], field)] = candidate
    for (claim_id, field), (_, mention_id) in earliest.items():
        setattr(tallies[claim_id], f"{field}_id", mention_id)
    for tally in tallies.values():
        tally.contested = tally.denials > 0
    ClaimTally.objects.bulk_create(tallies.values())


def _sortable(stored_key):
    published, tie_break, start = stored_key
    return (date.fromisoformat(published) if published else date.max, tie_break, start)
