"""The "denials" stage: tells a denial from a report ("denied reports that ...", "this is not
true", "spreading lies") and finds the clause a denial names."""

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Span

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
from .speech import spellings

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


def _verb(words):
    return {"POS": "VERB", "LEMMA": {"IN": spellings(words)}}


def _lemma(words, **more):
    return {"LEMMA": {"IN": spellings(words)}, **more}


def _word(words, **more):
    return {"LOWER": {"IN": sorted(words)}, **more}


def _anchor(attrs):
    """The first node of a parse pattern: the token the rule reports."""
    return {"RIGHT_ID": "anchor", "RIGHT_ATTRS": attrs}


def _link(parent, relation, node_id, attrs):
    return {"LEFT_ID": parent, "REL_OP": relation, "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


@Language.factory("denials")
class DenialFinder:
    """Writes Span._.denial on every sentence of doc._.index: its first Denial, or None.

    Each rule is a token pattern or a parse pattern named by the denial it finds."""

    def __init__(self, nlp, name):
        self.words = Matcher(nlp.vocab)
        self.words.add("denial verb", [[_verb(DENIAL_VERBS)]])
        self.words.add("false word", [[_word(FALSE_WORDS, DEP={"IN": FALSE_WORD_DEPS})]])
        self.words.add("lie", [[_lemma(LIE_NOUNS, POS="NOUN")]])
        self.parse = DependencyMatcher(nlp.vocab)
        # "dismissed the comments": only something said is denied by such a verb.
        said = _lemma(SPEECH_NOUNS, DEP={"IN": ["dobj", "nsubjpass"]})
        self.parse.add(
            "speech denial verb",
            [[_anchor(_verb(DENIAL_IF_SPEECH_OBJECT)), _link("anchor", ">", "said", said)]],
        )
        take, issue = TAKE_ISSUE
        self.parse.add(
            "took issue",
            [[_anchor(_lemma([take])), _link("anchor", ">", "issue", {"LOWER": issue})]],
        )
        # "false claims": a false word before a noun denies only when the noun is speech.
        self.parse.add(
            "false speech",
            [
                [
                    _anchor(_word(FALSE_WORDS, DEP="amod")),
                    _link("anchor", "<", "noun", _lemma(SPEECH_NOUNS)),
                ]
            ],
        )
        # "is not true", "not accurate": the negation sits on the word or beside it.
        self.parse.add(
            "not true",
            [
                [_anchor(_word(TRUTH_WORDS)), _link("anchor", ">", "neg", {"DEP": "neg"})],
                [
                    _anchor(_word(TRUTH_WORDS)),
                    _link("anchor", "<", "head", {}),
                    _link("head", ">", "neg", {"DEP": "neg"}),
                ],
            ],
        )

    def __call__(self, doc):
        strings = doc.vocab.strings
        found = [(start, strings[key]) for key, start, _ in self.words(doc)]
        found += [(nodes[0], strings[key]) for key, nodes in self.parse(doc)]
        denials = {}
        for i, rule in found:
            if i not in denials and (denial := _denial(doc[i], rule)):
                denials[i] = denial
        denying = sorted(denials)
        for sentence in doc._.index.sentences:
            inside = [i for i in denying if sentence.start <= i < sentence.end]
            sentence._.denial = denials[inside[0]] if inside else None
        return doc


def _denial(token, rule):
    """The Denial a rule's match makes, or None where it turns out to deny nothing."""
    if rule in ("denial verb", "speech denial verb"):
        if _reported_by_someone_else(token):
            return None
        return Denial(token.lemma_.lower(), token, _denied_content(token))
    if rule == "took issue":
        return Denial("took issue", token)
    if rule == "not true":
        return Denial("not true", token)
    return Denial(token.lower_, token)


def _reported_by_someone_else(verb):
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
