"""Compares names as spelt by different outlets: accents, transliterations and variants."""

from difflib import SequenceMatcher

from articles.vocabulary import ascii_fold, name_skeleton

from .labels import SpeakerKind
from .lexicon import ROLE_NOUNS, ROLE_PREPOSITIONS, TITLE_WORDS, VAGUE_WORDS

__all__ = ["ascii_fold", "name_skeleton", "same_speaker_name"]

# Two spellings this alike (difflib's ratio) are one name: "Okonkwo" / "Okonkwwo".
SIMILAR_SPELLING = 0.8


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
        if not _similar(words[-1], known_words[-1]):
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
