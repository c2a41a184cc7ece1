"""Marks up text for reading: claim sentences and quotes in a body, words that differ."""

import difflib
import re
from typing import NamedTuple

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.vocabulary import content_words

from .models import Claim, Position

WORD = re.compile(r"\w+", re.UNICODE)


def _words(text):
    """The claim's content words: "that" and "would" are shared by every sentence."""
    return {word.lower() for word in content_words(text)}


def highlight_words(sentence, claim_text):
    """The sentence, escaped, with the words it shares with the claim in <mark>."""
    shared = _words(claim_text)
    parts, last = [], 0
    for match in WORD.finditer(sentence):
        if match.group().lower() in shared:
            parts.append(escape(sentence[last : match.start()]))
            parts.append(format_html("<mark>{}</mark>", match.group()))
            last = match.end()
    parts.append(escape(sentence[last:]))
    return mark_safe("".join(parts))


def wording_difference(canonical, wording):
    """The wording, escaped, with words not in the canonical text in <ins>, and the canonical
    words it leaves out in <del>: machine translation's drift shows up here."""
    before, after = canonical.split(), wording.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(after[j1:j2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[j1:j2])))
    return mark_safe(" ".join(parts))


SYMBOL = {Position.REPEATS: "✔", Position.DENIES: "✖", Position.BOTH: "±"}


class CarriedClaim(NamedTuple):
    """A claim an article or sentence carries, and where it stands on it there."""

    claim: Claim
    position: Position

    @property
    def symbol(self):
        return SYMBOL[self.position]


def claims_carried(mentions):
    """Each claim of these mentions once, in the order they first carry it, with its position
    over their stances: one sentence or article may both repeat and deny a claim."""
    stances = {}
    for mention in mentions:
        stances.setdefault(mention.claim_id, (mention.claim, set()))[1].add(mention.stance)
    return [CarriedClaim(claim, Position.of(found)) for claim, found in stances.values()]


class Span(NamedTuple):
    """A stretch of the body to wrap in markup: sentences (rank 0) hold quotes (rank 1).
    A span cut into pieces opens its first piece with `first` and any later one with `rest`."""

    start: int
    end: int
    rank: int
    first: tuple[str, str]
    rest: tuple[str, str]


def annotated_body(article, mentions, quotes):
    """The article body as HTML paragraphs: each claim sentence underlined in the colour of
    its stance, starting with a mark per claim that links to it, and holding one element per
    mention (`id="m-<pk>"`) around the whole sentence; each quotation marked inside. Offsets
    index the body; everything from the article is escaped."""
    slug = article.story.slug
    spans = [_sentence_span(slug, sentence) for sentence in _sentences(mentions)]
    spans += [_quote_span(quote) for quote in quotes if quote.end > quote.start]
    return _render(article.body, spans)


def _sentences(mentions):
    """The mentions grouped by sentence: mentions whose ranges overlap are one sentence, so
    one element can hold it whole."""
    sentences, end = [], -1
    for mention in sorted(mentions, key=lambda mention: (mention.start, mention.end, mention.pk)):
        if mention.end <= mention.start:
            continue
        if mention.start >= end:
            sentences.append([])
        sentences[-1].append(mention)
        end = max(end, mention.end)
    return sentences


def _sentence_span(slug, mentions):
    position = Position.of({mention.stance for mention in mentions})
    piece = format_html(
        '<span class="claim-sentence sentence-{}" data-sentence="s-{}">', position, mentions[0].pk
    )
    targets = [format_html('<span class="mention" id="m-{}">', m.pk) for m in mentions]
    marks = [_mark(slug, carried) for carried in claims_carried(mentions)]
    return Span(
        start=mentions[0].start,
        end=max(mention.end for mention in mentions),
        rank=0,
        first=("".join([piece, *targets, *marks]), "</span>" * (1 + len(targets))),
        rest=(piece, "</span>"),
    )


def _mark(slug, carried):
    """The claim's symbol, a link to its page; its name says the stance and the claim."""
    label = f"{carried.position.label}: {carried.claim.text}"
    return format_html(
        '<a class="claim-mark stance-{}" href="{}" title="{}" aria-label="{}">{}</a>',
        carried.position,
        reverse("claims:claim_detail", args=[slug, carried.claim.pk]),
        label,
        label,
        carried.symbol,
    )


def _quote_span(quote):
    speaker = quote.speaker.name if quote.speaker else "unknown speaker"
    tag = format_html('<q class="quote quote-{}" title="{}">', quote.kind, speaker)
    return Span(quote.start, quote.end, 1, (tag, "</q>"), (tag, "</q>"))


def _render(body, spans):
    """The body's paragraphs, each with the spans within it: a span across a paragraph
    break is cut there."""
    opened = set()
    return mark_safe(
        "".join(
            f"<p>{_render_paragraph(body, start, end, spans, opened)}</p>"
            for start, end in _paragraphs(body)
        )
    )


def _paragraphs(body):
    start = 0
    for match in re.finditer(r"\n\n", body):
        yield start, match.start()
        start = match.end()
    yield start, len(body)


def _render_paragraph(body, start, end, spans, opened):
    """The text from `start` to `end` with its spans' pieces opened and closed around it;
    `opened` keeps the spans whose first piece is out, so only it carries their ids."""
    html, open_pieces, position = [], [], start
    # A last piece, empty, at the end closes whatever is still open.
    for piece_start, piece_end, index in [*_pieces(spans, start, end), (end, end, None)]:
        while open_pieces and open_pieces[-1][0] <= piece_start:
            close_at, closing = open_pieces.pop()
            html += [escape(body[position:close_at]), closing]
            position = close_at
        html.append(escape(body[position:piece_start]))
        position = piece_start
        if index is not None:
            opening, closing = spans[index].rest if index in opened else spans[index].first
            opened.add(index)
            html.append(opening)
            open_pieces.append((piece_end, closing))
    return "".join(str(part) for part in html)


def _pieces(spans, start, end):
    """The spans' pieces between `start` and `end`, cut so they nest, in document order,
    outer first: a span is cut wherever one that goes outside it (a sentence for a quote, the
    earlier of two crossing quotes) starts or ends inside it, never the other way round."""
    clipped = sorted(
        (
            (max(span.start, start), min(span.end, end), index)
            for index, span in enumerate(spans)
            if span.start < end and start < span.end
        ),
        key=lambda clip: (spans[clip[2]].rank, spans[clip[2]].start, -spans[clip[2]].end),
    )
    pieces = []
    for order, (low, high, index) in enumerate(clipped):
        cuts = {bound for outer in clipped[:order] for bound in outer[:2] if low < bound < high}
        bounds = [low, *sorted(cuts), high]
        pieces += [(a, b, order, index) for a, b in zip(bounds, bounds[1:], strict=False)]
    pieces.sort(key=lambda piece: (piece[0], -piece[1], piece[2]))
    return [(a, b, index) for a, b, _, index in pieces]
