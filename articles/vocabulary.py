"""Words that reading articles, spotting copies and analysing claims all need: calendar words,
name particles, and the spelling-blind forms names are compared by."""

import functools
import re
import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS

_VOWELS = re.compile(r"[aeiouy]+")
_NOT_LETTERS = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"(.)\1+")

# Month names and their abbreviations, to read dates in headers and in sentences.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# Weekdays in Python's order (Monday is 0), to date "on Thursday" against the article's date.
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Particles inside family names that taggers often cut off: "Anja van der Berg".
NAME_PARTICLES = frozenset("von van der den de da di del della du la le bin ibn al el".split())


@functools.lru_cache(maxsize=65536)
def ascii_fold(text):
    """Lower-case text without accents: "Dvořák" and "Dvorak" compare alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@functools.lru_cache(maxsize=65536)
def name_skeleton(word):
    """Consonant skeleton of a name: spelling variants and transliterations share it."""
    letters = _NOT_LETTERS.sub("", ascii_fold(word))
    if not letters:
        return ""
    skeleton = letters[0] + _VOWELS.sub("", letters[1:])
    # Doubled consonants are spelling noise ("Hallberg" / "Halberg").
    return _DOUBLED.sub(r"\1", skeleton)


# A word of plain text that may carry content: letters only, four or more of them; shorter ones
# are nearly all function words, initials or units.
PLAIN_WORD = re.compile(r"[^\W\d_]{4,}")

# Words too common to tell one text from another: English function words (spaCy's list) and the
# verbs every report uses.
COMMON_WORDS = frozenset(STOP_WORDS | {"said", "says", "told"})


def content_words(text):
    """The words of plain, unparsed text that say what it is about, as written, in order.

    Copy detection and the highlighting of shared words use this; the analysis compares
    parsed tokens instead (claims/analysis/statements.py: term_of)."""
    return [word for word in PLAIN_WORD.findall(text) if ascii_fold(word) not in COMMON_WORDS]


# Sections of a news site's menu, lower case: a menu opening with one of them ("Home | World")
# does not open with the site's own name.
SECTION_WORDS = frozenset(
    """home news latest world local national international region regional business economy
    money markets finance politics sport sports opinion comment culture arts lifestyle life
    entertainment tech technology science health travel video videos podcasts newsletters
    weather environment climate education media uk us europe africa asia americas
    """.split()
)
