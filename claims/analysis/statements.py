"""The "statements" stage: the checkable statements of an article, who is reported to have
said or done what, each with its content words and whether it denies."""

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from .claim_words import THING_NAME_LABELS
from .claimworthy import SPEAKER_LABEL, is_furniture
from .clauses import clause_parts
from .denials import reported_by_someone_else
from .labels import QuoteKind, SpeakerKind, Stance
from .lexicon import (
    CONTENT_POS,
    CREDIT_NOUNS,
    CREDITING_VERBS,
    DENIAL_IF_SPEECH_OBJECT,
    DENIAL_VERBS,
    NAME_LABELS,
    NEGATION_WORDS,
    NOT_CONTENT,
    POSSESSIVE_PRONOUNS,
    SOURCE_CUES,
    SPEECH_ACT_VERBS,
    SUBJECT_PRONOUNS,
)
from .names import ascii_fold, name_skeleton
from .speakers import SpeakerRef
from .speech import subject_of
from .terms import number_keys, word_key

Doc.set_extension("statements", default=None, force=True)

# A statement needs this many content words to be told apart from others of the story.
MIN_TERMS = 3
# A sentence shorter than this (characters) is a dateline or a caption, not a statement.
MIN_SENTENCE_CHARS = 15
# The clauses below a reporting verb that hold what was reported.
CONTENT_CHILD_DEPS = ("ccomp", "xcomp", "parataxis", "advcl", "dobj", "attr")
# Verbs of a dispute, which are what a claim is about when someone else reports them.
DISPUTE_VERBS = DENIAL_VERBS | DENIAL_IF_SPEECH_OBJECT
# The term a negated verb adds: "did not go well" and "went well" say opposite things.
NEGATION_TERM = "~not"


@dataclass
class Statement:
    """One sentence's statement: what it says, who says it, and whether it denies."""

    start: int
    end: int
    sentence: str
    content: str
    terms: frozenset
    stance: Stance
    speaker: SpeakerRef | None
    quote_index: int | None = None
    # Who relayed the words: "an official told the Gazette" has the Gazette as its relay.
    via: SpeakerRef | None = None
    credited_source: str = ""
    # A denial that names nothing ("this is not true") answers another statement of the article.
    answers: int | None = None
    # Other reports it may answer, nearly as likely; the story's other denials break the tie.
    close_candidates: tuple = ()
    # A blanket denial ("the report is false") answers each of these statements of the report.
    answers_all: tuple = ()
    needs_target: bool = False
    # A denial coordinated with the report it answers, in one sentence.
    answers_in_sentence: bool = False
    # The words a denial names, even too few to find a claim by: "there was no disagreement".
    denied_terms: frozenset = frozenset()
    # The day the sentence says it happened on, as found in its words (see dates.py).
    date_phrase: object = None

    def event_date(self, reference):
        """The day it happened on, read against the article's date `reference`, or None."""
        return self.date_phrase.resolve(reference) if self.date_phrase else None


def term_of(token):
    """The key a content word is compared by across articles, or "" for non-content words."""
    if token.pos_ not in CONTENT_POS or token.is_punct or len(token.text) < 2:
        return ""
    # spaCy's stop list holds content words too ("call", "show"); only trust it for adverbs.
    if token.pos_ == "ADV" and token.is_stop:
        return ""
    lemma = ascii_fold(token.lemma_)
    if lemma in NOT_CONTENT or ascii_fold(token.text) in NOT_CONTENT:
        return ""
    if token.pos_ == "VERB" and lemma in SPEECH_ACT_VERBS and not _reported_dispute(token, lemma):
        return ""
    if token.pos_ == "PROPN" and token.text.islower():
        # A tagger's slip ("the tram company"): a lower-case word is no name.
        return word_key(lemma.lower())
    if token.pos_ == "PROPN" or (token.ent_type_ in NAME_LABELS and token.is_title):
        skeleton = name_skeleton(token.text)
        return f"~{skeleton}" if len(skeleton) >= 2 else ""
    if token.like_num:
        return ""
    return word_key(lemma)


def _is_named_thing(token):
    """ "The Harbour Bridge", "Lowtown Council": a name whose last word is a common noun, which
    other outlets call "the bridge", "the council". People's names are not such things."""
    if token.pos_ != "PROPN" or not term_of(token):
        return False
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return False
    if token.ent_type_:
        return token.ent_type_ in THING_NAME_LABELS
    # The tagger missed the name's kind: it is a thing unless the people stage found a person.
    people = token.doc.spans.get("people", ())
    return not any(span.start <= token.i < span.end for span in people)


def common_key_of(token):
    """The key of a name's last word as a common word: "Bridge" as "bridge"."""
    return word_key(ascii_fold(token.lemma_).lower())


def _reported_dispute(verb, lemma):
    """ "The Gazette reported that the directors disagreed": a dispute someone else reports is
    what the claim is about, not a cue."""
    return lemma in DISPUTE_VERBS and reported_by_someone_else(verb)


def content_terms(tokens):
    """The terms of a statement; a negated verb adds NEGATION_TERM."""
    tokens = list(tokens)
    terms = {term for term in (term_of(t) for t in tokens) if term}
    terms |= {common_key_of(t) for t in tokens if _is_named_thing(t)}
    terms |= number_keys(tokens)
    negated = any(t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX") for t in tokens)
    if negated or any(t.lower_ in NEGATION_WORDS for t in tokens):
        terms.add(NEGATION_TERM)
    return frozenset(terms)


def readable(text):
    """Statement text for people: no dangling marks, "that", or trailing commas."""
    text = text.strip().strip("\"“”‘’'«»„ ,;:")
    if text.lower().startswith("that "):
        text = text[5:]
    text = text.strip().strip("\"“”‘’'«»„ ,;:")
    return text[:1].upper() + text[1:] if text else ""


def with_subject(content, speaker):
    """ "He would resign" as Mara Quill said it is "Mara Quill would resign": a reported clause
    that opens with a pronoun is about its speaker, whose name makes the claim readable alone."""
    content = SPEAKER_LABEL.sub("", content)
    if speaker is None or speaker.kind != SpeakerKind.PERSON:
        return content
    first, _, rest = content.partition(" ")
    pronoun = first.lower()
    if pronoun in SUBJECT_PRONOUNS and rest:
        return f"{speaker.name} {rest}"
    if pronoun in POSSESSIVE_PRONOUNS and rest:
        return f"{speaker.name}'s {rest}"
    return content


@Language.component("statements")
def statements_stage(doc):
    """Writes doc._.statements, in reading order."""
    statements = []
    for sentence in doc._.index.sentences:
        statements.extend(_statements_of(doc, sentence))
    doc._.statements = statements
    return doc


def _statements_of(doc, sentence):
    """The statements of one sentence: usually one; two when a report and its denial are
    coordinated ("X says the talks failed, but Y disputes the account")."""
    index = doc._.index
    if len(index.text_of(sentence).strip()) < MIN_SENTENCE_CHARS:
        return []
    if is_furniture(index.text, sentence.start_char, sentence.end_char, sentence):
        return []
    events = doc._.speech_events
    denial = sentence._.denial
    if denial and denial.content is None and _coordinated(denial.clause):
        denying = {t.i for t in denial.clause.subtree}
        reporting_events = [e for e in events if e.verb.i not in denying]
        report = _statement_of(doc, sentence, reporting_events, None, excluded=denying)
        answer = _statement_of(doc, sentence, events, denial)
        if report and answer:
            answer.answers_in_sentence = True
            return [report, answer]
        return [s for s in (report, answer) if s]
    statement, tokens = _statement_and_tokens(doc, sentence, events, denial)
    if statement is None:
        return []
    if denial or not tokens:
        return [statement]
    return _split_by_clause(statement, tokens, index.text)


def _split_by_clause(statement, tokens, text):
    """ "The firm will cut jobs and move the plant": one statement per coordinated predicate,
    when each says enough to be told apart; each keeps the sentence as its evidence."""
    parts = clause_parts(tokens)
    if len(parts) < 2 or any(len(content_terms(p.own)) < MIN_TERMS for p in parts):
        return [statement]
    return [
        replace(
            statement,
            content=with_subject(readable(_pieces_text(p.shared + p.own, text)), statement.speaker),
            terms=content_terms(p.shared + p.own),
        )
        for p in parts
    ]


def _pieces_text(tokens, text):
    """The words of `tokens` as the text has them, the gaps between runs closed by a space."""
    tokens = sorted(tokens, key=lambda t: t.i)
    runs = [[tokens[0]]]
    for token in tokens[1:]:
        if token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    joined = ""
    for run in runs:
        piece = _text_of(run, text).strip()
        if not run[0].is_punct:
            joined += " " + piece
        elif piece[0] in ".!?,;:":
            # Where words were left out, one mark stands, not two: "reported, that".
            joined = joined.rstrip(",;: ") + piece
        else:
            joined += piece
    return joined.strip()


def _coordinated(verb):
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")


def _statement_of(doc, sentence, events, denial, excluded=frozenset()):
    return _statement_and_tokens(doc, sentence, events, denial, excluded)[0]


def _statement_and_tokens(doc, sentence, events, denial, excluded=frozenset()):
    """The sentence's statement, or None, and the tokens of its content."""
    index = doc._.index
    sentence_text = index.text_of(sentence)
    text = sentence_text.strip()
    quote_index = _speech_quote_in(sentence, doc._.quotes)
    event = _outermost_event(sentence, events)
    if denial:
        event = _event_over_denial(denial, events, event)
    source = event or (doc._.attributions[quote_index] if quote_index is not None else None)
    speaker = source.speaker if source else None
    content_tokens = _content_tokens(sentence, denial, event, quote_index)
    if content_tokens is None:
        return None, []
    content_tokens = [t for t in content_tokens if t.i not in excluded]
    terms = content_terms(content_tokens)
    quoted_report = event is not None and speaker is not None and quote_index is not None
    if not denial and len(terms) < (1 if quoted_report else MIN_TERMS):
        return None, []
    denied_terms = terms if denial and denial.content is not None else frozenset()
    if denied_terms and len(terms) < MIN_TERMS:
        terms = frozenset()
    content = _text_of(content_tokens, index.text) if content_tokens else text
    start = sentence.start_char + (len(sentence_text) - len(sentence_text.lstrip()))
    statement = Statement(
        start=start,
        end=start + len(text),
        sentence=text,
        content=with_subject(readable(content) or readable(text), speaker),
        terms=terms,
        stance=Stance.DENIES if denial else Stance.REPEATS,
        speaker=speaker,
        quote_index=quote_index,
        via=source.via if source else None,
        credited_source=_credited_source(index.entities_in(sentence)),
        needs_target=bool(denial) and not terms,
        denied_terms=denied_terms - {NEGATION_TERM},
    )
    return statement, content_tokens


def _content_tokens(sentence, denial, event, quote_index):
    """The tokens that say what the statement says, or None when the sentence states nothing
    worth tracking."""
    if denial:
        return list(denial.content.subtree) if denial.content is not None else []
    if event:
        return _content_of(event.verb, sentence)
    if quote_index is not None:
        return [t for t in sentence if not t.is_punct]
    if _names_an_actor(sentence):
        return list(sentence)
    return None


def _speech_quote_in(sentence, quotes):
    for index, quote in enumerate(quotes):
        if (
            quote.kind == QuoteKind.SPEECH
            and quote.start < sentence.end_char
            and quote.end > sentence.start_char
        ):
            return index
    return None


def _event_over_denial(denial, events, top):
    """The reporting verb nearest above the denial, passed on by whoever the sentence rests on:
    in "she added that the office had stated that the reports were false", the office denies,
    via her."""
    by_verb = {e.verb.i: e for e in events}
    for token in [denial.token, *denial.token.ancestors]:
        event = by_verb.get(token.i)
        if event is None or event.speaker is None:
            continue
        if top is not None and event is not top and top.speaker:
            return replace(event, via=event.via or top.speaker)
        return event
    return top


def _outermost_event(sentence, events):
    """The event a sentence rests on: its named source, else its top reporting verb."""
    inside = [e for e in events if sentence.start <= e.verb.i < sentence.end]
    if not inside:
        return None
    sourced = [e for e in inside if e.cue in SOURCE_CUES and e.speaker]
    people = [e for e in sourced if e.speaker.kind != SpeakerKind.INSTITUTION]
    if people or (sourced and len(inside) == 1):
        return (people or sourced)[0]
    # "X said ..., according to the network": X speaks, via the network.
    others = [e for e in inside if e not in sourced] or inside
    top = min(others, key=lambda e: sum(1 for _ in e.verb.ancestors))
    if top.via is None and sourced and sourced[0] is not top:
        return replace(top, via=sourced[0].speaker)
    return top


def _content_of(verb, sentence):
    """What the reporting verb reports: its clause, or the sentence without the attribution."""
    if verb.lower_ == "according":
        attribution = {t.i for t in verb.subtree}
        return [t for t in sentence if t.i not in attribution]
    clauses = [
        c for c in verb.children if c.dep_ in CONTENT_CHILD_DEPS and c.pos_ in ("VERB", "AUX")
    ]
    if clauses:
        return [t for clause in clauses for t in clause.subtree]
    subject = subject_of(verb)
    attribution = {verb.i} | ({t.i for t in subject.subtree} if subject is not None else set())
    return [t for t in sentence if t.i not in attribution]


def _text_of(tokens, text):
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return text[first.idx : last.idx + len(last)]


def _names_an_actor(sentence):
    """An outlet's own-voice statement worth tracking has a named actor as its subject."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.ent_type_ != "" or subject.pos_ == "PROPN")


def _credited_source(entities):
    """The outlet a sentence credits: "according to X", "told X", "X reported", "X's reporter"."""
    for ent in entities:
        if ent.label_ != "ORG":
            continue
        root = ent.root
        head = root.head
        credited = (
            (
                root.dep_ == "pobj"
                and head.lower_ in ("to", "by")
                and head.head.lower_ in ("according", "reported")
            )
            or (root.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell")
            or (root.dep_ == "nsubj" and head.lemma_.lower() in CREDITING_VERBS)
            or (root.dep_ in ("poss", "compound") and head.lemma_.lower() in CREDIT_NOUNS)
            or (root.dep_ == "pobj" and head.head.lemma_.lower() == "cite")
        )
        if credited:
            return " ".join(t.text for t in ent if t.lower_ != "the")
    return ""
