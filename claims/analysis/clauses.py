"""The coordinated clauses of a statement's content: "will cut jobs and move the plant"."""

from dataclasses import dataclass

from .lexicon import SPEECH_ACT_VERBS
from .names import ascii_fold

# The verbs a content clause passes its predicate down through: "plans to cut and move",
# "told staff the firm would cut and move".
PREDICATE_CHAIN_DEPS = ("xcomp", "ccomp")
# What a coordinated verb without a subject of its own takes from the verb it is joined to.
SHARED_CHILD_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")
VERB_POS = ("VERB", "AUX")


@dataclass
class ClausePart:
    """One coordinated clause: the tokens it says itself, and those it shares with the first."""

    own: list
    shared: list


def clause_parts(tokens):
    """The content `tokens` as one part per coordinated predicate, in reading order; one part
    when nothing is coordinated."""
    inside = {t.i for t in tokens}
    joined = {}
    for root in (t for t in tokens if t.head.i not in inside or t.head.i == t.i):
        _collect_conjuncts(root, inside, joined)
    if not joined:
        return [ClausePart(own=list(tokens), shared=[])]
    joints = _joints(joined)
    split_off = {i for conj in joined for i in _subtree_ids(conj)} | joints
    parts = [ClausePart(own=[t for t in tokens if t.i not in split_off], shared=[])]
    for conj, first in joined.items():
        nested = joints | {i for other in joined if other is not conj for i in _below(other, conj)}
        own = [t for t in conj.subtree if t.i in inside and t.i not in nested]
        parts.append(ClausePart(own=own, shared=_shared_with(conj, first, tokens)))
    return parts


def _collect_conjuncts(verb, inside, joined, first=None):
    """Records each verb coordinated with `verb` against the first verb of its chain."""
    if verb.pos_ not in VERB_POS or (first is None and _is_modifier(verb)):
        return
    for child in verb.children:
        if child.i not in inside or child.pos_ not in VERB_POS:
            continue
        if child.dep_ in PREDICATE_CHAIN_DEPS:
            _collect_conjuncts(child, inside, joined)
        elif child.dep_ == "conj" and _is_joined(child) and not _is_speech_act(child):
            joined[child] = first or verb
            _collect_conjuncts(child, inside, joined, first or verb)


def _is_modifier(verb):
    # "The town, twinned with X since 1987, had sent ...": a participle with no auxiliary
    # describes a noun; when the parser makes it the root, it is no predicate.
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_joined(verb):
    # Clauses are joined by "and" or a comma; a conjunct without one ("re-tooled") is a slip
    # of the parser.
    return any(verb.doc[i].dep_ == "cc" or verb.doc[i].text in ",;" for i in _joint_before(verb))


def _is_speech_act(verb):
    # "and said so", "and added that ...": a reporting verb is a new report, not a predicate.
    return ascii_fold(verb.lemma_) in SPEECH_ACT_VERBS


def _shared_with(conj, first, tokens):
    """ "The firm will cut jobs and move the plant": "move" is about the firm too. A verb with
    its own subject shares only what stands above the first verb."""
    within_first = {t.i for t in first.subtree}
    shared = {t.i for t in tokens if t.i not in within_first}
    if not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
        for child in first.children:
            if child.dep_ in SHARED_CHILD_DEPS:
                shared |= {t.i for t in child.subtree}
    return [t for t in tokens if t.i in shared]


def _joints(joined):
    """The commas and "and"s just before each joined verb's clause, which belong to no part."""
    return {i for conj in joined for i in _joint_before(conj)}


def _joint_before(conj):
    joint = set()
    doc = conj.doc
    i = conj.left_edge.i - 1
    while i >= 0 and doc[i].dep_ in ("cc", "punct") and doc[i].head in (conj, conj.head):
        joint.add(i)
        i -= 1
    return joint


def _subtree_ids(token):
    return {t.i for t in token.subtree}


def _below(token, under):
    """The subtree of `token` when it hangs below `under`: a later verb of the same chain."""
    if token.i == under.i or under not in token.ancestors:
        return set()
    return _subtree_ids(token)
