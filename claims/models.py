"""Who said what: speakers, their quotes, the story's claims and each article's stance on them."""

from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.models import Article, Source, Story

from .choices import (
    Position,  # noqa: F401  (views find every choice beside the models)
    QuoteKind,
    SetBy,
    SpeakerKind,
    Stance,
    Verdict,
)


class Speaker(models.Model):
    Kind = SpeakerKind

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=SpeakerKind.values),
                name="speaker_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name

    @transaction.atomic
    def absorb(self, others):
        """Merge duplicate speakers into this one: their quotes, mentions and claims move here
        and their names become aliases, so the next ingestion uses this speaker."""
        for other in others:
            if other.pk == self.pk:
                continue
            other.quotes.update(speaker=self)
            other.mentions.update(speaker=self)
            other.originated_claims.update(origin_speaker=self)
            other.aliases.update(speaker=self)
            # The stories that named the other name this speaker now (the summary's list).
            entry = self.story_entries.model
            stories = other.story_entries.values_list("story_id", flat=True)
            entry.objects.bulk_create(
                [entry(story_id=story_id, speaker=self) for story_id in stories],
                ignore_conflicts=True,
            )
            name = other.name
            other.delete()
            SpeakerAlias.objects.get_or_create(name=name, defaults={"speaker": self})


class SpeakerAlias(models.Model):
    """Another spelling of a speaker's name; ingestion maps it to the speaker."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="speaker_alias_not_empty"),
        ]

    def __str__(self):
        return self.name


class Quote(models.Model):
    Kind = QuoteKind

    # Indexed by the unique span constraint, which starts with the article.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="quotes", db_index=False
    )
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    cue = models.CharField(max_length=50, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SPEECH)
    set_by = models.CharField(max_length=10, choices=SetBy.choices, default=SetBy.MACHINE)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__gte=0), name="quote_start_not_negative"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_end_after_start"),
            models.CheckConstraint(condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"),
            models.CheckConstraint(condition=Q(set_by__in=SetBy.values), name="quote_set_by_valid"),
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="quote_unique_span_per_article"
            ),
        ]

    def __str__(self):
        return self.text[:80]


class ClaimQuerySet(models.QuerySet):
    def current(self):
        """The claims not merged into another: the only ones pages, counts and ingestion see."""
        return self.filter(merged_into=None)

    def with_outlet_count(self):
        """Annotate `outlet_count`, how many outlets carry each claim, and `denials`, how many
        of its mentions deny it, from the claims' tallies; an article with no known outlet
        counts as an outlet of its own."""
        return self.annotate(
            outlet_count=Coalesce(models.F("tally__outlets"), 0),
            denials=Coalesce(models.F("tally__denials"), 0),
        )

    def for_timeline(self, story):
        """The story's claims in timeline order; pass a page of them to
        claims.positions.with_positions() for where each outlet stands."""
        return (
            self.current()
            .filter(story=story)
            .select_related("story", "origin_source", "origin_speaker")
            .order_by(models.F("event_date").asc(nulls_last=True), "timeline_position", "pk")
        )

    def contested_first(self, story):
        """The story's claims for the matrix: the ones someone denies first, then the ones
        more outlets carry, then in timeline order; annotated as with_outlet_count()."""
        return (
            self.current()
            .filter(story=story)
            .with_outlet_count()
            .order_by(
                models.F("tally__contested").desc(nulls_last=True),
                models.F("tally__outlets").desc(nulls_last=True),
                models.F("event_date").asc(nulls_last=True),
                "timeline_position",
                "pk",
            )
        )

    def most_contested(self, story, limit=3):
        """Claims someone denies, the ones most outlets carry first."""
        return (
            self.current()
            .filter(story=story)
            .with_outlet_count()
            .filter(tally__contested=True)
            .order_by("-tally__outlets", "pk")[:limit]
        )


class Claim(models.Model):
    Verdict = Verdict

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    event_date = models.DateField(null=True, blank=True)
    timeline_position = models.PositiveIntegerField(default=0)
    verdict = models.CharField(max_length=12, choices=Verdict.choices, default=Verdict.UNREVIEWED)
    editor_note = models.TextField(blank=True)
    # Whom the articles credit for the claim: the first outlet and speaker known for it.
    origin_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="originated_claims"
    )
    origin_speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="originated_claims"
    )
    set_by = models.CharField(max_length=10, choices=SetBy.choices, default=SetBy.MACHINE)
    # An editor merged this claim away: its id stays, as a permanent redirect to that claim.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="merged_claims",
    )
    # The content words ingestion matches new statements against, space-separated.
    match_terms = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["match_terms"])

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["story", "event_date", "timeline_position"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="claim_text_not_empty"),
            models.CheckConstraint(
                condition=Q(timeline_position__gte=0), name="claim_position_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values),
                name="claim_verdict_valid",
            ),
            models.CheckConstraint(condition=Q(set_by__in=SetBy.values), name="claim_set_by_valid"),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="claim_not_merged_into_itself"
            ),
        ]
        indexes = [
            models.Index(
                fields=["story", "event_date", "timeline_position"], name="claim_timeline"
            ),
            models.Index(fields=["story", "verdict"], name="claim_story_verdict"),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("claims:claim_detail", args=[self.story.slug, self.pk])

    def survivor(self):
        """The current claim this one went into, following merges of merges; itself when it
        was never merged."""
        claim, seen = self, {self.pk}
        while claim.merged_into_id is not None and claim.merged_into_id not in seen:
            seen.add(claim.merged_into_id)
            claim = Claim.objects.select_related("story").get(pk=claim.merged_into_id)
        return claim

    @transaction.atomic
    def absorb(self, others):
        """Merge `others` into this claim: their mentions move here, nothing is lost, and each
        stays only as the way to this claim from its old address."""
        # The same evidence on both claims is kept once: read what this claim has in the
        # others' articles, just once.
        their_articles = Mention.objects.filter(claim__in=others).values("article_id")
        kept = {
            (m.article_id, m.start, m.end, m.stance): m
            for m in self.mentions.filter(article__in=their_articles).only(
                "pk", "article_id", "start", "end", "stance", "set_by"
            )
        }
        for other in others:
            if other.pk == self.pk:
                continue
            for mention in other.mentions.all():
                key = (mention.article_id, mention.start, mention.end, mention.stance)
                duplicate = kept.get(key)
                if duplicate is not None:
                    if mention.set_by == SetBy.EDITOR and duplicate.set_by != SetBy.EDITOR:
                        duplicate.set_by = SetBy.EDITOR
                        duplicate.save(update_fields=["set_by", "updated_at"])
                    mention.delete()
                else:
                    mention.claim = self
                    mention.save(update_fields=["claim", "updated_at"])
                    kept[key] = mention
            other.dismissed_mentions.update(claim=self)
            # Where both claims have an editor's position for an outlet, this claim's stands.
            other.position_corrections.exclude(
                source__in=self.position_corrections.values("source")
            ).update(claim=self)
            if not self.editor_note and other.editor_note:
                self.editor_note = other.editor_note
            if self.event_date is None and other.event_date:
                self.event_date = other.event_date
            terms = set(self.match_terms.split()) | set(other.match_terms.split())
            self.match_terms = " ".join(sorted(terms))
            # It stays as a redirect to this claim: links to it that readers shared still work.
            other.merged_into, other.match_terms = self, ""
            other.save(update_fields=["merged_into", "match_terms", "updated_at"])
        self.save()


class Mention(models.Model):
    """One article carrying a claim: it repeats it or denies it, in this sentence."""

    Stance = Stance

    # Both are indexed by the composite indexes below: a third index would only slow inserts.
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions", db_index=False
    )
    stance = models.CharField(max_length=10, choices=Stance.choices)
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # Empty when the outlet states the claim in its own voice.
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    quote = models.ForeignKey(
        Quote, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    # Who passed the speaker's words on to the outlet: "an official told the Gazette that
    # the mayor said ...": the mayor speaks, via the official.
    via = models.CharField(max_length=200, blank=True)
    set_by = models.CharField(max_length=10, choices=SetBy.choices, default=SetBy.MACHINE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=Stance.values), name="mention_stance_valid"
            ),
            models.CheckConstraint(
                condition=Q(set_by__in=SetBy.values), name="mention_set_by_valid"
            ),
            models.CheckConstraint(condition=Q(start__gte=0), name="mention_start_not_negative"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_end_after_start"),
            models.UniqueConstraint(
                fields=["claim", "article", "start", "end", "stance"],
                name="mention_unique_span_per_claim",
            ),
        ]
        indexes = [
            models.Index(fields=["claim", "stance"], name="mention_claim_stance"),
            models.Index(fields=["article", "start"], name="mention_article_start"),
        ]

    def __str__(self):
        # Said where the claim is already on screen (its page, its history): not repeated.
        return f"{self.article} · {self.get_stance_display()}"

    def get_absolute_url(self):
        return reverse("claims:article_reader", args=[self.article.story.slug, self.article_id]) + (
            f"#m-{self.pk}"
        )

    def dismiss(self):
        """Delete this mention as an editor does: ingestion will not make it again."""
        DismissedMention.objects.get_or_create(
            claim_id=self.claim_id,
            article_id=self.article_id,
            sentence=self.sentence,
            stance=self.stance,
        )
        self.delete()


class DismissedMention(models.Model):
    """A mention an editor deleted. Re-ingesting its article, even changed, does not bring it
    back while the article still has that sentence and the claim still exists."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="dismissed_mentions")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="dismissed_mentions"
    )
    sentence = models.TextField()
    stance = models.CharField(max_length=10, choices=Mention.Stance.choices)
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # No unique constraint: PostgreSQL cannot index a long sentence. dismiss() makes one
        # row per dismissal; a duplicate (after a merge) would change nothing.
        ordering = ["-dismissed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stance__in=Stance.values),
                name="dismissed_mention_stance_valid",
            ),
        ]

    def __str__(self):
        return f"{self.article} no longer {self.stance} {self.claim}"


class ReviewQueue(Claim):
    """The claims editors have not reviewed yet, as their own list in the admin."""

    class Meta:
        proxy = True
        verbose_name = "claim to review"
        verbose_name_plural = "claims to review"


# Editors' own records, in a module of their own; imported here so Django finds them.
from .editorial import ClaimMerge, PositionCorrection, SpeakerMergeProposal  # noqa: E402, F401

# The story's summary of who carries each claim, kept beside the mentions it sums up.
from .summary import ClaimOutlet, ClaimTally, StorySpeaker  # noqa: E402, F401
