"""Gives every template the claims' choices, so it compares with Stance.DENIES, not "denies"."""

from .models import Position, SetBy, SpeakerKind, Stance, Verdict


def choices(request):
    return {
        "Stance": Stance,
        "Position": Position,
        "SpeakerKind": SpeakerKind,
        "SetBy": SetBy,
        "Verdict": Verdict,
    }
