"""Which named person holds which role: "chief executive Jo Poe", "Jo Poe, the mayor"."""

from .lexicon import ROLE_NOUNS, TITLE_WORDS
from .names import ascii_fold

# Words of a role set right before a name: "Industry Minister Jo Poe", "chief executive Jo Poe".
ROLE_WORDS_BEFORE_NAME = 3


def role_holders(people, full_name):
    """(character offset, role word, full name) of every role the article gives a person
    named in `people` (PERSON spans), in reading order."""
    holders = []
    for ent in people:
        name = full_name(ent.text)
        for word in _roles_of(ent):
            holders.append((ent.start_char, word, name))
    return holders


def _is_role_word(token):
    return any(
        form in ROLE_NOUNS or form in TITLE_WORDS
        for form in (ascii_fold(token.lower_), token.lemma_.lower())
    )


def _roles_of(ent):
    doc = ent.doc
    words = []
    i = ent.start - 1
    while i >= 0 and ent.start - i <= ROLE_WORDS_BEFORE_NAME and doc[i].is_alpha:
        if _is_role_word(doc[i]):
            words.append(doc[i].lemma_.lower())
        i -= 1
    root = ent.root
    beside = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    words += [t.lemma_.lower() for t in beside if _is_role_word(t)]
    return words
