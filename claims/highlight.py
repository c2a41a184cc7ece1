"""Marks up text for reading: claim sentences and quotes in a body, words that differ."""

import difflib
import re

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.vocabulary import content_words

from .models import Stance

WORD = re.compile(r"\w+", re.UNICODE)
STANCE_SYMBOL = {Stance.REPEATS: "✔", Stance.DENIES: "✖"}


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


def annotated_body(article, mentions, quotes):
    """The article body as HTML paragraphs, with each claim sentence a link to its claim and
    each quotation marked. Offsets index the body; everything from the article is escaped."""
    spans = []
    for mention in mentions:
        url = reverse("claims:claim_detail", args=[article.story.slug, mention.claim_id])
        label = f"{mention.get_stance_display()}: {mention.claim.text}"
        first = format_html(
            '<a class="claim-sentence stance-{}" id="m-{}" href="{}" title="{}">'
            '<span class="stance-symbol" aria-hidden="true">{}</span>',
            mention.stance,
            mention.pk,
            url,
            label,
            STANCE_SYMBOL[mention.stance],
        )
        rest = format_html(
            '<a class="claim-sentence stance-{}" href="{}" title="{}">', mention.stance, url, label
        )
        spans.append((mention.start, mention.end, 0, first, rest, "</a>"))
    for quote in quotes:
        speaker = quote.speaker.name if quote.speaker else "unknown speaker"
        tag = format_html('<q class="quote quote-{}" title="{}">', quote.kind, speaker)
        spans.append((quote.start, quote.end, 1, tag, tag, "</q>"))
    return _render(article.body, spans)


def _render(body, spans):
    """Cut the body where any span or paragraph starts or ends; wrap each piece in the spans
    that cover it (claim sentences outside, quotes inside), so the HTML always nests."""
    stops = {0, len(body)}
    for start, end, *_ in spans:
        stops.update((start, end))
    for match in re.finditer(r"\n\n", body):
        stops.update((match.start(), match.end()))
    stops = sorted(stop for stop in stops if 0 <= stop <= len(body))
    html, started = ["<p>"], set()
    for start, end in zip(stops, stops[1:], strict=False):
        piece = body[start:end]
        if piece == "\n\n":
            html.append("</p><p>")
            continue
        covering = sorted(
            (span for span in spans if span[0] <= start and end <= span[1]),
            key=lambda span: (span[2], span[0]),
        )
        for span in covering:
            html.append(span[4] if id(span) in started else span[3])
            started.add(id(span))
        html.append(escape(piece))
        html.extend(span[5] for span in reversed(covering))
    html.append("</p>")
    return mark_safe("".join(str(part) for part in html))
