"""Puts a story's claims in timeline order, leaving the positions editors set."""

from datetime import date

from .models import Claim, SetBy


def order_timeline(story):
    """Order by event date; within a day, contested claims first, then those more outlets
    carry, then by the first article (by date, then name) to carry them. Reads one row per
    claim, from the claims' tallies. Returns the ids of the claims that moved."""
    claims = (
        Claim.objects.current()
        .filter(story=story)
        .values_list(
            "pk",
            "event_date",
            "timeline_position",
            "set_by",
            "tally__denials",
            "tally__outlets",
            "tally__first_mention__article__published",
            "tally__first_mention__article__file_name",
            "tally__first_mention__start",
        )
    )

    def rank(claim):
        _, event_date, _, _, denials, outlets, published, file_name, start = claim
        return (
            event_date or date.max,
            not denials,
            -(outlets or 0),
            (published or date.max, file_name or "", start or 0),
        )

    moved = [
        Claim(pk=claim_id, timeline_position=position)
        for position, (claim_id, _, old_position, set_by, *_) in enumerate(sorted(claims, key=rank))
        if set_by == SetBy.MACHINE and old_position != position
    ]
    # One claim new near the top moves every claim below it: one query for all of them.
    Claim.objects.bulk_update(moved, ["timeline_position"], batch_size=500)
    return [claim.pk for claim in moved]
