"""The "quote_speakers" stage: who said each quotation, and with which reporting verb."""

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .documents import document_quoted
from .inner_quotes import inner_speaker
from .labels import QuoteKind, SpeakerKind
from .lexicon import DENYING_CUES, SOURCE_CUES, TITLE_WORDS, UTTERANCE_NOUNS
from .names import ascii_fold
from .speakers import SpeakerRef, SpeakerResolver
from .speech import PAST_FORMS

Doc.set_extension("attributions", default=None, force=True)

# A quotation this close after the previous one, with at most one paragraph break between
# ("..., she said. \n\n "..."), goes on in the same voice; further away it needs its own cue.
CONTINUATION_CHARS = 80

# A dash this close after a quotation credits its speaker: ""..." — Jo Poe"; the window
# allows a line or paragraph break and some spaces.
DASH_CREDIT_CHARS = 6
CREDIT_DASHES = ("—", "–", "-", "―")

# A participle this close after a quotation's closing mark ends the clause that quotes it.
FINAL_VERB_CHARS = 2


@dataclass(frozen=True)
class QuoteAttribution:
    speaker: SpeakerRef | None
    cue: str
    via: SpeakerRef | None = None  # the person or outlet that relayed the words


@Language.component("quote_speakers")
def quote_speakers(doc):
    """Writes doc._.attributions: the QuoteAttribution of each of doc._.quotes, in order."""
    index = doc._.index
    events = doc._.speech_events
    resolver = SpeakerResolver(doc, doc._.speaker_memory)
    attributions = []
    previous = None
    for quote in doc._.quotes:
        sentences = index.sentences_between(quote.open_mark, quote.close_mark)
        event, via = _event_governing(doc, quote, sentences, events)
        event = event or _event_introducing(index.text, quote, events)
        if quote.speaker_label:
            # A transcript's turn label names its speaker outright.
            speaker = SpeakerRef(quote.speaker_label, SpeakerKind.PERSON)
            attribution = QuoteAttribution(speaker, "")
        elif quote.nested_in is not None and (
            inner := inner_speaker(
                resolver,
                quote,
                doc._.quotes[quote.nested_in],
                attributions[quote.nested_in].speaker,
            )
        ):
            attribution = QuoteAttribution(inner, "", attributions[quote.nested_in].speaker)
        elif document := document_quoted(doc, quote):
            relay = event.speaker if event else None
            attribution = QuoteAttribution(resolver.speaker_of(document), "", relay)
        elif dashed := _dashed_credit(resolver, quote):
            attribution = QuoteAttribution(dashed, "")
        elif event:
            attribution = QuoteAttribution(event.speaker, event.cue, via or event.via)
        elif named := _named_around(resolver, quote, sentences) or _named_before_colon(
            resolver, quote
        ):
            attribution = QuoteAttribution(named, "")
        elif previous and _continues(index.text, previous[0], quote):
            attribution = previous[1]
        elif _opens_its_paragraph(index.text, quote):
            speaker = _subject_of_paragraph_before(resolver, quote.open_mark)
            attribution = QuoteAttribution(speaker, "")
        else:
            attribution = QuoteAttribution(None, "")
        attributions.append(attribution)
        if quote.nested_in is None:
            # Words after a quotation go on in the voice of the one around it, not inside it.
            previous = (quote, attribution)
    doc._.attributions = attributions
    return doc


def _clause_ancestors(token):
    """The token's heads up to the top of its own clause: "A said ... and B said "...""
    credits B, so climbing stops at a coordinated verb."""
    while token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            return
        token = token.head
        yield token


def _opens_its_paragraph(text, quote):
    return quote.open_mark == 0 or text[: quote.open_mark].endswith("\n\n")


def _event_governing(doc, quote, sentences, events):
    """(event, relay): the event that credits the quote and whoever passed its words on.

    The innermost reporting verb above a quotation that does not deny it speaks, and the verb
    above that relays ("an official said Quill told him "...""); a named source ("according
    to X") speaks only when no verb above the quote names a speaker, and relays otherwise.
    Beside the quote, the nearest reporting verb speaks."""
    if not sentences:
        return None, None
    first, last = sentences[0].start, sentences[-1].end
    nearby = [e for e in events if first <= e.verb.i < last]
    if not nearby:
        return None, None
    sourced = [e for e in nearby if e.cue in SOURCE_CUES and e.speaker]
    crediting = _crediting_above(doc, quote, first, last, nearby)
    # "..., the minister told parliament, the agency reported": the minister speaks.
    speaking = [e for e in crediting if not _outlet_report(e)]
    reports = [e.speaker for e in crediting if _outlet_report(e)]
    crediting = speaking or crediting
    # "The split suggests "...," Jo Poe told the Gazette": a verb whose subject is no speaker
    # does not credit the words when a verb above it names one.
    crediting = [e for e in crediting if e.speaker] or crediting
    if sourced:
        inner = [
            e
            for e in crediting
            if e.speaker and e.cue not in SOURCE_CUES and not _instructs(doc, quote, e)
        ]
        if not inner or quote.kind != QuoteKind.SPEECH:
            return sourced[0], sourced[0].via
        crediting, reports = inner, [sourced[0].speaker]
    if crediting:
        # Whole sentences belong to whoever says them; a scare word to whoever reports it.
        depth = {e.verb.i: sum(1 for _ in e.verb.ancestors) for e in crediting}
        chosen = (max if quote.kind == QuoteKind.SPEECH else min)(
            crediting, key=lambda e: depth[e.verb.i]
        )
        relays = [
            e.speaker
            for e in sorted(crediting, key=lambda e: -depth[e.verb.i])
            if depth[e.verb.i] < depth[chosen.verb.i] and e.speaker != chosen.speaker
        ]
        return chosen, next(iter([*relays, *reports]), None)
    return min(
        nearby,
        key=lambda e: min(abs(e.verb.idx - quote.close_mark), abs(e.verb.idx - quote.open_mark)),
    ), None


def _instructs(doc, quote, event):
    """ "X told Y to "..."": the words tell what X asked for, in the words of the source that
    reports it, not X's own."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    token = span.root if span is not None else event.verb
    while token.head.i != token.i and token.head.i != event.verb.i:
        token = token.head
    return token.head.i == event.verb.i and token.dep_ == "xcomp" and token.i != event.verb.i


def _crediting_above(doc, quote, first, last, nearby):
    """The events whose verb sits above the quote's words in the parse and does not deny."""
    inside = [t for t in doc[first:last] if quote.start <= t.idx < quote.end]
    by_verb = {e.verb.i: e for e in nearby}
    above = {}
    for token in inside:
        for ancestor in _clause_ancestors(token):
            if ancestor.i in by_verb and not (quote.start <= ancestor.idx < quote.end):
                above[ancestor.i] = by_verb[ancestor.i]
    for event in nearby:
        # "... as "the only way" described": a participle just after the quotation, as
        # translated text leaves it, governs it whatever the parse.
        gap = event.verb.idx - quote.close_mark
        if event.speaker and event.verb.tag_ in PAST_FORMS and 0 < gap <= FINAL_VERB_CHARS:
            above[event.verb.i] = event
    return [e for e in above.values() if e.cue not in DENYING_CUES]


def _outlet_report(event):
    return (
        event.cue == "report"
        and event.speaker is not None
        and event.speaker.kind == SpeakerKind.INSTITUTION
    )


def _event_introducing(text, quote, events):
    """ "X said:" or "X told reporters." just before a quote that stands alone."""
    before = text[: quote.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    # The colon ends the paragraph before the quote, or the quote's own paragraph so far.
    paragraph_start = text.rfind("\n\n", 0, len(before))
    candidates = [e for e in events if paragraph_start < e.verb.idx < quote.open_mark]
    return candidates[-1] if candidates else None


def _dashed_credit(resolver, quote):
    """ ""..." — Jo Poe, council member": a dash after the quote, on its line or the next
    paragraph, credits the name that follows it."""
    text = resolver.index.text
    after = text[quote.close_mark + 1 : quote.close_mark + 1 + DASH_CREDIT_CHARS]
    gap = len(after) - len(after.lstrip())
    if "\n\n\n" in after[:gap] or not after[gap:].startswith(CREDIT_DASHES):
        return None
    start = quote.close_mark + 1 + gap
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    for ent in resolver.index.entities:
        if start < ent.start_char < line_end and ent.label_ == "PERSON":
            return resolver.person(ent)
    span = resolver.doc.char_span(start, line_end, alignment_mode="contract")
    names = [t for t in span or () if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not names:
        return None
    # The name runs up to the first comma: "— Jo Poe, general secretary, the Union".
    run = [names[0]]
    while run[-1].i + 1 < span.end and span.doc[run[-1].i + 1].pos_ == "PROPN":
        run.append(span.doc[run[-1].i + 1])
    return resolver.speaker_of(run[-1])


def _named_before_colon(resolver, quote):
    """A headline or caption "Jo Poe on the port: "..."": the name before the colon speaks."""
    text = resolver.index.text
    before = text[: quote.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    line_start = text.rfind("\n", 0, len(before)) + 1
    for ent in resolver.index.entities:
        if line_start <= ent.start_char < len(before) and ent.label_ == "PERSON":
            return resolver.person(ent)
    doc = resolver.doc
    span = doc.char_span(line_start, len(before) - 1, alignment_mode="contract")
    if span is None or not len(span):
        return None
    return resolver.speaker_of(span.root)


def _continues(text, previous_quote, quote):
    """A quote that follows the previous one with nothing but a short attribution between."""
    between = text[previous_quote.close_mark + 1 : quote.open_mark]
    if "\n\n" not in between:
        # A quote without a cue of its own in the paragraph of the last one goes on in its voice.
        return True
    return len(between) <= CONTINUATION_CHARS and between.count("\n\n") <= 1


def _named_around(resolver, quote, sentences):
    """With no reporting verb, a name set beside the quote ("..., the minister, Jo Poe,
    at a briefing") or a document it comes from ("the ministry statement") speaks."""
    for sentence in sentences:
        for ent in resolver.index.entities_in(sentence):
            if ent.label_ == "PERSON" and ent.start_char > quote.close_mark:
                return resolver.person(ent)
        for token in sentence:
            outside = not (quote.start <= token.idx < quote.end)
            if outside and token.lemma_.lower() in UTTERANCE_NOUNS and token.pos_ == "NOUN":
                owners = [t for t in token.lefts if t.dep_ in ("compound", "poss")]
                for owner in owners:
                    speaker = resolver.speaker_of(owner)
                    if speaker:
                        return speaker
    return None


def _subject_of_paragraph_before(resolver, offset):
    """Who the paragraph before `offset` is about, for a quote that stands alone."""
    index = resolver.index
    paragraph_start = index.text.rfind("\n\n", 0, offset)
    if paragraph_start < 0:
        return None
    before = bisect.bisect_right(index.sentence_ends, paragraph_start)
    if before == 0:
        return None
    last = index.sentences[before - 1]
    subjects = [
        t
        for t in last
        if t.dep_ in ("nsubj", "nsubjpass")
        and t.pos_ == "PROPN"
        and ascii_fold(t.text) not in TITLE_WORDS
    ]
    named = [ent.root for ent in resolver.people if last.start <= ent.start < last.end]
    for token in [*named, *subjects]:
        speaker = resolver.speaker_of(token)
        if speaker:
            return speaker
    return None
