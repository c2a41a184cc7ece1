"""Documents whose words are quoted: "the memo said", "the 3 May memo's first page was headed"."""

from .lexicon import (
    CHARACTERIZING_VERBS,
    DOCUMENT_PARTS,
    DOCUMENT_VERBS,
    REPORTING_VERBS,
    THING_POSSESSIVE,
    UTTERANCE_NOUNS,
)

# Dependencies of the words before a document's noun that belong to its name: "the 3 May memo",
# "the leaked board slides"; "the" and the like do not.
NAME_DEPENDENCIES = ("compound", "amod", "nummod", "nmod", "npadvmod", "quantmod")

# Prepositions after a document's noun that belong to its name: "a post on social media".
NAME_PREPOSITIONS = ("of", "on", "from", "by")


def is_document(token):
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in UTTERANCE_NOUNS


def document_name(token):
    """The words that name the document `token` heads, without determiners or clauses."""
    words = [t for t in token.lefts if t.dep_ in NAME_DEPENDENCIES]
    words = [w for t in words for w in t.subtree if w.dep_ not in ("det", "punct", "advmod")]
    trailing = [
        w
        for prep in token.rights
        if prep.dep_ == "prep" and prep.lower_ in NAME_PREPOSITIONS
        for w in prep.subtree
        if w.dep_ not in ("det", "punct", "relcl", "acl")
    ]
    return " ".join(t.text for t in sorted({*words, token, *trailing}, key=lambda t: t.i))


def document_of(token, quotes):
    """The document `token` names: a document noun itself, or the part of one ("the memo's
    summary page", "its heading", with "its" the last document named before)."""
    if is_document(token):
        return token
    if token.lemma_.lower() not in DOCUMENT_PARTS:
        return None
    for owner in token.children:
        if owner.dep_ in ("poss", "compound") and is_document(owner):
            return owner
        if owner.dep_ == "poss" and owner.lower_ == THING_POSSESSIVE:
            return _document_before(token, quotes)
    return None


def _document_before(token, quotes):
    for earlier in reversed(token.doc[: token.i]):
        if is_document(earlier) and not any(q.start <= earlier.idx < q.end for q in quotes):
            return earlier
    return None


def document_quoted(doc, quote):
    """The document whose words `quote` gives, by a verb of a document showing or saying
    words above it ("the memo carried the heading "..."", "its page was headed "..."", "the
    email asked for it "..."") under whoever reports it; None when the reporting verb of
    someone else comes first."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    while verb.head.i != verb.i:
        verb = verb.head
        if quote.start <= verb.idx < quote.end or verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb.lemma_.lower()
        # "X said the memo described it as "..."" is X's account of the memo; "X said the memo
        # asked for it "without delay"" gives the memo's own words.
        if lemma in DOCUMENT_VERBS or (
            lemma in REPORTING_VERBS and lemma not in CHARACTERIZING_VERBS
        ):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [document_of(s, doc._.quotes) for s in subjects]
            if any(found):
                return next(d for d in found if d is not None)
        if lemma in REPORTING_VERBS:
            return None
    return None
