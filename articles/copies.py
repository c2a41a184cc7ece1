"""Spots an article that copies another: scraped, spun or machine-translated."""

import re

from .vocabulary import ascii_fold, content_words, name_skeleton

# Two paragraphs match when this share of their words is common to both (Jaccard): a spun or
# machine-translated paragraph keeps about half of its words, an unrelated one a tenth.
PARAGRAPH_MATCH = 0.35
# An article copies another when this share of the shorter one's paragraphs match...
COPY_SHARE = 0.5
# ... and at least this many do: two short articles may share a quote or two by chance.
MIN_MATCHED_PARAGRAPHS = 3
# A paragraph with fewer content words is a caption or a byline, too short to compare.
MIN_PARAGRAPH_TERMS = 5
# Only this many of the new article's rarest words are looked up to find candidates.
LOOKUP_TERMS = 25
# Only the stored articles sharing the most rare words are compared paragraph by paragraph.
MAX_CANDIDATES = 5
# The index of terms (copy_index.py) cuts longer ones: a name's skeleton this long is one name,
# and a database cannot index a term of any length.
INDEXED_TERM_CHARS = 100


def paragraph_terms(body):
    """The content words of each paragraph, spelled so that transliterations still match.

    They are stored for every article (copy_index.py): a change of spelling here needs a
    migration that fills them again, as migration 0006 does."""
    paragraphs = []
    for paragraph in body.split("\n\n"):
        terms = set()
        for word in content_words(paragraph):
            # Names by skeleton, other words by their stem's first letters: "transliterated"
            # spellings and inflections still meet.
            terms.add(f"~{name_skeleton(word)}" if word[0].isupper() else ascii_fold(word)[:6])
        if len(terms) >= MIN_PARAGRAPH_TERMS:
            paragraphs.append(frozenset(terms))
    return paragraphs


def copy_share(paragraphs, other_paragraphs, needed_share=0.0):
    """The share of the shorter article's paragraphs that reappear in the other one, and how
    many do; the count stops early once `needed_share` is out of reach."""
    if not paragraphs or not other_paragraphs:
        return 0.0, 0
    shorter = min(len(paragraphs), len(other_paragraphs))
    matched = 0
    for checked, terms in enumerate(paragraphs):
        if (matched + len(paragraphs) - checked) / shorter < needed_share:
            break
        for other in other_paragraphs:
            # A paragraph less than PARAGRAPH_MATCH the size of the other cannot match it.
            if min(len(terms), len(other)) < PARAGRAPH_MATCH * max(len(terms), len(other)):
                continue
            if len(terms & other) >= PARAGRAPH_MATCH * len(terms | other):
                matched += 1
                break
    return matched / shorter, matched


def indexed_terms(paragraphs):
    """The terms under which an article with these paragraphs is found: each of their words
    once, cut to the length the index stores."""
    return {term[:INDEXED_TERM_CHARS] for terms in paragraphs for term in terms}


def rarest_terms(term_counts):
    """Of the terms stored articles hold, by how many hold each, those the fewest hold."""
    return sorted(term_counts, key=lambda t: (term_counts[t], t))[:LOOKUP_TERMS]


def best_copied(paragraphs, candidates):
    """Of the `(article id, paragraphs)` candidates, those sharing the most rare terms first,
    the one that shares most of its paragraphs with these, or None."""
    best, best_share = None, COPY_SHARE
    for candidate, other_paragraphs in candidates:
        share, matched = copy_share(paragraphs, other_paragraphs, best_share)
        if matched >= MIN_MATCHED_PARAGRAPHS and share >= best_share:
            best, best_share = candidate, share
            if share >= 1.0:
                # Every paragraph reappears: no other candidate can do better.
                break
    return best


# A paragraph of a copy is taken word for word when this share of its words, spelled exactly and
# function words included, is common to it and the paragraph it matches (Jaccard): a scraper's
# light edits (a corrected typo, a dropped clause) keep nine words in ten, while a machine
# translation or a spun text keeps the names and numbers but chooses its own words, and keeps
# from four to seven in ten.
VERBATIM_PARAGRAPH = 0.85
# A copy is word for word when at least this share of its matching paragraphs are: a copy edited
# in a few places stays one, a translation has almost no such paragraph.
VERBATIM_SHARE = 0.5

_WORD = re.compile(r"\w+")


def _exact_words(paragraph):
    return {word.casefold() for word in _WORD.findall(paragraph)}


def copied_word_for_word(body, original_body):
    """Whether the paragraphs of `body` that match `original_body`'s (as copy detection matches
    them) repeat their words almost exactly, rather than translate or reword them."""
    originals = [
        (terms[0], _exact_words(paragraph))
        for paragraph in original_body.split("\n\n")
        if (terms := paragraph_terms(paragraph))
    ]
    matched = verbatim = 0
    for paragraph in body.split("\n\n"):
        terms = paragraph_terms(paragraph)
        if not terms:
            continue
        words = _exact_words(paragraph)
        closeness = [
            len(words & other_words) / len(words | other_words)
            for other_terms, other_words in originals
            if len(terms[0] & other_terms) >= PARAGRAPH_MATCH * len(terms[0] | other_terms)
        ]
        if closeness:
            matched += 1
            verbatim += max(closeness) >= VERBATIM_PARAGRAPH
    return matched > 0 and verbatim >= VERBATIM_SHARE * matched
