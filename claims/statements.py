"""Finds the checkable statements of one article: who is reported to have said or done what."""

import re
from dataclasses import dataclass, field

from .dates import resolve_event_date
from .nlp import REPORTING_VERBS, ascii_fold, name_skeleton
from .quotes import find_quotes
from .speakers import (
    SOURCE_CUES,
    ArticleSpeakers,
    SpeakerRef,
    attribute_quotes,
    speech_events,
    subject_of,
)
from .stance import (
    DENIAL_IF_SPEECH_OBJECT,
    DENIAL_VERBS,
    FALSE_WORDS,
    LIE_NOUNS,
    denial_word_flags,
    find_denial,
)

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
# Words that carry no content of their own, or only say that something is false.
# Verbs that only say that something was said or denied.
SPEECH_ACT_VERBS = REPORTING_VERBS | DENIAL_VERBS | DENIAL_IF_SPEECH_OBJECT
NOT_CONTENT = (
    FALSE_WORDS
    | LIE_NOUNS
    | frozenset(
        """be have do get make also not n't just even still very really then now only so more most
    much many other such own same there here when where however""".split()
    )
)
CONTENT_CHILD_DEPS = ("ccomp", "xcomp", "parataxis", "advcl", "dobj", "attr")
MIN_TERMS = 3
# Candidates for what a bare denial answers that score this close to the best are kept open.
CLOSE_SCORE = 4.0
# "That characterization was false": the denial points at what was just reported.
DEMONSTRATIVE = re.compile(
    r"\b(that|this|the|such)\s+(characteri[sz]ation|account|report|claim|description|assertion|story)",
    re.I,
)
CREDIT_NOUNS = frozenset("correspondent reporter report reporting journalist editor".split())


@dataclass
class Statement:
    """One sentence's statement: what it says, who says it, and whether it denies."""

    start: int
    end: int
    sentence: str
    content: str
    terms: frozenset
    stance: str
    speaker: SpeakerRef | None
    quote_index: int | None = None
    credited_source: str = ""
    event_date: object = None
    # A denial that names nothing ("this is not true") answers another statement of the article.
    answers: int | None = None
    # Other reports it may answer, nearly as likely; the story's other denials break the tie.
    close_candidates: tuple = ()
    needs_target: bool = False
    # A denial coordinated with the report it answers, in one sentence.
    answers_in_sentence: bool = False


@dataclass
class ArticleAnalysis:
    quotes: list = field(default_factory=list)  # (QuoteSpan, QuoteAttribution)
    statements: list = field(default_factory=list)


@dataclass
class _ParsedArticle:
    """What every sentence of one article is read against."""

    text: str
    speakers: ArticleSpeakers
    quotes: list
    attributions: list
    events: list
    denial_flags: object  # one bool per token: may it deny something?
    reference_date: object

    def text_of(self, span):
        # Slicing the text is much cheaper than spaCy's span.text, built token by token.
        return self.text[span.start_char : span.end_char]


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
    if token.pos_ == "VERB" and lemma in SPEECH_ACT_VERBS:
        return ""
    if token.pos_ == "PROPN" or (token.ent_type_ in ("PERSON", "GPE", "ORG") and token.is_title):
        skeleton = name_skeleton(token.text)
        return f"~{skeleton}" if len(skeleton) >= 2 else ""
    return lemma


NEGATION_TERM = "~not"


def content_terms(tokens):
    """The terms of a statement; a negated verb adds a term, as "did not go well" and
    "went well" say opposite things."""
    tokens = list(tokens)
    terms = {term for term in (term_of(t) for t in tokens) if term}
    if any(t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX") for t in tokens):
        terms.add(NEGATION_TERM)
    return frozenset(terms)


def readable(text):
    """Statement text for people: no dangling marks, "that", or trailing commas."""
    text = text.strip().strip("\"“”‘’'«»„ ,;:")
    if text.lower().startswith("that "):
        text = text[5:]
    text = text.strip().strip("\"“”‘’'«»„ ,;:")
    return text[:1].upper() + text[1:] if text else ""


def analyse_article(doc, reference_date=None):
    """Quotes with their speakers, and the statements of an article's parsed body."""
    text = doc.text
    quotes = find_quotes(text)
    spans = [(q.start, q.end) for q in quotes]
    article_speakers = ArticleSpeakers(doc, spans, text)
    events = speech_events(doc, spans, article_speakers)
    attributions = attribute_quotes(doc, quotes, events, article_speakers)
    analysis = ArticleAnalysis(quotes=list(zip(quotes, attributions, strict=True)))
    article = _ParsedArticle(
        text, article_speakers, quotes, attributions, events, denial_word_flags(doc), reference_date
    )
    for sentence in article_speakers.sentences:
        analysis.statements.extend(_statements_of(sentence, article))
    _link_answers(analysis.statements, text)
    return analysis


def _statements_of(sentence, article):
    """The statements of one sentence: usually one; two when a report and its denial are
    coordinated ("X says the talks failed, but Y disputes the account")."""
    if len(article.text_of(sentence).strip()) < 15:
        return []
    denial = find_denial(sentence, article.denial_flags)
    if denial and denial.content is None and _coordinated(denial.clause):
        denying = {t.i for t in denial.clause.subtree}
        reporting_events = [e for e in article.events if e.verb.i not in denying]
        report = _statement_of(sentence, article, reporting_events, None, excluded=denying)
        answer = _statement_of(sentence, article, article.events, denial)
        if report and answer:
            answer.answers_in_sentence = True
            return [report, answer]
        return [s for s in (report, answer) if s]
    statement = _statement_of(sentence, article, article.events, denial)
    return [statement] if statement else []


def _coordinated(verb):
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")


def _statement_of(sentence, article, events, denial, excluded=frozenset()):
    sentence_text = article.text_of(sentence)
    text = sentence_text.strip()
    quote_index = _speech_quote_in(sentence, article.quotes)
    event = _outermost_event(sentence, events)
    if event:
        speaker = event.speaker
    elif quote_index is not None:
        speaker = article.attributions[quote_index].speaker
    else:
        speaker = None
    if denial:
        content_tokens = list(denial.content.subtree) if denial.content is not None else []
    elif event:
        content_tokens = _content_of(event.verb, sentence)
    elif quote_index is not None:
        content_tokens = [t for t in sentence if not t.is_punct]
    elif _names_an_actor(sentence):
        content_tokens = list(sentence)
    else:
        return None
    content_tokens = [t for t in content_tokens if t.i not in excluded]
    terms = content_terms(content_tokens)
    quoted_report = event is not None and speaker is not None and quote_index is not None
    if not denial and len(terms) < (1 if quoted_report else MIN_TERMS):
        return None
    if denial and denial.content is not None and len(terms) < MIN_TERMS:
        terms = frozenset()
    content = _text_of(content_tokens, article) if content_tokens else text
    start = sentence.start_char + (len(sentence_text) - len(sentence_text.lstrip()))
    return Statement(
        start=start,
        end=start + len(text),
        sentence=text,
        content=readable(content) or readable(text),
        terms=terms,
        stance="denies" if denial else "repeats",
        speaker=speaker,
        quote_index=quote_index,
        credited_source=_credited_source(article.speakers.entities_in(sentence)),
        event_date=resolve_event_date(text, article.reference_date),
        needs_target=bool(denial) and not terms,
    )


def _speech_quote_in(sentence, quotes):
    for index, quote in enumerate(quotes):
        if (
            quote.kind == "speech"
            and quote.start < sentence.end_char
            and quote.end > sentence.start_char
        ):
            return index
    return None


def _outermost_event(sentence, events):
    """The event a sentence rests on: its named source, else its top reporting verb."""
    inside = [e for e in events if sentence.start <= e.verb.i < sentence.end]
    if not inside:
        return None
    sourced = [e for e in inside if e.cue in SOURCE_CUES and e.speaker]
    people = [e for e in sourced if e.speaker.kind != "institution"]
    if people or (sourced and len(inside) == 1):
        return (people or sourced)[0]
    # "X said ..., according to the network": X speaks, the network is only the outlet.
    others = [e for e in inside if e not in sourced] or inside
    return min(others, key=lambda e: sum(1 for _ in e.verb.ancestors))


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


def _text_of(tokens, article):
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return article.text[first.idx : last.idx + len(last)]


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
            or (root.dep_ == "nsubj" and head.lemma_.lower() in ("report", "say", "write", "tweet"))
            or (root.dep_ in ("poss", "compound") and head.lemma_.lower() in CREDIT_NOUNS)
            or (root.dep_ == "pobj" and head.head.lemma_.lower() == "cite")
        )
        if credited:
            return " ".join(t.text for t in ent if t.lower_ != "the")
    return ""


def _link_answers(statements, text):
    """Point each denial that names nothing at the report it most likely answers.

    The denial answers a report of the same article: one it names ("the official's account"),
    one whose words its speaker takes up, or the claim the article denies outright elsewhere.
    """
    focus = [s.terms for s in statements if s.stance == "denies" and s.terms]
    previous_denial = None
    for index, denial in enumerate(statements):
        if not denial.needs_target:
            continue
        if denial.answers_in_sentence:
            denial.answers, denial.close_candidates = index - 1, (index - 1,)
            previous_denial = denial
            continue
        if previous_denial is not None and _same_passage(previous_denial, denial, text):
            denial.answers = previous_denial.answers
            denial.close_candidates = previous_denial.close_candidates
            previous_denial = denial
            continue
        context = _denial_context_terms(denial, statements)
        context_text = ascii_fold(
            " ".join(s.sentence for s in statements if s is denial or _in_same_quote(s, denial))
        )
        scores = {}
        for other_index, other in enumerate(statements):
            if other.needs_target or not other.terms or _in_same_quote(other, denial):
                continue
            score = len(context & other.terms) + _source_bonus(context_text, other)
            # Denials push back on what unnamed sources or other outlets reported.
            if other.speaker is not None and other.speaker.kind == "anonymous":
                score += 2.0
            if other.credited_source:
                score += 1.0
            if other.stance == "denies":
                # Another denial that names its claim: this one may deny the same.
                score -= 1.0
            if _same_speaker(other, denial):
                score -= 2.0
            if any(len(other.terms & denied) >= MIN_TERMS for denied in focus):
                score += 3.0
            # A denial answers what came before it; only a lede denial answers what follows.
            distance = abs(other_index - index)
            score += (2.0 if other_index < index else 0.0) - 0.1 * distance
            if score > 0:
                scores[other_index] = score
        ranked = sorted(scores, key=lambda i: -scores[i])
        if index - 1 in scores and DEMONSTRATIVE.search(denial.sentence):
            # "That characterization was false" right after a report leaves no doubt.
            denial.answers = index - 1
            denial.close_candidates = (index - 1,)
        elif ranked:
            denial.answers = ranked[0]
            denial.close_candidates = tuple(
                i for i in ranked if scores[i] >= scores[ranked[0]] - CLOSE_SCORE
            )
        previous_denial = denial


def _same_passage(earlier, later, text):
    """Two denials in one quote or one paragraph deny the same thing."""
    if _in_same_quote(earlier, later):
        return True
    return "\n\n" not in text[earlier.end : later.start]


def _in_same_quote(a, b):
    return a.quote_index is not None and a.quote_index == b.quote_index


def _denial_context_terms(denial, statements):
    """The terms around a bare denial: its quote's other sentences say what it rejects."""
    terms = set()
    for other in statements:
        if other is denial or _in_same_quote(other, denial):
            terms |= other.terms
    return frozenset(terms)


def _same_speaker(a, b):
    return a.speaker is not None and b.speaker is not None and a.speaker.name == b.speaker.name


def _source_bonus(lowered, statement):
    """A denial that names the source ("the official's account") answers that source's report;
    `lowered` is the denial's text, folded with ascii_fold."""
    bonus = 0.0
    if statement.speaker:
        last_word = ascii_fold(statement.speaker.name.split()[-1])
        if last_word and last_word in lowered:
            bonus += 3.0
    if statement.credited_source and ascii_fold(statement.credited_source) in lowered:
        bonus += 2.0
    return bonus
