"""The "speech_events" stage: every reporting verb outside quotations, and whom it credits."""

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from .labels import SpeakerKind
from .lexicon import RELATIVE_SUBJECTS, REPORTING_VERBS
from .speakers import SpeakerMemory, SpeakerRef, SpeakerResolver

Doc.set_extension("speech_events", default=None, force=True)
Doc.set_extension("speaker_memory", default=None, force=True)

ACCORDING_TO, CITING = "according to", "citing"


@dataclass(frozen=True)
class SpeechEvent:
    """A reporting verb outside quotation marks and whoever it credits."""

    verb: object  # the spaCy token
    speaker: SpeakerRef | None
    cue: str  # the verb's lemma, or "according to" / "citing"


def spellings(words):
    """The words as a tagger may spell their lemmas: lower case, Title or UPPER."""
    return sorted({spelling for word in words for spelling in (word, word.title(), word.upper())})


@Language.factory("speech_events")
class SpeechEventFinder:
    """Writes doc._.speech_events, in reading order, and doc._.speaker_memory, who spoke so
    far, for the stages that resolve speakers after it."""

    def __init__(self, nlp, name):
        self.cues = Matcher(nlp.vocab)
        self.cues.add(
            ACCORDING_TO, [[{"LOWER": "according"}], [{"LEMMA": {"IN": spellings(["accord"])}}]]
        )
        self.cues.add("reporting", [[{"POS": "VERB", "LEMMA": {"IN": spellings(REPORTING_VERBS)}}]])
        # "citing X" names a source only when X is its object: "citing concerns" does not.
        self.citing = DependencyMatcher(nlp.vocab)
        self.citing.add(
            CITING,
            [
                [
                    {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LOWER": CITING}},
                    {
                        "LEFT_ID": "cue",
                        "REL_OP": ">",
                        "RIGHT_ID": "object",
                        "RIGHT_ATTRS": {"DEP": "dobj"},
                    },
                ]
            ],
        )

    def __call__(self, doc):
        cues = {start: self._cue_name(doc[start], key) for key, start, _ in self.cues(doc)}
        cues.update({tokens[0]: CITING for _, tokens in self.citing(doc)})
        quotes = doc._.quotes
        memory = SpeakerMemory()
        resolver = SpeakerResolver(doc, memory)
        events = []
        for i in sorted(cues):
            token = doc[i]
            if any(q.start <= token.idx < q.end for q in quotes):
                continue
            speaker = resolver.speaker_of(subject_of(token))
            if speaker and speaker.kind == SpeakerKind.PERSON:
                speaker = SpeakerRef(resolver.full_name(speaker.name), SpeakerKind.PERSON)
            events.append(SpeechEvent(token, speaker, cues[i]))
            memory.note(token.idx, speaker)
        doc._.speech_events = events
        doc._.speaker_memory = memory
        return doc

    def _cue_name(self, token, key):
        if self.cues.vocab.strings[key] == ACCORDING_TO:
            return ACCORDING_TO
        return token.lemma_.lower()


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
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("that", "which"):
            if child.lower_ in RELATIVE_SUBJECTS and verb.dep_ == "relcl":
                # "X, the correspondent, who tweeted": the speaker is the one the clause is about.
                described = verb.head
                return described.head if described.dep_ == "appos" else described
            return child
    # "she added", "took to Twitter to dismiss", "said and added": the subject sits higher.
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    # "responded by saying": the subject is the one who responded.
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)
    for child in verb.children:
        # "..., reported by the agency": the passive agent speaks.
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None
