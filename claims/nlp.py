"""Loads the spaCy pipeline once per process and holds the word lists the extractors share."""

import functools
import re
import unicodedata

import numpy
import spacy
from django.conf import settings
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence never runs across a paragraph break, and never starts in lower case
    ("told reporters on Jan. 27. that ..." is one sentence), whatever the parser thinks."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            following.is_sent_start = True
        elif token.text.endswith(".") and following.is_lower and following.is_alpha:
            following.is_sent_start = False
    return doc


@functools.cache
def load_pipeline():
    nlp = spacy.load(settings.NEWSROOM_SPACY_MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


# Verbs that introduce what someone said; the quote or clause they govern is that person's words.
REPORTING_VERBS = frozenset(
    """say tell add tweet write note insist state claim report warn explain reply respond
    announce declare confirm acknowledge argue assert caution comment complain continue
    emphasise emphasize indicate maintain mention observe point post read remark reiterate
    repeat reveal stress suggest urge describe characterize characterise call ask admit
    allege predict promise vow deny dispute reject dismiss refute disagree retort""".split()
)

# Nouns naming a person by role rather than by name: "a senior official told ..."
ROLE_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson spokespeople aide
    aides diplomat diplomats adviser advisor advisers advisors officer officers insider
    insiders person people correspondent reporter representative representatives envoy
    minister secretary analyst analysts expert experts lawmaker lawmakers member members
    director directors head chief chiefs boss
    staffer staffers employee employees witness witnesses resident residents""".split()
)

# Words that only say how much a role-named speaker is known; dropped from their canonical name.
VAGUE_WORDS = frozenset(
    """a an the at least one another some certain several senior top high ranking high-ranking
    unnamed anonymous unidentified identified familiar this that these those who which two
    three four five according to""".split()
)

# Nouns for what was said rather than who said it: "the tweet reads", "the statement said".
UTTERANCE_NOUNS = frozenset(
    """tweet tweets statement statements post readout reading transcript message letter release
    report reports memo note""".split()
)

# Titles that taggers leave at the front of a name: "Secretary of Defense Lloyd Austin".
TITLE_WORDS = frozenset(
    """president vice secretary minister prime deputy foreign defense defence state general gen
    senator sen representative rep governor gov mayor chancellor ambassador judge justice dr
    mr mrs ms miss sir lord lady king queen prince princess pope commissioner chairman
    chairwoman chair director chief spokesman spokeswoman colonel col lt captain admiral
    sergeant sgt professor prof rev""".split()
)

# Particles inside family names that taggers often cut off: "Ursula von der Leyen".
NAME_PARTICLES = frozenset("von van der den de da di del della du la le bin ibn al el".split())

_VOWELS = re.compile(r"[aeiouy]+")
_NOT_LETTERS = re.compile(r"[^a-z]+")


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
    return re.sub(r"(.)\1+", r"\1", skeleton)


@functools.cache
def _hashes_of(words):
    """spaCy's hashes of the words as a tagger may spell their lemmas: lower, Title or UPPER."""
    spellings = {spelling for word in words for spelling in (word, word.title(), word.upper())}
    return numpy.array(sorted(hash_string(spelling) for spelling in spellings), dtype=numpy.uint64)


def word_flags(doc, words):
    """For each token of `doc`, whether its lower-case form or its lemma is one of `words`.

    Reading spaCy's arrays for the whole document is far cheaper than asking each token, so
    the extractors use this to skip the tokens and sentences that cannot matter.
    """
    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    return numpy.isin(doc.to_array([LOWER, LEMMA]), _hashes_of(words)).any(axis=1)
