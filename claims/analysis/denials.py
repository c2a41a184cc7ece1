"""The "denials" stage: tells a denial from a report ("denied reports that ...", "this is not
true", "spreading lies") and finds the clause a denial names."""

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Span

from .claim_words import EXISTENTIAL_SUBJECTS, NO_DETERMINERS
from .lexicon import (
    DENIAL_IF_SPEECH_OBJECT,
    DENIAL_VERBS,
    FALSE_WORDS,
    LIE_NOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    TAKE_ISSUE,
    TRUTH_WORDS,
)
from .matching import matches, word_matcher

Span.set_extension("denial", default=None, force=True)

# Where a word of FALSE_WORDS calls something false: "is false", "false claims", "a lie and false".
FALSE_WORD_DEPS = ["acomp", "attr", "ROOT", "conj"]


@dataclass(frozen=True)
class Denial:
    """A sentence that denies something; `content` is the denied clause when it names one."""

    cue: str
    token: object  # the spaCy token that carries the denial
    content: object = None  # a spaCy token whose subtree is the denied statement, or None

    @property
    def clause(self):
        """The verb of the clause that denies: "disputes" in "..., but X disputes the account"."""
        token = self.token
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token


def _said_object(verb):
    """ "dismissed the comments": such a verb denies only an object that is something said."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SPEECH_NOUNS for c in verb.children
    )


def _takes_issue(take):
    return any(c.lower_ == TAKE_ISSUE[1] for c in take.children)


def _describes_speech(false_word):
    """ "false claims": a false word before a noun denies only when the noun is speech."""
    return false_word.head.lemma_.lower() in SPEECH_NOUNS


def _negated(truth_word):
    """ "is not true", "not accurate": the negation sits on the word or beside it."""
    return any(c.dep_ == "neg" for c in [*truth_word.children, *truth_word.head.children])


def _is_verb(token):
    return token.pos_ == "VERB"


def _is_noun(token):
    return token.pos_ == "NOUN"


def _calls_false(false_word):
    """ "is false", "false claims", "a lie and false": where a false word calls something false."""
    if false_word.dep_ == "amod":
        return _describes_speech(false_word)
    return false_word.dep_ in FALSE_WORD_DEPS


def _denies_existence(no_word):
    """ "She insisted there was no disagreement": a reported "there was no N" denies the N."""
    noun, verb = no_word.head, no_word.head.head
    if no_word.dep_ != "det" or noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "nsubj"):
        return False
    if verb.lemma_.lower() != "be" or noun.i == verb.i:
        return False
    if not any(c.dep_ == "expl" and c.lower_ in EXISTENTIAL_SUBJECTS for c in verb.children):
        return False
    return verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in REPORTING_VERBS


# Each rule: the word list it fires on, compared by lemma or by lower-case form, and what the
# token and the parse around it must show. A word is in one list only, so one rule applies.
LEMMA_RULES = {
    "denial verb": (DENIAL_VERBS, _is_verb),
    "speech denial verb": (DENIAL_IF_SPEECH_OBJECT, lambda t: _is_verb(t) and _said_object(t)),
    "took issue": ([TAKE_ISSUE[0]], _takes_issue),
    "lie": (LIE_NOUNS, _is_noun),
}
FORM_RULES = {
    "false word": (FALSE_WORDS, _calls_false),
    "not true": (TRUTH_WORDS, _negated),
    "there was no": (NO_DETERMINERS, _denies_existence),
}
RULE_CHECKS = {name: check for name, (_, check) in {**LEMMA_RULES, **FORM_RULES}.items()}


@Language.factory("denials")
class DenialFinder:
    """Writes Span._.denial on every sentence of doc._.index: its first Denial, or None."""

    def __init__(self, nlp, name):
        lemma_lists = {rule: words for rule, (words, _) in LEMMA_RULES.items()}
        form_lists = {rule: words for rule, (words, _) in FORM_RULES.items()}
        self.by_lemma = word_matcher(nlp.vocab, "LEMMA", lemma_lists)
        self.by_form = word_matcher(nlp.vocab, "LOWER", form_lists)

    def __call__(self, doc):
        denials = {}
        for i, rule in matches(doc, self.by_lemma, self.by_form):
            if i not in denials and RULE_CHECKS[rule](doc[i]):
                denial = _denial(doc[i], rule)
                if denial is not None:
                    denials[i] = denial
        denying = sorted(denials)
        for sentence in doc._.index.sentences:
            inside = [i for i in denying if sentence.start <= i < sentence.end]
            sentence._.denial = denials[inside[0]] if inside else None
        return doc


def _denial(token, rule):
    """The Denial a rule's match makes, or None where it turns out to deny nothing."""
    if rule in ("denial verb", "speech denial verb"):
        if reported_by_someone_else(token):
            return None
        return Denial(token.lemma_.lower(), token, _denied_content(token))
    if rule == "there was no":
        return Denial(rule, token.head.head, token.head)
    if rule in ("took issue", "not true"):
        return Denial(rule, token)
    return Denial(token.lower_, token)


def reported_by_someone_else(verb):
    """ "The official said that X disagreed": the outlet reports a disagreement, it denies
    nothing itself, so the sentence is a report like any other."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS
    return has_subject and reported


def _denied_content(verb):
    """The clause the denial names: "denied that P", "denied reports that P",
    "disputed a claim by X, who tweeted that P"."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    for child in verb.children:
        if child.dep_ not in ("dobj", "prep"):
            continue
        for token in child.subtree:
            is_clause = token.dep_ in ("acl", "ccomp") and token.pos_ in ("VERB", "AUX")
            if is_clause and (token.head.lemma_.lower() in SPEECH_NOUNS or token.dep_ == "ccomp"):
                return token
    return None
