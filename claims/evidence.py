"""A claim's evidence as its page shows it, read through the story's summary: a page of its
outlets, each with its first mentions and how many more it has, or one outlet's mentions a
page at a time. The first reads only the mentions it shows, however many the claim has; the
second sorts only that outlet's mentions of the claim."""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.db.models import F

from .filters import InvalidFilter
from .highlight import highlight_words, wording_difference
from .models import ClaimOutlet, Mention
from .positions import OutletPosition

OUTLETS_PER_PAGE = 10
MENTIONS_PER_PAGE = 50
# Of an outlet's denials, the first of so many speakers show before "more": enough to tell
# who denies the claim there.
DENIALS_SHOWN = 3
MAX_VARIANTS = 20
# The order of an outlet's mentions: by date, then article, then place.
PUBLICATION_ORDER = (
    F("article__published").asc(nulls_last=True),
    "article__file_name",
    "start",
    "pk",
)


@dataclass
class OutletEvidence:
    """One outlet's mentions of the claim: those shown, and how many it has in all. An
    article of no known outlet is an outlet of its own, named by its file name."""

    source_id: int | None
    article_id: int | None
    name: str
    count: int
    first_published: date | None
    # The summary's first mentions of the outlet (first of all, first repetition, first
    # repetition with a speaker, each speaker's first denial): what the overview shows.
    first_ids: list
    # Its first repetitions: how it worded the claim.
    wording_ids: list
    # Where it stands; None when an editor set it silent.
    position: OutletPosition | None = None
    mentions: list = field(default_factory=list)

    @property
    def more(self):
        return self.count - len(self.mentions)


@dataclass
class Evidence:
    """What the evidence panel shows: `page` is a page of outlets, or, for one `outlet`, a
    page of its mentions; `groups` are the outlets shown with their mentions."""

    page: object
    groups: list
    variants: list
    outlet: OutletEvidence | None = None


def overview(claim, number):
    """Page `number` of the claim's outlets, the earliest first, each with its first mentions.
    `claim` has its positions (claims.positions.with_positions)."""
    outlets = outlets_of(claim)
    page = Paginator(outlets, OUTLETS_PER_PAGE).get_page(number)
    found = _mentions(claim, {pk for outlet in page for pk in outlet.first_ids})
    for outlet in page:
        outlet.mentions = sorted(
            (found[pk] for pk in outlet.first_ids if pk in found), key=_publication_key
        )
        _highlight(claim, outlet.mentions)
    return Evidence(page=page, groups=list(page), variants=_variants(claim, outlets))


def of_outlet(claim, source_id, number):
    """Page `number` of the mentions of the claim by the outlet `source_id`, by date."""
    outlets = outlets_of(claim)
    outlet = next((outlet for outlet in outlets if outlet.source_id == source_id), None)
    if outlet is None:
        raise InvalidFilter(f"outlet: {source_id} carries no mention of this claim")
    mentions = _related(claim.mentions.filter(article__source=source_id)).order_by(
        *PUBLICATION_ORDER
    )
    page = Paginator(mentions, MENTIONS_PER_PAGE).get_page(number)
    outlet.mentions = _highlight(claim, list(page))
    return Evidence(page=page, groups=[outlet], variants=_variants(claim, outlets), outlet=outlet)


def outlets_of(claim):
    """The claim's outlets from the summary, the earliest first, as OutletEvidence with no
    mentions yet. One query, of one row per outlet."""
    positions = {(o.source_id, o.article_id): o for o in claim.positions}
    rows = ClaimOutlet.objects.filter(claim=claim).values_list(
        "source_id",
        "article_id",
        "source__name",
        "article__file_name",
        "mentions",
        "first_published",
        "first_mention_id",
        "first_repeat_id",
        "first_speaker_repeat_id",
        "deniers",
    )
    outlets = []
    for source_id, article_id, source_name, file_name, count, published, *firsts, deniers in rows:
        denials = [pk for *_, pk in deniers[:DENIALS_SHOWN]]
        shown = [pk for pk in (*firsts, *denials) if pk is not None]
        outlets.append(
            OutletEvidence(
                source_id=source_id,
                article_id=article_id,
                name=source_name or file_name,
                count=count,
                first_published=published,
                first_ids=list(dict.fromkeys(shown)),
                wording_ids=[pk for pk in firsts[1:] if pk is not None],
                position=positions.get((source_id, article_id)),
            )
        )
    outlets.sort(key=lambda outlet: (outlet.first_published or date.max, outlet.name))
    return outlets


def _related(mentions):
    """Mentions with what the panel shows of them, without the articles' texts."""
    return mentions.select_related("article__source", "speaker").defer(
        "article__body", "article__raw_text"
    )


def _mentions(claim, ids):
    """{id: mention} of these mentions of the claim."""
    mentions = _related(Mention.objects.filter(claim=claim, pk__in=ids)).order_by()
    return {mention.pk: mention for mention in mentions}


def _highlight(claim, mentions):
    """The mentions, each given `highlighted`, its sentence with the claim's words marked."""
    for mention in mentions:
        mention.highlighted = highlight_words(mention.sentence, claim.text)
    return mentions


def _publication_key(mention):
    article = mention.article
    return (article.published or date.max, article.file_name, mention.start, mention.pk)


def _variants(claim, outlets):
    """How outlets worded the claim, each outlet's first repetitions, the earliest outlet
    first: (outlet name, difference from the claim's words), one per wording. One query, of
    at most two sentences per outlet."""
    ids = [pk for outlet in outlets for pk in outlet.wording_ids]
    wordings = Mention.objects.filter(pk__in=ids).order_by().values_list("pk", "sentence")
    sentences = dict(wordings)
    variants = {}
    for outlet in outlets:
        for pk in outlet.wording_ids:
            sentence = sentences.get(pk)
            if sentence is None or sentence in variants:
                continue
            if len(variants) == MAX_VARIANTS:
                return list(variants.values())
            variants[sentence] = (outlet.name, wording_difference(claim.text, sentence))
    return list(variants.values())
