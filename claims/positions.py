"""Where each outlet stands on each claim: it repeats it, denies it or reports both sides."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from .choices import Position, SetBy, Stance
from .models import ClaimOutlet, Mention, PositionCorrection
from .summary import DENIERS_NAMED


@dataclass
class OutletPosition:
    """One outlet's position on one claim, over all its mentions of it. An article of no
    known outlet stands as an outlet of its own, named by its file name."""

    claim_id: int
    source_id: int | None
    article_id: int | None
    outlet: str
    stances: set = field(default_factory=set)
    # A denial the outlet makes itself, not one it reports someone making.
    denies_in_own_voice: bool = False
    mentions: int = 0
    first_published: date | None = None
    # An editor's PositionCorrection: it wins over what the mentions say.
    corrected: Position | None = None

    @property
    def position(self):
        if self.corrected:
            return self.corrected
        if self.denies_in_own_voice:
            return Position.DENIES
        return Position.of(self.stances)

    @property
    def set_by(self):
        return SetBy.EDITOR if self.corrected else SetBy.MACHINE


def outlet_positions(outlet_rows, claim_ids=()):
    """The OutletPosition of each (claim, outlet) of these ClaimOutlet rows, by claim id, each
    claim's outlets in order of first publication; editors' corrections of these claims, and
    of `claim_ids`, win. Two queries, over the summary, never over mentions."""
    rows = outlet_rows.values_list(
        "claim_id",
        "source_id",
        "source__name",
        "article_id",
        "article__file_name",
        "repeats",
        "denials",
        "own_voice_denials",
        "mentions",
        "first_published",
    )
    found = {}
    for claim_id, source_id, source_name, article_id, file_name, *counts in rows:
        repeats, denials, own_voice_denials, mentions, first_published = counts
        key = (claim_id, source_id) if source_id else (claim_id, None, article_id)
        found[key] = OutletPosition(
            claim_id=claim_id,
            source_id=source_id,
            article_id=article_id,
            outlet=source_name or file_name,
            stances={
                stance for stance, n in [(Stance.REPEATS, repeats), (Stance.DENIES, denials)] if n
            },
            denies_in_own_voice=own_voice_denials > 0,
            mentions=mentions,
            first_published=first_published,
        )
    _apply_corrections(found, {*claim_ids, *(key[0] for key in found)})
    by_claim = defaultdict(list)
    for outlet in found.values():
        if outlet.position != Position.SILENT:
            by_claim[outlet.claim_id].append(outlet)
    for outlets in by_claim.values():
        outlets.sort(key=lambda o: (o.first_published or date.max, o.outlet))
    return by_claim


def _apply_corrections(found, claim_ids):
    """Set editors' positions on the outlets found, adding the outlets an editor placed on a
    claim that the machine linked none of their mentions to."""
    corrections = PositionCorrection.objects.filter(claim__in=claim_ids).values_list(
        "claim_id", "source_id", "source__name", "position"
    )
    for claim_id, source_id, source_name, position in corrections:
        outlet = found.get((claim_id, source_id))
        if outlet is None:
            outlet = found[(claim_id, source_id)] = OutletPosition(
                claim_id=claim_id, source_id=source_id, article_id=None, outlet=source_name
            )
        outlet.corrected = Position(position)


def with_positions(claims):
    """The claims, each given `positions` (its OutletPositions, earliest outlet first),
    `outlets` (for each Position, outlet name → source id), `repeat_outlets`,
    `deny_outlets`, `both_outlets`, `mention_count` and `first_outlet`, the name of the
    earliest outlet that carries the claim, not only its denial."""
    claim_ids = [c.pk for c in claims]
    by_claim = outlet_positions(ClaimOutlet.objects.filter(claim__in=claim_ids), claim_ids)
    for claim in claims:
        claim.positions = by_claim.get(claim.pk, [])
        claim.outlets = {p: {} for p in (Position.REPEATS, Position.BOTH, Position.DENIES)}
        for outlet in claim.positions:
            claim.outlets[outlet.position][outlet.outlet] = outlet.source_id
        claim.repeat_outlets = len(claim.outlets[Position.REPEATS])
        claim.deny_outlets = len(claim.outlets[Position.DENIES])
        claim.both_outlets = len(claim.outlets[Position.BOTH])
        claim.mention_count = sum(o.mentions for o in claim.positions)
        carriers = [o.outlet for o in claim.positions if o.position != Position.DENIES]
        claim.first_outlet = carriers[0] if carriers else ""
    return claims


def with_deniers(claims):
    """The claims, each given `deniers`: the names of the first DENIERS_NAMED who deny it,
    earliest first (an outlet that denies in its own voice is named for itself), and
    `more_deniers`, whether others do too. Two bounded queries: the summary's first denials
    of each outlet, and the earliest of those mentions."""
    candidates = defaultdict(list)
    rows = ClaimOutlet.objects.filter(claim__in=[c.pk for c in claims])
    for claim_id, deniers in rows.values_list("claim_id", "deniers"):
        # Undated denials last; ISO dates sort as text.
        candidates[claim_id] += [(day is None, day or "", start, pk) for day, start, pk in deniers]
    # Two mentions may name one speaker (in two outlets): look at a few more than are named.
    looked_at = {
        claim_id: sorted(found)[: 2 * DENIERS_NAMED] for claim_id, found in candidates.items()
    }
    named = Mention.objects.filter(
        pk__in=[pk for found in looked_at.values() for *_, pk in found]
    ).values_list("pk", "speaker__name", "article__source__name")
    name_of = {pk: speaker or outlet for pk, speaker, outlet in named}
    for claim in claims:
        names = []
        for *_, pk in looked_at.get(claim.pk, []):
            name = name_of.get(pk)
            if name and name not in names:
                names.append(name)
        left_unread = len(candidates.get(claim.pk, ())) > len(looked_at.get(claim.pk, ()))
        claim.deniers = names[:DENIERS_NAMED]
        claim.more_deniers = len(names) > DENIERS_NAMED or left_unread
    return claims


def article_positions(article):
    """Where the article's text stands on each claim it mentions, {str(claim id): position
    value}, read from its mentions as an outlet's position is (a denial in its own voice
    denies). Editors' corrections are left out: they set an outlet's position over all its
    articles, not what one text says, so they would show as changes of the text. One query."""
    rows = (
        Mention.objects.filter(article=article)
        .values_list("claim_id", "stance")
        .annotate(own_voice=Count("pk", filter=Q(speaker=None, quote=None)))
        .order_by()
    )
    found = {}
    for claim_id, stance, own_voice in rows:
        outlet = found.setdefault(
            claim_id,
            OutletPosition(
                claim_id=claim_id, source_id=article.source_id, article_id=article.pk, outlet=""
            ),
        )
        outlet.stances.add(stance)
        outlet.denies_in_own_voice |= stance == Stance.DENIES and own_voice > 0
    return {str(claim_id): outlet.position.value for claim_id, outlet in found.items()}
