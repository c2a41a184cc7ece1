"""The choices of the claims app's fields: who set a row, stances, positions and kinds; the
analysis's labels are their values."""

from django.db import models

from .analysis import labels


class SetBy(models.TextChoices):
    """Who made a row: ingestion may rewrite the machine's rows, never an editor's."""

    MACHINE = "machine", "machine"
    EDITOR = "editor", "editor"


class SpeakerKind(models.TextChoices):
    PERSON = labels.SpeakerKind.PERSON, "person"
    INSTITUTION = labels.SpeakerKind.INSTITUTION, "institution"
    ANONYMOUS = labels.SpeakerKind.ANONYMOUS, "anonymous source"


class Stance(models.TextChoices):
    """What one mention does with its claim."""

    REPEATS = labels.Stance.REPEATS, "repeats"
    DENIES = labels.Stance.DENIES, "denies"


class Position(models.TextChoices):
    """Where an outlet stands on a claim, over all its mentions of it."""

    REPEATS = labels.Stance.REPEATS, "repeats"
    DENIES = labels.Stance.DENIES, "denies"
    BOTH = "both", "reports both sides"
    SILENT = "silent", "silent"

    @classmethod
    def of(cls, stances):
        """The position of an outlet whose mentions of a claim have these stances."""
        if set(stances) == set(Stance.values):
            return cls.BOTH
        if stances:
            return cls(next(iter(stances)))
        return cls.SILENT


class QuoteKind(models.TextChoices):
    SPEECH = labels.QuoteKind.SPEECH, "quotation of speech"
    SCARE = labels.QuoteKind.SCARE, "scare quote"


class Verdict(models.TextChoices):
    UNREVIEWED = "unreviewed", "unreviewed"
    CONFIRMED = "confirmed", "confirmed"
    DISPUTED = "disputed", "disputed"
    FALSE = "false", "false"
