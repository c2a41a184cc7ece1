"""The keys content words are compared by across articles: synonyms, a noun and its verb, and
a number in words or figures each come to one key."""

import re

from .claim_words import ORDINAL_ENDINGS, ORDINAL_WORDS
from .lexicon import DERIVATION_ENDINGS, NUMBER_WORDS, SYNONYM_GROUPS

# A stem keeps at least this many letters: "use" must not become "us".
MIN_STEM = 4

SYNONYM_OF = {word: group.split()[0] for group in SYNONYM_GROUPS for word in group.split()}
FIGURE = re.compile(r"^\d+(?:[.,]\d{3})*(?:\.\d+)?$")


def word_key(lemma):
    """The key of a common word's lemma: its synonym group's word, without its ending."""
    lemma = SYNONYM_OF.get(lemma, lemma)
    # Endings stack ("disagreement" is "disagree" + "ment", "disagree" is "disagre" + "e"):
    # strip until none is left, so that the noun and its verb meet on one stem.
    stripped = True
    while stripped:
        stripped = False
        for ending in DERIVATION_ENDINGS:
            if lemma.endswith(ending) and len(lemma) - len(ending) >= MIN_STEM:
                lemma, stripped = lemma[: -len(ending)], True
                break
    return lemma


def number_keys(tokens):
    """The numbers a run of tokens gives, as figures: "three thousand" and "3,000" give "3000"."""
    keys, value = set(), None
    for token in tokens:
        word = _figure_of_ordinal(token.lower_)
        if word == "-" and value is not None:
            # "twenty-seventh" is one number in three tokens.
            continue
        if token.ent_type_ == "DATE" and word in ORDINAL_WORDS:
            amount = ORDINAL_WORDS[word]
            value = amount if value is None else value + amount
        elif FIGURE.match(word):
            figure = float(word.replace(",", "")) if word.count(",") else float(word)
            value = figure if value is None else value + figure
        elif word in NUMBER_WORDS and token.like_num:
            amount = NUMBER_WORDS[word]
            value = (
                amount if value is None else (value * amount if amount >= 100 else value + amount)
            )
        else:
            if value is not None:
                keys.add(_figure(value))
            value = None
    if value is not None:
        keys.add(_figure(value))
    return keys


def _figure_of_ordinal(word):
    """ "27th" is "27"; other words stay as they are."""
    for ending in ORDINAL_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)].isdigit():
            return word[: -len(ending)]
    return word


def _figure(value):
    return str(int(value)) if value == int(value) else str(value)
