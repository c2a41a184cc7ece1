"""Compares names as spelt by different outlets: accents, transliterations and variants."""

from difflib import SequenceMatcher

from articles.vocabulary import ascii_fold, name_skeleton

from .labels import SpeakerKind
from .lexicon import (
    HONORIFICS,
    INSTITUTION_HEADS,
    ROLE_NOUNS,
    ROLE_PREPOSITIONS,
    TITLE_WORDS,
    VAGUE_WORDS,
)

__all__ = ["ascii_fold", "name_skeleton", "same_speaker_name"]

# Two spellings this alike (difflib's ratio) are one name: "Okonkwo" / "Okonkwwo".
SIMILAR_SPELLING = 0.8

# Apostrophes outlets type differently: "mayor’s office" and "mayor's office" are one name.
ONE_APOSTROPHE = str.maketrans({"’": "'", "‘": "'", "`": "'"})

# The word between a body's head noun and its field: "Ministry of Transport".
OF = "of"


def spelling_key(name):
    """What two spellings of one name share: case, accents and apostrophes aside."""
    return " ".join(ascii_fold(name).translate(ONE_APOSTROPHE).split())


def name_words(name, kind):
    """The words a speaker's name is compared by: folded, with one apostrophe, without "the";
    a person's also without the titles in front ("Mayor Dr. Maja Lind" is "maja lind")."""
    words = [w.strip(".,") for w in ascii_fold(name).translate(ONE_APOSTROPHE).split()]
    words = [w for w in words if w and w != "the"]
    if kind == SpeakerKind.PERSON:
        while len(words) > 1 and (words[0] in TITLE_WORDS or words[0] in HONORIFICS):
            words = words[1:]
    return words


def contains_name(shorter, longer, kind):
    """Whether the speaker called `shorter` is, by its words, the one called `longer`.

    A person has the same surname and fewer names or titles ("Lind" and "Mayor Maja Lind" are
    in "Maja Lind"); a body has the same head noun with fewer words before it ("Harbour
    Ferries" is in "Lowtown Harbour Ferries", "White House" is not in "White House Council").
    A source named by role is in nothing: "an official" could be anyone.
    """
    return words_within(name_words(shorter, kind), name_words(longer, kind), kind)


def words_within(short, long, kind):
    """contains_name() on the names' words, as name_words() gives them."""
    if not short or len(short) > len(long):
        return False
    if kind == SpeakerKind.PERSON:
        return short[-1] == long[-1] and _in_order(short, long)
    if kind == SpeakerKind.INSTITUTION:
        return long[len(long) - len(short) :] == short
    return False


def _in_order(words, within):
    rest = iter(within)
    return all(word in rest for word in words)


def names_an_institution(name):
    """Whether a capitalised name is a body's by its head noun: last ("the Lowtown Embassy",
    "the Foreign Office") or first before "of" ("Ministry of Transport")."""
    folded = [w.strip(".,") for w in ascii_fold(name).split()]
    folded = folded[1:] if folded[:1] == ["the"] else folded
    if not folded:
        return False
    return folded[-1] in INSTITUTION_HEADS or (
        len(folded) > 2 and folded[0] in INSTITUTION_HEADS and folded[1] == OF
    )


def _similar(a, b):
    a, b = ascii_fold(a), ascii_fold(b)
    return (
        a == b
        or name_skeleton(a) == name_skeleton(b)
        or SequenceMatcher(None, a, b).ratio() >= SIMILAR_SPELLING
    )


def same_speaker_name(name, known_name, kind):
    """Whether two names of the same kind are spellings of one speaker.

    People match on a similar surname and a compatible first name ("Lind" / "Maja Linde",
    "Dmitri Sokolov" / "Dmitry Sokolow"); role-named sources on the same role and nested
    descriptions ("Norwegian official" / "Norwegian government official").
    """
    words, known_words = name.split(), known_name.split()
    if not words or not known_words:
        return False
    if kind == SpeakerKind.PERSON:
        # "Mayor Maja Lind" is Maja Lind: titles in front say nothing of who it is.
        words, known_words = name_words(name, kind), name_words(known_name, kind)
        if not words or not known_words or not _similar(words[-1], known_words[-1]):
            return False
        if len(words) == 1 or len(known_words) == 1:
            return True
        first, known_first = ascii_fold(words[0]), ascii_fold(known_words[0])
        return (
            first.startswith(known_first)
            or known_first.startswith(first)
            or _similar(first, known_first)
        )
    if kind == SpeakerKind.ANONYMOUS:
        role, known_role = _role_and_details(words), _role_and_details(known_words)
        if role[0] != known_role[0]:
            return False
        if not role[1] or not known_role[1]:
            # A bare "official" could be any official: only another bare one is the same.
            return role[1] == known_role[1]
        return role[1] <= known_role[1] or known_role[1] <= role[1]
    return False


def _role_and_details(words):
    folded = [ascii_fold(w) for w in words]
    role = next((w for w in folded if w in ROLE_NOUNS), folded[-1])
    details = frozenset(w for w in folded if w != role and w not in ROLE_PREPOSITIONS)
    return role.rstrip("s"), details


def proper_name(subject):
    compounds = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    while compounds and ascii_fold(compounds[0].text) in TITLE_WORDS:
        compounds = compounds[1:]
    return " ".join(t.text for t in [*compounds, subject])


def without_vague_words(tokens):
    words = [t.text for t in tokens if t.lower_ not in VAGUE_WORDS and not t.is_punct]
    return " ".join(words).strip()
