"""Editors' own records beside the machine's rows: merges they can undo, outlet positions they
set, and the speaker merges ingestion proposes to them."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from articles.models import Source, Story

from .choices import Position
from .models import Claim, Speaker


class ClaimMerge(models.Model):
    """An editor's merge of one claim into another, with what moved, so it can be undone."""

    survivor = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="merges_received")
    merged = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="merges_made")
    # Ids of the mentions and dismissals that moved to the survivor.
    mention_ids = models.JSONField(default=list)
    dismissed_ids = models.JSONField(default=list)
    # Ids of the editors' position corrections that moved to the survivor.
    correction_ids = models.JSONField(default=list)
    # Mentions the survivor already had, dropped from the merged claim: remade on undo.
    duplicates = models.JSONField(default=list)
    # The survivor's fields the merge filled in, as they were before.
    survivor_before = models.JSONField(default=dict)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self):
        return f"#{self.merged_id} into #{self.survivor_id}"


class PositionCorrectionQuerySet(models.QuerySet):
    def by_claim_and_outlet(self, claim_ids):
        """{(claim id, source id): position} of the editors' corrections of these claims."""
        rows = self.filter(claim__in=claim_ids).values_list("claim_id", "source_id", "position")
        return {(claim_id, source_id): Position(p) for claim_id, source_id, p in rows}


class PositionCorrection(models.Model):
    """An editor's word on where an outlet stands on a claim. It wins over what the machine
    reads from the outlet's mentions, and ingestion never writes or deletes it."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="position_corrections")
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="position_corrections", verbose_name="outlet"
    )
    # SILENT says the outlet does not carry the claim at all, whatever the machine linked.
    position = models.CharField(max_length=10, choices=Position.choices)
    note = models.TextField(blank=True, help_text="Why the machine's reading was wrong.")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = PositionCorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["claim", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source"], name="position_correction_one_per_outlet"
            ),
            models.CheckConstraint(
                condition=Q(position__in=Position.values), name="position_correction_valid"
            ),
        ]

    def __str__(self):
        return f"{self.source} {self.get_position_display()} #{self.claim_id}"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "proposed"
    ACCEPTED = "accepted", "accepted"
    REJECTED = "rejected", "rejected"


class SpeakerMergeProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProposalStatus.PROPOSED)

    def follow_merge(self, speaker, into):
        """Before `speaker` merges into `into`: its open proposals are moot and go (it will not
        exist to merge elsewhere; deleting them records no decision nobody made), and those
        into it point at `into`, which takes its place, unless that names a pair twice."""
        self.pending().filter(speaker=speaker).delete()
        for proposal in self.filter(into=speaker):
            twice = proposal.speaker_id is not None and (
                proposal.speaker_id == into.pk
                or self.filter(speaker_id=proposal.speaker_id, into=into).exists()
            )
            if twice:
                proposal.delete()
            else:
                proposal.into = into
                proposal.save(update_fields=["into"])


class SpeakerMergeProposal(models.Model):
    """Ingestion's guess that `speaker` is `into` under a shorter or longer name, found in one
    story; an editor accepts it (the speakers merge) or rejects it (it is not proposed again).
    An accepted one stays, without its speaker, as the record of what merged."""

    Status = ProposalStatus

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="speaker_proposals")
    # Empty once the speaker merged away; speaker_name still says who it was.
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals_made"
    )
    speaker_name = models.CharField(max_length=200, editable=False)
    into = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="proposals_received")
    reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = SpeakerMergeProposalQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "into"], name="speaker_proposal_unique"),
            models.CheckConstraint(
                condition=~Q(speaker=F("into")), name="speaker_proposal_not_itself"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="speaker_proposal_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.speaker_name} → {self.into}"

    @transaction.atomic
    def accept(self, editor=None, reason=""):
        """Merge the speaker into `into`, whose alias its name becomes, and record who decided:
        `editor`, or no one when ingestion merged it itself."""
        if self.status != ProposalStatus.PROPOSED or self.speaker is None:
            raise ValueError(f"Proposal {self.pk} was already {self.get_status_display()}.")
        speaker = self.speaker
        SpeakerMergeProposal.objects.exclude(pk=self.pk).follow_merge(speaker, self.into)
        self._decide(ProposalStatus.ACCEPTED, editor, reason)
        self.into.absorb([speaker])
        self.speaker = None

    def reject(self, editor):
        """Keep the two speakers apart: ingestion will not propose this merge again."""
        if self.status != ProposalStatus.PROPOSED:
            raise ValueError(f"Proposal {self.pk} was already {self.get_status_display()}.")
        self._decide(ProposalStatus.REJECTED, editor)

    def _decide(self, status, editor, reason=""):
        self.status, self.decided_by, self.decided_at = status, editor, timezone.now()
        self.reason = (reason or self.reason)[: self._meta.get_field("reason").max_length]
        self.save()
