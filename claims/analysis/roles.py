"""Which named person holds which role: "chief executive Jo Poe", "Jo Poe, the mayor"."""

from dataclasses import dataclass

from .lexicon import (
    PERSON_NOUN_ENDINGS,
    ROLE_NOUNS,
    ROLE_SYNONYM_GROUPS,
    TITLE_WORDS,
    UTTERANCE_NOUNS,
)
from .names import ascii_fold

# Words of a role set right before a name: "Industry Minister Jo Poe", "chief executive Jo Poe".
ROLE_WORDS_BEFORE_NAME = 3

# Letters of an owner's name that its adjective keeps: "Veldria" and "Veldrian" share five.
OWNER_STEM = 5

# What ends a line of running text rather than a headline, before any closing quotation marks.
SENTENCE_ENDS = (".", "!", "?", "…")
LINE_CLOSING_MARKS = "\"'”’»)"

# One word for each group of roles that name the same job: "CEO" and "chief executive".
SAME_ROLE = {word: group.split()[0] for group in ROLE_SYNONYM_GROUPS for word in group.split()}


@dataclass(frozen=True)
class RoleHolder:
    offset: int  # where the article names the person with the role
    role: str  # the role's word, as same_role() gives it
    name: str  # the person's full name
    context: frozenset  # the lower-case words of the sentence that gives the role
    qualifiers: frozenset = frozenset()  # the lower-case words just before the name


def same_role(word):
    """The word that stands for `word`'s job: "ceo" and "executive" are one."""
    return SAME_ROLE.get(word, word)


def role_holders(people, full_name):
    """A RoleHolder for every role the article gives a person named in `people` (PERSON
    spans), in reading order."""
    holders = []
    for ent in people:
        name = full_name(ent.text)
        context = frozenset(t.lower_ for t in ent.sent)
        before = ent.doc[max(ent.start - ROLE_WORDS_BEFORE_NAME, ent.sent.start) : ent.start]
        qualifiers = frozenset(t.lower_ for t in before)
        for word in _roles_of(ent):
            holders.append(RoleHolder(ent.start_char, same_role(word), name, context, qualifiers))
    return holders


def holder_named_anywhere(holders, role, modifiers):
    """The one person the article gives `role`, anywhere in it, for a headline's "Lowtown CEO"
    or "Transport chief": with several, the one given it beside the headline's other words."""
    fitting = {h.name: h for h in holders if h.role == same_role(role)}
    if len(fitting) > 1:
        fitting = {name: h for name, h in fitting.items() if any(m in h.context for m in modifiers)}
    return next(iter(fitting)) if len(fitting) == 1 else ""


def holder_of_owner(holders, role, owner, before):
    """Who holds `role` of `owner` named before offset `before`: "Lowtown's mayor" after
    "Lowtown Mayor Jo Poe"; the owner may be named by its adjective ("Lowtownian Mayor")."""
    stem = owner.lower()[:OWNER_STEM]
    fitting = [
        h.name
        for h in holders
        if h.role == same_role(role)
        and h.offset < before
        and any(word.startswith(stem) for word in h.qualifiers)
    ]
    return fitting[-1] if fitting else ""


def on_headline(text, offset):
    """Whether the line around `offset` is a headline: it ends without a full stop."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end].rstrip().rstrip(LINE_CLOSING_MARKS)
    return bool(line) and not line.endswith(SENTENCE_ENDS)


def _is_role_word(token):
    return any(
        form in ROLE_NOUNS or form in TITLE_WORDS
        for form in (ascii_fold(token.lower_), token.lemma_.lower())
    )


def _roles_of(ent):
    doc = ent.doc
    words = []
    i = ent.start - 1
    # A verb ends the words of a role: "an official says Jo Poe ..." gives Jo Poe none.
    while (
        i >= 0
        and ent.start - i <= ROLE_WORDS_BEFORE_NAME
        and doc[i].is_alpha
        and doc[i].pos_ not in ("VERB", "AUX")
    ):
        # In "chief executive Jo Poe" the role is executive; "chief" only says which one.
        qualifies_next = i + 1 < ent.start and _is_role_word(doc[i + 1])
        if _is_role_word(doc[i]) and not qualifies_next:
            words.append(doc[i].lemma_.lower())
        i -= 1
    root = ent.root
    beside = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    words += [t.lemma_.lower() for t in beside if _is_role_word(t)]
    return words


def is_role(token):
    """A noun for a person by what they do: "official", "curator", "historian"."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and token.lower_ in ROLE_NOUNS:
        # Headlines capitalise every word: "Lowtown CEO: ...".
        return True
    if token.pos_ != "NOUN" or lemma in UTTERANCE_NOUNS:
        return False
    return lemma in ROLE_NOUNS or token.lower_ in ROLE_NOUNS or lemma.endswith(PERSON_NOUN_ENDINGS)
