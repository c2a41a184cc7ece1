"""The "quote_speakers" stage: who said each quotation, and with which reporting verb."""

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .labels import QuoteKind, SpeakerKind
from .lexicon import DENYING_CUES, SOURCE_CUES, TITLE_WORDS, UTTERANCE_NOUNS
from .names import ascii_fold
from .speakers import SpeakerRef, SpeakerResolver

Doc.set_extension("attributions", default=None, force=True)

# A quotation this close after the previous one, with at most one paragraph break between
# ("..., she said. \n\n "..."), goes on in the same voice; further away it needs its own cue.
CONTINUATION_CHARS = 80


@dataclass(frozen=True)
class QuoteAttribution:
    speaker: SpeakerRef | None
    cue: str


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
        event = _event_governing(doc, quote, sentences, events) or _event_introducing(
            index.text, quote, events
        )
        if event:
            attribution = QuoteAttribution(event.speaker, event.cue)
        elif named := _named_around(resolver, quote, sentences):
            attribution = QuoteAttribution(named, "")
        elif previous and _continues(index.text, previous[0], quote):
            attribution = previous[1]
        elif _opens_its_paragraph(index.text, quote):
            speaker = _subject_of_paragraph_before(resolver, quote.open_mark)
            attribution = QuoteAttribution(speaker, "")
        else:
            attribution = QuoteAttribution(None, "")
        attributions.append(attribution)
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
    """The event that credits the quote: a named source ("according to X"), else the outermost
    reporting verb above the quote that does not deny it, else the nearest one beside it."""
    if not sentences:
        return None
    first, last = sentences[0].start, sentences[-1].end
    nearby = [e for e in events if first <= e.verb.i < last]
    if not nearby:
        return None
    sourced = [e for e in nearby if e.cue in SOURCE_CUES and e.speaker]
    if sourced:
        return sourced[0]
    inside = [t for t in doc[first:last] if quote.start <= t.idx < quote.end]
    by_verb = {e.verb.i: e for e in nearby}
    above = {}
    for token in inside:
        for ancestor in _clause_ancestors(token):
            if ancestor.i in by_verb and not (quote.start <= ancestor.idx < quote.end):
                above[ancestor.i] = by_verb[ancestor.i]
    crediting = [e for e in above.values() if e.cue not in DENYING_CUES]
    # "..., the minister told parliament, the agency reported": the minister speaks.
    speaking = [e for e in crediting if not _outlet_report(e)]
    crediting = speaking or crediting
    if crediting:
        # Whole sentences belong to whoever says them; a scare word to whoever reports it.
        outermost = max if quote.kind == QuoteKind.SPEECH else min
        return outermost(crediting, key=lambda e: sum(1 for _ in e.verb.ancestors))
    return min(
        nearby,
        key=lambda e: min(abs(e.verb.idx - quote.close_mark), abs(e.verb.idx - quote.open_mark)),
    )


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
    candidates = [e for e in events if e.verb.idx < quote.open_mark]
    return candidates[-1] if candidates else None


def _continues(text, previous_quote, quote):
    """A quote that follows the previous one with nothing but a short attribution between."""
    between = text[previous_quote.close_mark + 1 : quote.open_mark]
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
