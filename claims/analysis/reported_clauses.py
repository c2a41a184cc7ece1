"""Whether a word sits inside the clause someone else reports: "X said that Y would go"."""

from .lexicon import REPORTING_VERBS

# Dependencies that tie a reported clause to the verb that reports it.
REPORTED_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")


def in_reported_clause(token):
    """True when `token` is named in what a reporting verb above it reports: the person in
    "Jo Poe told reporters, adding that Ann Lee would decide" is talked about, not speaking."""
    while token.head.i != token.i:
        if token.dep_ in REPORTED_CLAUSE_DEPS and token.head.lemma_.lower() in REPORTING_VERBS:
            return True
        token = token.head
    return False
