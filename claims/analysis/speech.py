"""The "speech_events" stage: every reporting verb outside quotations, and whom it credits."""

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .labels import SpeakerKind
from .lexicon import ADDRESSEE_VERBS, RELATIVE_SUBJECTS, REPORTING_VERBS
from .matching import matches, word_matcher
from .speakers import SpeakerMemory, SpeakerRef, SpeakerResolver

Doc.set_extension("speech_events", default=None, force=True)
Doc.set_extension("speaker_memory", default=None, force=True)

ACCORDING_TO, CITING, TELL = "according to", "citing", "tell"

# The auxiliary of a perfect tense, which translated text may leave far from its participle.
PERFECT_AUXILIARY = "have"

# Tags of a past participle, and of one the tagger mistook for a past tense.
PAST_FORMS = ("VBN", "VBD")

# At most this many tokens from a verb to the name after it that speaks: "declared Mr. Lind".
INVERTED_GAP = 3


@dataclass(frozen=True)
class SpeechEvent:
    """A reporting verb outside quotation marks and whoever it credits."""

    verb: object  # the spaCy token
    speaker: SpeakerRef | None
    cue: str  # the verb's lemma, or "according to" / "citing"
    via: SpeakerRef | None = None  # who passed the words on: "an official told the Gazette"


@Language.factory("speech_events")
class SpeechEventFinder:
    """Writes doc._.speech_events, in reading order, and doc._.speaker_memory, who spoke so
    far, for the stages that resolve speakers after it."""

    def __init__(self, nlp, name):
        self.by_lemma = word_matcher(
            nlp.vocab, "LEMMA", {"reporting": REPORTING_VERBS, ACCORDING_TO: ["accord"]}
        )
        self.by_form = word_matcher(
            nlp.vocab, "LOWER", {ACCORDING_TO: ["according"], CITING: [CITING]}
        )

    def __call__(self, doc):
        quotes = doc._.quotes
        memory = SpeakerMemory()
        resolver = SpeakerResolver(doc, memory)
        events = []
        for i, cue in _cues(doc, matches(doc, self.by_lemma, self.by_form)):
            token = doc[i]
            if any(q.start <= token.idx < q.end for q in quotes):
                continue
            speaker = resolver.speaker_of(subject_of(token)) or _speaker_alongside(
                resolver, token, events
            )
            if speaker and speaker.kind == SpeakerKind.PERSON:
                speaker = SpeakerRef(resolver.full_name(speaker.name), SpeakerKind.PERSON)
            events.append(SpeechEvent(token, speaker, cue, _relay(resolver, token, cue)))
            memory.note(token.idx, speaker)
        doc._.speech_events = events
        doc._.speaker_memory = memory
        return doc


def _relay(resolver, token, cue):
    """Who passes the words on: the outlet "told" ("told the Gazette"), or whoever reports
    while "citing" a source."""
    if cue == CITING:
        return resolver.speaker_of(subject_of(token.head)) if token.head != token else None
    if token.lemma_.lower() != TELL:
        return None
    for obj in token.children:
        if obj.dep_ in ("dobj", "dative") and obj.pos_ == "PROPN":
            # "told the Gazette", "told Reuters": a named addressee who is no person publishes.
            ent = resolver.index.entity_of(obj)
            if ent is None or ent.label_ != "PERSON":
                words = ent if ent is not None else [*obj.lefts, obj]
                name = " ".join(t.text for t in words if t.pos_ == "PROPN")
                return SpeakerRef(name, SpeakerKind.INSTITUTION)
    return None


def _speaker_alongside(resolver, verb, events):
    """The speaker of a verb without a subject of its own that the parser tied to the wrong
    clause: "X's statement, which called it "..." and said "..."" (the statement's, not the
    main verb's), "shares rose after the company hit back, telling investors" (the
    company's). The last speaker or subject before it in its sentence speaks."""
    quoted = [(q.open_mark, q.close_mark) for q in verb.doc._.quotes]
    if verb.tag_ in PAST_FORMS and not any(
        c.dep_ in ("nsubj", "nsubjpass")
        and not c.is_punct
        and not any(start <= c.idx <= end for start, end in quoted)
        for c in verb.children
    ):
        perfect = _speaker_of_perfect(resolver, verb)
        if perfect:
            return perfect
    if verb.dep_ not in ("conj", "advcl") or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    sentence = verb.sent
    for event in reversed(events):
        if event.verb.i < sentence.start:
            break
        if event.speaker:
            return event.speaker
    for token in reversed(verb.doc[sentence.start : verb.i]):
        if token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children):
            speaker = resolver.speaker_of(subject_of(token))
            if speaker:
                return speaker
    return None


def _speaker_of_perfect(resolver, verb):
    """Translated text keeps the participle last: "the chief had the move as "..." described"
    is said by the subject of the "had" before it."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.lemma_.lower() == PERFECT_AUXILIARY:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return resolver.speaker_of(subject) if subject is not None else None
    return None


def _inverted_subject(verb):
    """ "..., declared Mr. Lind in a statement": after a quotation, the parser may take the
    name that follows the verb for its object; a verb that does not take a hearer for its
    object has its speaker there."""
    if verb.lemma_.lower() in ADDRESSEE_VERBS or verb.i == 0:
        return None
    if not verb.doc[verb.i - 1].is_punct:
        return None
    for child in verb.rights:
        if child.dep_ == "dobj" and child.pos_ == "PROPN" and child.i - verb.i <= INVERTED_GAP:
            return child
    return None


def _cues(doc, found):
    """(token index, cue) of each word that reports speech, once each, in reading order."""
    cues = {}
    for i, word_list in found:
        token = doc[i]
        if word_list == ACCORDING_TO:
            cues[i] = ACCORDING_TO
        elif word_list == CITING:
            # "citing officials" credits them; "citing" with no object credits nobody.
            if any(c.dep_ == "dobj" for c in token.children):
                cues.setdefault(i, CITING)
        elif token.pos_ == "VERB":
            cues.setdefault(i, token.lemma_.lower())
    return sorted(cues.items())


def subject_of(verb):
    """The token that names who performs `verb`, following conjunctions and "according to"."""
    if verb.lower_ == "according":
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if verb.lower_ == CITING:
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    for child in verb.children:
        hears = child.dep_ == "nsubjpass" and verb.lemma_.lower() in ADDRESSEE_VERBS
        if child.dep_ in ("nsubj", "nsubjpass") and not hears:
            if child.lower_ in RELATIVE_SUBJECTS and verb.dep_ == "relcl":
                # "X, the correspondent, who tweeted", "the statement, which called ...": the
                # speaker is the one the clause is about.
                described = verb.head
                while described.ent_type_ in ("DATE", "TIME") and described.dep_ == "pobj":
                    # "the statement on Monday, which called ...": the clause is not the day's.
                    described = described.head.head
                return described.head if described.dep_ == "appos" else described
            if child.lower_ not in RELATIVE_SUBJECTS:
                return child
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    for child in verb.children:
        # "..., reported by the agency", "of being told by the office": the passive agent speaks.
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        # "the email sending it asked": the parser makes the noun the subject of a clause.
        if child.dep_ == "csubj":
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    head = verb.head
    # "X said he thanked Y and said "..."": the parser ties the second "said" to the reported
    # "thanked", but X says both.
    if (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and head.lemma_.lower() not in REPORTING_VERBS
        and head.head.lemma_.lower() in REPORTING_VERBS
    ):
        return subject_of(head.head)
    # "she added", "took to Twitter to dismiss", "said and added": the subject sits higher.
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    # "responded by saying": the subject is the one who responded.
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)
    return None
