"""The "denial_targets" stage: points each denial that names nothing ("this is not true") at
the report of the same article it most likely answers."""

import re

from spacy.language import Language

from .labels import SpeakerKind, Stance
from .lexicon import ANSWERED_NOUNS, BLANKET_DENIAL_WORDS
from .names import ascii_fold
from .statements import MIN_TERMS

# How a candidate report is scored against a bare denial. Shared content words count one each;
# the bonuses below are worth a few shared words, as each is about as telling as that.
# The denial names the report's speaker ("the official's account"): the strongest sign.
NAMES_THE_SPEAKER = 3.0
# The denial names the outlet the report credits.
NAMES_THE_OUTLET = 2.0
# Denials push back on what unnamed sources reported...
ANONYMOUS_SOURCE = 2.0
# ... and on what other outlets reported.
CREDITED_OUTLET = 1.0
# Another denial that names its claim: this one may deny the same, but less likely.
OTHER_DENIAL = -1.0
# People rarely deny what they said themselves.
SAME_SPEAKER = -2.0
# The report states a claim the article denies outright elsewhere.
DENIED_ELSEWHERE = 3.0
# A denial answers what came before it; only a lede denial answers what follows...
COMES_BEFORE = 2.0
# ... and what is near it, by statements between them.
PER_STATEMENT_APART = 0.1
# Candidates that score this close to the best are kept open; the story's other denials
# break the tie when the mentions are stored.
CLOSE_SCORE = 4.0

# "That characterization was false": the denial points at what was just reported.
DEMONSTRATIVE = re.compile(
    rf"\b(that|this|the|such)\s+({'|'.join(ANSWERED_NOUNS)})",
    re.I,
)


@Language.component("denial_targets")
def denial_targets(doc):
    """Fills in `answers` and `close_candidates` of the bare denials in doc._.statements."""
    statements = doc._.statements
    text = doc._.index.text
    focus = [s.terms for s in statements if s.stance == Stance.DENIES and s.terms]
    previous_denial = None
    for index, denial in enumerate(statements):
        if not denial.needs_target:
            continue
        if denial.answers_in_sentence:
            denial.answers, denial.close_candidates = index - 1, (index - 1,)
        elif (
            not denial.denied_terms
            and previous_denial is not None
            and _same_passage(previous_denial, denial, text)
        ):
            denial.answers = previous_denial.answers
            denial.close_candidates = previous_denial.close_candidates
        else:
            _answer(statements, index, focus)
        if denial.answers is not None and _is_blanket(denial):
            denial.answers_all = _same_report(statements, index, denial.answers)
        previous_denial = denial
    return doc


def _is_blanket(denial):
    """ "The report is categorically false" rejects every claim of the report, not one."""
    return any(word in BLANKET_DENIAL_WORDS for word in ascii_fold(denial.sentence).split())


def _same_report(statements, index, answered):
    """The statements of the report the statement at `answered` belongs to: those before the
    denial at `index` (or after it, for a lede) with its speaker or its credited outlet."""
    report = statements[answered]
    found = []
    for other_index, other in enumerate(statements):
        if other_index == index or other.needs_target or other.stance == Stance.DENIES:
            continue
        if (other_index < index) != (answered < index) or not other.terms:
            continue
        same_source = report.credited_source and other.credited_source == report.credited_source
        if other_index == answered or same_source or _same_speaker(other, report):
            found.append(other_index)
    return tuple(found)


def _answer(statements, index, focus):
    """Point the bare denial at `index` at its likeliest report, keeping close runners-up."""
    denial = statements[index]
    scores = _scores(statements, index, focus)
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


def _scores(statements, index, focus):
    """The score of each report the denial at `index` may answer; only positive ones."""
    denial = statements[index]
    context = _denial_context_terms(denial, statements)
    context_text = ascii_fold(
        " ".join(s.sentence for s in statements if s is denial or _in_same_quote(s, denial))
    )
    scores = {}
    for other_index, other in enumerate(statements):
        if other.needs_target or not other.terms or _in_same_quote(other, denial):
            continue
        if denial.denied_terms and not denial.denied_terms & other.terms:
            # "There was no disagreement" answers only a report of a disagreement.
            continue
        score = len(context & other.terms) + _source_bonus(context_text, other)
        if other.speaker is not None and other.speaker.kind == SpeakerKind.ANONYMOUS:
            score += ANONYMOUS_SOURCE
        if other.credited_source:
            score += CREDITED_OUTLET
        if other.stance == Stance.DENIES:
            score += OTHER_DENIAL
        if _same_speaker(other, denial):
            score += SAME_SPEAKER
        if any(len(other.terms & denied) >= MIN_TERMS for denied in focus):
            score += DENIED_ELSEWHERE
        distance = abs(other_index - index)
        score += (COMES_BEFORE if other_index < index else 0.0) - PER_STATEMENT_APART * distance
        if score > 0:
            scores[other_index] = score
    return scores


def _same_passage(earlier, later, text):
    """Two denials in one quote or one paragraph deny the same thing."""
    if _in_same_quote(earlier, later):
        return True
    return "\n\n" not in text[earlier.end : later.start]


def _in_same_quote(a, b):
    return a.quote_index is not None and a.quote_index == b.quote_index


def _denial_context_terms(denial, statements):
    """The terms around a bare denial: its quote's other sentences say what it rejects."""
    terms = set(denial.denied_terms)
    for other in statements:
        if other is denial or _in_same_quote(other, denial):
            terms |= other.terms
    return frozenset(terms)


def _same_speaker(a, b):
    """One speaker, named in full or short: "the Lowtown Gazette" is later "the Gazette". A role
    is not shortened so: "an official" need not be "the company official"."""
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker.name == b.speaker.name:
        return True
    if SpeakerKind.ANONYMOUS in (a.speaker.kind, b.speaker.kind):
        return False
    words = [[w for w in ascii_fold(s.speaker.name).split() if w != "the"] for s in (a, b)]
    shorter, longer = sorted(words, key=len)
    return bool(shorter) and longer[-len(shorter) :] == shorter


def _source_bonus(lowered, statement):
    """A denial that names the source ("the official's account") answers that source's report;
    `lowered` is the denial's text, folded with ascii_fold."""
    bonus = 0.0
    if statement.speaker:
        last_word = ascii_fold(statement.speaker.name.split()[-1])
        if last_word and last_word in lowered:
            bonus += NAMES_THE_SPEAKER
    if statement.credited_source and ascii_fold(statement.credited_source) in lowered:
        bonus += NAMES_THE_OUTLET
    return bonus
