"""Puts a story's claims in timeline order, leaving the positions editors set."""

from datetime import date

from .models import Claim, Mention, SetBy


def order_timeline(story):
    """Order by event date; within a day, contested claims first, then those more outlets
    carry, then by the first article (by date, then name) to carry them. Returns the ids of
    the claims that moved."""
    first_seen = {}
    rows = (
        Mention.objects.filter(claim__story=story)
        .order_by("claim_id", "article__published", "article__file_name", "start")
        .values_list("claim_id", "article__published", "article__file_name", "start")
    )
    for claim_id, published, file_name, start in rows.iterator():
        first_seen.setdefault(claim_id, (published or date.max, file_name, start))
    claims = (
        Claim.objects.current()
        .filter(story=story)
        .with_outlet_count()
        .values_list("pk", "event_date", "timeline_position", "set_by", "denials", "outlet_count")
    )

    def rank(claim):
        pk, event_date, _, _, denials, outlet_count = claim
        contested = denials > 0
        return (
            event_date or date.max,
            not contested,
            -outlet_count,
            first_seen.get(pk, (date.max, "", 0)),
        )

    moved = []
    for position, (claim_id, _, old_position, set_by, *_) in enumerate(sorted(claims, key=rank)):
        if set_by == SetBy.MACHINE and old_position != position:
            Claim.objects.filter(pk=claim_id).update(timeline_position=position)
            moved.append(claim_id)
    return moved
