"""Works out who is speaking: the subject of a reporting verb, named, by role, or by pronoun."""

import bisect
from dataclasses import dataclass
from difflib import SequenceMatcher

from .nlp import (
    NAME_PARTICLES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLE_WORDS,
    UTTERANCE_NOUNS,
    VAGUE_WORDS,
    ascii_fold,
    name_skeleton,
    word_flags,
)

PERSON, INSTITUTION, ANONYMOUS = "person", "institution", "anonymous"
INSTITUTION_LABELS = {"ORG", "FAC", "GPE", "NORP"}
# A reporting verb that denies the words below it does not credit them to its subject.
DENIAL_CUES = {"deny", "dispute", "reject", "refute", "dismiss", "disagree"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Subjects that say nothing about who spoke.
EMPTY_SUBJECTS = {"it", "this", "that", "there", "which", "what", "who", "i", "we", "you"}


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as the article names them, before matching against stored speakers."""

    name: str
    kind: str


@dataclass(frozen=True)
class SpeechEvent:
    """A reporting verb outside quotation marks and whoever it credits."""

    verb: object  # the spaCy token
    speaker: SpeakerRef | None
    cue: str


def token_in_spans(token, spans):
    return any(start <= token.idx < end for start, end in spans)


# Cues that name the source a whole sentence rests on, whoever else speaks inside it.
SOURCE_CUES = ("according to", "citing")


# Every word reporting_cue looks for, as a lemma or a lower-case form.
CUE_WORDS = REPORTING_VERBS | {"accord", "according", "citing"}


def reporting_cue(token):
    """The cue word if `token` reports speech ("said", "according to"), else ""."""
    if token.lemma_.lower() == "accord" or token.lower_ == "according":
        return "according to"
    if token.lower_ == "citing" and any(c.dep_ == "dobj" for c in token.children):
        return "citing"
    if token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_VERBS:
        return token.lemma_.lower()
    return ""


def subject_of(verb):
    """The token that names who performs `verb`, following conjunctions and "according to"."""
    if verb.lower_ == "according":
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if verb.lower_ == "citing":
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("that", "which"):
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
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


def phrase_without_vague_words(tokens):
    words = [t.text for t in tokens if t.lower_ not in VAGUE_WORDS and not t.is_punct]
    return " ".join(words).strip()


class ArticleSpeakers:
    """Who has spoken so far in one article, to resolve "she added" and "the official said"."""

    def __init__(self, doc, quote_spans, text):
        self.doc = doc
        self.quote_spans = quote_spans
        named = [
            ent
            for ent in doc.ents
            if ent.label_ == "PERSON"
            and not token_in_spans(ent[0], quote_spans)
            and not _is_a_place_to_post(ent)
        ]
        # A lone capitalised word tagged PERSON is often a place or a platform; a surname
        # counts once the article has given the full name.
        surnames = {name_skeleton(ent[-1].text) for ent in named if len(ent) > 1}
        self.persons = [ent for ent in named if len(ent) > 1 or name_skeleton(ent.text) in surnames]
        # Full names by surname skeleton, so "Lind" finds "Maja Lind" without a scan.
        self.full_names = {}
        for ent in self.persons:
            full = _with_name_particles(ent)
            words = full.split()
            known = self.full_names.get(name_skeleton(words[-1]))
            if known is None or len(words) > len(known.split()):
                self.full_names[name_skeleton(words[-1])] = full
        self.sentences = list(doc.sents)
        self.sentence_ends = [sentence.end_char for sentence in self.sentences]
        # spaCy rebuilds doc.text token by token on each call: the caller has it already.
        self.text = text
        self.entities = list(doc.ents)
        self.entity_by_token = {i: ent for ent in self.entities for i in range(ent.start, ent.end)}
        self.history = []  # (offset, SpeakerRef) in reading order
        self.gender = {}

    def note(self, offset, speaker):
        if speaker:
            self.history.append((offset, speaker))

    def speaker_of(self, subject):
        """The speaker named by the subject token of a reporting verb."""
        if subject is None:
            return None
        lower = subject.lower_
        if lower in PRONOUN_GENDER:
            return self._resolve_pronoun(subject)
        if lower == "they":
            # "They said" after "The ministry denied ...": a group speaks, not a person.
            earlier = [ref for _, ref in self.history if ref.kind != PERSON]
            return earlier[-1] if earlier else None
        if lower in EMPTY_SUBJECTS:
            return None
        named = self._named_person(subject) or self._titled_name(subject)
        if named:
            return SpeakerRef(named, PERSON)
        if subject.pos_ == "PROPN" and any(
            c.dep_ == "appos" and _is_role(c) for c in subject.children
        ):
            # "Jane Roe, a spokeswoman for ..." is a person whatever the tagger thought.
            return SpeakerRef(self._proper_name(subject), PERSON)
        if _is_role(subject):
            for appos in subject.children:
                if appos.dep_ == "appos" and appos.pos_ == "PROPN":
                    # "The museum's director, Ines Varga, said": the name is the speaker.
                    return SpeakerRef(self._proper_name(appos), PERSON)
        institution = self._institution(subject)
        if institution:
            return SpeakerRef(institution, INSTITUTION)
        if _is_role(subject):
            return self._anonymous(subject)
        if subject.lemma_.lower() in UTTERANCE_NOUNS:
            return self._author_of_utterance(subject)
        if subject.pos_ == "PROPN":
            return SpeakerRef(self._proper_name(subject), PERSON)
        return self._surname_in_lower_case(subject)

    def _surname_in_lower_case(self, subject):
        """Machine translation turns "Bell said" into "the bell said": match named surnames."""
        skeleton = name_skeleton(subject.text)
        if len(skeleton) < 2:
            return None
        for _, earlier in reversed(self.history):
            if earlier.kind == PERSON and name_skeleton(earlier.name.split()[-1]) == skeleton:
                return earlier
        for ent in reversed(self.persons):
            if ent.start_char < subject.idx and name_skeleton(ent[-1].text) == skeleton:
                return SpeakerRef(self.full_name(_with_name_particles(ent)), PERSON)
        return None

    def _named_person(self, subject):
        """A PERSON name that is the subject itself, part of it, or set beside it."""
        candidates = [subject, *(t for t in subject.children if t.dep_ in ("appos", "compound"))]
        if subject.dep_ == "appos":
            candidates.append(subject.head)
        for token in candidates:
            ent = self._entity_of(token)
            if ent is not None and ent.label_ == "PERSON":
                return _with_name_particles(ent)
            for child in token.children:
                if child.dep_ == "appos":
                    ent = self._entity_of(child)
                    if ent is not None and ent.label_ == "PERSON":
                        return _with_name_particles(ent)
        particle_name = _name_around_particles(subject)
        return particle_name

    def _titled_name(self, subject):
        """ "Secretary of Defense Lloyd Austin", "Commission President Ursula von der Leyen":
        a proper name under a title is a person, whatever the tagger labelled it."""
        if subject.pos_ != "PROPN":
            return ""
        chain = sorted(
            (t for t in subject.subtree if t.i < subject.i and t.pos_ == "PROPN"),
            key=lambda t: t.i,
        )
        titles = [t for t in chain if ascii_fold(t.text) in TITLE_WORDS]
        if not titles:
            return ""
        name = [t for t in chain if t.i > titles[-1].i and t.head.i != titles[-1].i]
        return " ".join(t.text for t in [*name, subject])

    def _entity_of(self, token):
        return self.entity_by_token.get(token.i)

    def entities_in(self, sentence):
        """The named entities of a sentence, without spaCy's scan of the whole document."""
        return [
            self.entity_by_token[i]
            for i in range(sentence.start, sentence.end)
            if i in self.entity_by_token and self.entity_by_token[i].start == i
        ]

    def sentences_between(self, start, end):
        """The sentences that overlap the characters from `start` to `end` (inclusive)."""
        first = bisect.bisect_right(self.sentence_ends, start)
        found = []
        for sentence in self.sentences[first:]:
            if sentence.start_char > end:
                break
            found.append(sentence)
        return found

    def _institution(self, subject):
        ent = self._entity_of(subject)
        if ent is not None and ent.label_ in INSTITUTION_LABELS and ent.root == subject:
            words = [t.text for t in ent if t.lower_ != "the"]
            return " ".join(words)
        if subject.pos_ == "PROPN" and subject.text[:1].isupper():
            compounds = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            if compounds and ent is None:
                return " ".join(t.text for t in [*compounds, subject])
        return ""

    def _proper_name(self, subject):
        compounds = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        while compounds and ascii_fold(compounds[0].text) in TITLE_WORDS:
            compounds = compounds[1:]
        return " ".join(t.text for t in [*compounds, subject])

    def _anonymous(self, subject):
        """ "a senior official" names a new source; "the official" points back at one."""
        modifiers = [
            t
            for t in subject.subtree
            if t.i < subject.i and t.dep_ in ("amod", "compound", "nmod", "poss")
        ]
        trailing = [
            t
            for t in subject.subtree
            if t.i > subject.i
            and t.dep_ in ("prep", "pobj", "compound", "det", "amod")
            and t.head.i >= subject.i
            and not any(c.dep_ in ("relcl", "acl") for c in t.ancestors if c.i > subject.i)
        ]
        name = phrase_without_vague_words([*modifiers, subject, *trailing])
        definite = any(t.lower_ in ("the", "this", "that") for t in subject.lefts)
        if definite:
            for _, earlier in reversed(self.history):
                same_role = subject.lemma_.lower() in earlier.name.lower()
                if (
                    earlier.kind == ANONYMOUS
                    and same_role
                    and not phrase_without_vague_words(modifiers)
                ):
                    return earlier
            if modifiers and subject.lemma_.lower() != "official":
                # "the ministry spokesman said" after the spokesman was named: that person.
                for _, earlier in reversed(self.history):
                    if earlier.kind == PERSON:
                        return earlier
        return SpeakerRef(name or subject.text, ANONYMOUS)

    def _author_of_utterance(self, subject):
        """ "the White House statement said" is the White House; "the tweet reads" its author."""
        owners = [t for t in subject.lefts if t.dep_ in ("compound", "poss")]
        owners += [
            obj
            for prep in subject.rights
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for token in owners:
            for candidate in [token, *(t for t in token.lefts if t.dep_ in ("compound", "poss"))]:
                inner = self.speaker_of(candidate)
                if inner:
                    return inner
        for _, earlier in reversed(self.history):
            if earlier.kind == PERSON:
                return earlier
        return self._latest_named(subject.idx, gender=None)

    def _resolve_pronoun(self, pronoun):
        gender = PRONOUN_GENDER[pronoun.lower_]
        if self.history:
            _, previous = self.history[-1]
            if previous.kind == PERSON and self.gender.get(previous.name, gender) == gender:
                self.gender[previous.name] = gender
                return previous
        speaker = self._latest_named(pronoun.idx, gender)
        if speaker:
            self.gender[speaker.name] = gender
        elif self.history:
            speaker = self.history[-1][1]
        return speaker

    def _latest_named(self, before, gender):
        """The last person named outside quotes before `before`, whose gender does not clash."""
        for ent in reversed(self.persons):
            if ent.start_char >= before:
                continue
            name = self.full_name(_with_name_particles(ent))
            if gender is None or self.gender.get(name, gender) == gender:
                return SpeakerRef(name, PERSON)
        return None

    def named_around(self, quote):
        """With no reporting verb, a name set beside the quote ("..., the minister, Jo Poe,
        at a briefing") or a document it comes from ("the ministry statement") speaks."""
        for sentence in self.sentences_between(quote.open_mark, quote.close_mark):
            for ent in self.entities_in(sentence):
                if ent.label_ == "PERSON" and ent.start_char > quote.close_mark:
                    return SpeakerRef(self.full_name(_with_name_particles(ent)), PERSON)
            for token in sentence:
                outside = not (quote.start <= token.idx < quote.end)
                if outside and token.lemma_.lower() in UTTERANCE_NOUNS and token.pos_ == "NOUN":
                    owners = [t for t in token.lefts if t.dep_ in ("compound", "poss")]
                    for owner in owners:
                        speaker = self.speaker_of(owner)
                        if speaker:
                            return speaker
        return None

    def subject_of_paragraph_before(self, offset):
        """Who the paragraph before `offset` is about, for a quote that stands alone."""
        paragraph_start = self.text.rfind("\n\n", 0, offset)
        if paragraph_start < 0:
            return None
        before = bisect.bisect_right(self.sentence_ends, paragraph_start)
        if before == 0:
            return None
        last = self.sentences[before - 1]
        subjects = [
            t
            for t in last
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ == "PROPN"
            and ascii_fold(t.text) not in TITLE_WORDS
        ]
        named = [ent.root for ent in self.persons if last.start <= ent.start < last.end]
        for token in [*named, *subjects]:
            speaker = self.speaker_of(token)
            if speaker:
                return speaker
        return None

    def full_name(self, name):
        """ "Lind" after "Maja Lind" in the same article is Maja Lind."""
        full = self.full_names.get(name_skeleton(name.split()[-1]))
        return full if full and len(full.split()) > len(name.split()) else name


PERSON_NOUN_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "eer", "ee")


def _is_role(token):
    """A noun for a person by what they do: "official", "curator", "historian"."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma in UTTERANCE_NOUNS:
        return False
    return lemma in ROLE_NOUNS or token.lower_ in ROLE_NOUNS or lemma.endswith(PERSON_NOUN_ENDINGS)


def _with_name_particles(ent):
    """The PERSON entity's text, grown over "von der" and the like on either side."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end - 1 and ascii_fold(doc[start].text).strip(".-") in TITLE_WORDS:
        start += 1
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES:
        start -= 1
    while end < len(doc) - 1 and doc[end].lower_ in NAME_PARTICLES:
        end += 1
    if doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) and doc[end].is_title:
        end += 1
    return doc[start:end].text


def _name_around_particles(token):
    """ "von der Leyen said": a surname after name particles is a person."""
    doc = token.doc
    if token.is_title and token.i > 0 and doc[token.i - 1].lower_ in NAME_PARTICLES:
        start = token.i - 1
        while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES:
            start -= 1
        given_name = doc[start - 1] if start > 0 else None
        if (
            given_name is not None
            and given_name.is_title
            and ascii_fold(given_name.text) not in TITLE_WORDS
        ):
            start -= 1
        return doc[start : token.i + 1].text
    if token.lower_ in NAME_PARTICLES:
        end = token.i
        while end < len(doc) and doc[end].lower_ in NAME_PARTICLES:
            end += 1
        if end < len(doc) and doc[end].is_title:
            return doc[token.i : end + 1].text
    return ""


def _is_a_place_to_post(ent):
    """ "took to Twitter", "wrote on Telegram": the parser's PERSON is a platform here."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "on", "via")


def speech_events(doc, quote_spans, article_speakers):
    """Every reporting verb outside quotation marks, in reading order, with its speaker."""
    events = []
    maybe_cues = word_flags(doc, CUE_WORDS).nonzero()[0]
    for token in (doc[int(i)] for i in maybe_cues):
        cue = reporting_cue(token)
        if not cue or token_in_spans(token, quote_spans):
            continue
        speaker = article_speakers.speaker_of(subject_of(token))
        if speaker and speaker.kind == PERSON:
            speaker = SpeakerRef(article_speakers.full_name(speaker.name), PERSON)
        events.append(SpeechEvent(token, speaker, cue))
        article_speakers.note(token.idx, speaker)
    return events


@dataclass(frozen=True)
class QuoteAttribution:
    speaker: SpeakerRef | None
    cue: str


def attribute_quotes(doc, quotes, events, article_speakers):
    """The speaker and cue of each quote, in the order of `quotes`."""
    attributions = []
    previous = None
    for quote in quotes:
        sentences = article_speakers.sentences_between(quote.open_mark, quote.close_mark)
        event = _event_governing(doc, quote, sentences, events) or _event_introducing(
            article_speakers.text, quote, events
        )
        if event:
            attribution = QuoteAttribution(event.speaker, event.cue)
        elif named := article_speakers.named_around(quote):
            attribution = QuoteAttribution(named, "")
        elif previous and _continues(article_speakers.text, previous[0], quote):
            attribution = previous[1]
        elif _opens_its_paragraph(article_speakers.text, quote):
            speaker = article_speakers.subject_of_paragraph_before(quote.open_mark)
            attribution = QuoteAttribution(speaker, "")
        else:
            attribution = QuoteAttribution(None, "")
        attributions.append(attribution)
        previous = (quote, attribution)
    return attributions


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
    crediting = [e for e in above.values() if e.cue not in DENIAL_CUES]
    # "..., the minister told parliament, the agency reported": the minister speaks.
    speaking = [e for e in crediting if not _outlet_report(e)]
    crediting = speaking or crediting
    if crediting:
        depth = lambda e: sum(1 for _ in e.verb.ancestors)  # noqa: E731
        # Whole sentences belong to whoever says them; a scare word to whoever reports it.
        return (max if quote.kind == "speech" else min)(crediting, key=depth)
    return min(
        nearby,
        key=lambda e: min(abs(e.verb.idx - quote.close_mark), abs(e.verb.idx - quote.open_mark)),
    )


def _outlet_report(event):
    return event.cue == "report" and event.speaker is not None and event.speaker.kind == INSTITUTION


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
    return len(between) <= 80 and between.count("\n\n") <= 1


PREPOSITIONS = {"for", "of", "on", "in", "at", "from", "with", "to", "side"}


def _similar(a, b):
    a, b = ascii_fold(a), ascii_fold(b)
    return (
        a == b or name_skeleton(a) == name_skeleton(b) or SequenceMatcher(None, a, b).ratio() >= 0.8
    )


def same_speaker_name(name, known_name, kind):
    """Whether two names of the same kind are spellings of one speaker.

    People match on a similar surname and a compatible first name ("Lind" / "Maja Linde",
    "Dmitri Sokolov" / "Dmitry Sokolow"); role-named sources on the same role and nested
    descriptions ("Ukrainian official" / "Ukrainian government official").
    """
    words, known_words = name.split(), known_name.split()
    if not words or not known_words:
        return False
    if kind == PERSON:
        if not _similar(words[-1], known_words[-1]):
            return False
        if len(words) == 1 or len(known_words) == 1:
            return True
        first, known_first = ascii_fold(words[0]), ascii_fold(known_words[0])
        return (
            first.startswith(known_first)
            or known_first.startswith(first)
            or _similar(first, known_first)
        )
    if kind == ANONYMOUS:
        role, known_role = _role_and_details(words), _role_and_details(known_words)
        if role[0] != known_role[0]:
            return False
        if not role[1] or not known_role[1]:
            # A bare "official" could be any official: only another bare one is the same.
            return role[1] == known_role[1]
        return role[1] <= known_role[1] or known_role[1] <= role[1]
    return False


def _role_and_details(words):
    folded = [ascii_fold(w) for w in words]
    role = next((w for w in folded if w in ROLE_NOUNS), folded[-1])
    details = frozenset(w for w in folded if w != role and w not in PREPOSITIONS)
    return role.rstrip("s"), details
