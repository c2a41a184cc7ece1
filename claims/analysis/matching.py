"""Builds the PhraseMatchers stages find their words with: a lexicon list by lemma or by form."""

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


def spellings(words):
    """The words as a tagger may spell their lemmas: lower case, Title or UPPER."""
    return sorted({spelling for word in words for spelling in (word, word.title(), word.upper())})


def word_matcher(vocab, attr, word_lists):
    """A PhraseMatcher that finds one-word matches of each named list, compared by `attr`
    ("LEMMA" or "LOWER"). A PhraseMatcher looks words up by hash, which is many times faster
    than a Matcher's {"IN": [...]} test on every token."""
    matcher = PhraseMatcher(vocab, attr=attr)
    for name, words in word_lists.items():
        if attr == "LEMMA":
            patterns = [Doc(vocab, words=[w], lemmas=[w]) for w in spellings(words)]
        else:
            patterns = [Doc(vocab, words=[w]) for w in sorted(words)]
        matcher.add(name, patterns)
    return matcher


def matches(doc, *matchers):
    """(token index, list name) of every match in `doc`, in reading order."""
    strings = doc.vocab.strings
    found = [(start, strings[key]) for matcher in matchers for key, start, _ in matcher(doc)]
    return sorted(found)
