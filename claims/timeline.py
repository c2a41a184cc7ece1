"""Puts a story's claims in timeline order, leaving the positions editors set."""

from datetime import date

from .models import Claim, Mention, SetBy


def order_timeline(story):
    """Order by event date, then by the first article (by date, then name) to carry it."""
    first_seen = {}
    rows = (
        Mention.objects.filter(claim__story=story)
        .order_by("claim_id", "article__published", "article__file_name", "start")
        .values_list("claim_id", "article__published", "article__file_name", "start")
    )
    for claim_id, published, file_name, start in rows.iterator():
        first_seen.setdefault(claim_id, (published or date.max, file_name, start))
    claims = Claim.objects.filter(story=story).values_list(
        "pk", "event_date", "timeline_position", "set_by"
    )
    order = sorted(
        claims,
        key=lambda c: (c[1] or date.max, first_seen.get(c[0], (date.max, "", 0))),
    )
    for position, (claim_id, _, old_position, set_by) in enumerate(order):
        if set_by == SetBy.MACHINE and old_position != position:
            Claim.objects.filter(pk=claim_id).update(timeline_position=position)
