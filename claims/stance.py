"""Tells a denial from a report: "denied reports that ...", "this is not true", "leaking lies"."""

from dataclasses import dataclass

from .nlp import REPORTING_VERBS, word_flags

# Verbs that deny whatever they take as object or clause.
DENIAL_VERBS = frozenset("deny dispute refute debunk contradict disagree".split())
# Verbs that deny only when their object is something said: "dismissed the comments".
DENIAL_IF_SPEECH_OBJECT = frozenset("dismiss reject challenge question".split())
SPEECH_NOUNS = frozenset(
    """report reports reporting claim claims comment comments account accounts allegation
    allegations characterization characterisation characterizations description assertion
    assertions story stories rumor rumour rumors rumours suggestion remark remarks statement
    version narrative portrayal interpretation depiction""".split()
)
FALSE_WORDS = frozenset(
    """false untrue wrong inaccurate baseless unfounded misleading incorrect fake fabricated
    bogus groundless nonsense""".split()
)
LIE_NOUNS = frozenset("lie lies falsehood falsehoods disinformation misinformation".split())


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


# Every word find_denial looks for; a sentence with none of them denies nothing.
DENIAL_VOCABULARY = (
    DENIAL_VERBS
    | DENIAL_IF_SPEECH_OBJECT
    | FALSE_WORDS
    | LIE_NOUNS
    | frozenset("take true accurate correct".split())
)


def denial_word_flags(doc):
    """For each token of a parsed document, whether find_denial would look at it."""
    return word_flags(doc, DENIAL_VOCABULARY)


def find_denial(sentence, flags=None):
    """The denial in a spaCy sentence span, or None when it denies nothing; `flags`, the
    document's denial_word_flags, saves working them out again for each sentence."""
    if flags is None:
        flags = denial_word_flags(sentence.doc)
    if not flags[sentence.start : sentence.end].any():
        return None
    for token in sentence:
        lemma = token.lemma_.lower()
        denying_verb = token.pos_ == "VERB" and lemma in DENIAL_VERBS | DENIAL_IF_SPEECH_OBJECT
        if denying_verb and _reported_by_someone_else(token):
            continue
        if token.pos_ == "VERB" and lemma in DENIAL_VERBS:
            return Denial(lemma, token, _denied_content(token))
        if token.pos_ == "VERB" and lemma in DENIAL_IF_SPEECH_OBJECT:
            speech_object = _speech_object(token)
            if speech_object is not None:
                return Denial(lemma, token, _denied_content(token))
        if lemma == "take" and any(c.lower_ == "issue" for c in token.children):
            return Denial("took issue", token)
        if token.lower_ in FALSE_WORDS and token.dep_ in ("acomp", "attr", "ROOT", "amod", "conj"):
            if token.dep_ == "amod" and token.head.lemma_.lower() not in SPEECH_NOUNS:
                continue
            return Denial(token.lower_, token)
        negated = any(c.dep_ == "neg" for c in [*token.children, *token.head.children])
        if token.lower_ in ("true", "accurate", "correct") and negated:
            return Denial("not true", token)
        if lemma in LIE_NOUNS and token.pos_ == "NOUN":
            return Denial(token.lower_, token)
    return None


def _reported_by_someone_else(verb):
    """ "The official said that X disagreed": the outlet reports a disagreement, it denies
    nothing itself, so the sentence is a report like any other."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS
    return has_subject and reported


def _speech_object(verb):
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in SPEECH_NOUNS:
            return child
    return None


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
