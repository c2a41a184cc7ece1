"""Tells a sentence that can carry a claim from the furniture of an article: labelled lines,
captions, bylines, credits, questions, site notices, studio chatter and a speaker's musings."""

import re

from .lexicon import (
    AUTHOR_VERBS,
    CHATTER_PHRASES,
    MIND_VERBS,
    NO_CLAIM_PHRASES,
    PERSONAL_SUBJECTS,
    PRESS_ROLES,
    REPORTING_VERBS,
    WANT_VERBS,
)

# "Title: ...", "Read more: ...", "Posted 3 May by ...": a short label opens the line.
LABEL = re.compile(r"^[\[(]?[A-Za-z][\w'’ ]{0,24}:\s")
# A transcript's speaker label is the speaker's name in capitals: "MARA QUILL: We ..."
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(\([A-Z ]+\))?:\s")
QUESTION_END = re.compile(r"\?[\"'”’»)\]]*\s*$")
NO_CLAIM = re.compile(rf"\b({'|'.join(re.escape(p) for p in NO_CLAIM_PHRASES)})\b", re.I)
CHATTER = re.compile(rf"\b({'|'.join(re.escape(p) for p in CHATTER_PHRASES)})\b", re.I)
# A greeting or a hand-over is a few words ("Mara Quill, thank you."); a longer sentence with
# "thank you" in it may still report something.
CHATTER_WORDS = 12


def is_furniture(text, start, end, sentence):
    """Whether the sentence from `start` to `end` of `text` is no claim of its own: a line
    labelled like "Read more:", a bracketed caption or credit, a byline or a question. Titles
    stay: they often state the story's main claim."""
    words = text[start:end].strip()
    start = text.find(words, start)
    end = start + len(words)
    if QUESTION_END.search(words) or NO_CLAIM.search(words):
        return True
    if _is_chatter(words, sentence) or _states_nothing(sentence):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if line == words or line.startswith(words):
        if LABEL.match(words) and not SPEAKER_LABEL.match(words) and not _says(sentence):
            return True
        if words[:1] in "[(":
            return True
    return _is_author_note(sentence)


def _says(sentence):
    """ "Mara Quill said: ..." introduces words, it labels nothing."""
    for token in sentence:
        if token.text == ":":
            return False
        if token.tag_ in ("VBD", "VBZ") and token.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


def _is_author_note(sentence):
    """ "Mara Quill covers the courts for the Gazette", "Ivo Lind is the Gazette's editor":
    the note on who wrote the article, in the present tense."""
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or root.tag_ != "VBZ":
        return False
    if subject.pos_ != "PROPN" and subject.lower_ not in ("he", "she"):
        return False
    if root.lemma_.lower() in AUTHOR_VERBS:
        return not any(c.dep_ == "ccomp" for c in root.children)
    return root.lemma_.lower() == "be" and any(
        t.lemma_.lower() in PRESS_ROLES for t in root.subtree
    )


def _is_chatter(words, sentence):
    """ "Good evening", "Mara Quill joins me in the studio", "MOST READ: ...": the talk that
    runs a broadcast or a page."""
    if CHATTER.search(words) and len(words.split()) <= CHATTER_WORDS:
        return True
    return CHATTER.match(SPEAKER_LABEL.sub("", words).lstrip("[(")) is not None


def _states_nothing(sentence):
    """A sentence no one could check: no verb at all ("Mara Quill there."), a wish ("the
    company needs to come clean"), or a speaker's own mind ("I honestly don't know which is
    worse"). A figure in it is a fact to check whatever the grammar, and a denial ("I believe
    the report is false") denies whatever its verb."""
    if sentence._.denial or any(token.like_num for token in sentence):
        return False
    if not any(token.pos_ in ("VERB", "AUX") for token in sentence):
        return True
    root = _reported_clause(sentence.root)
    lemma = root.lemma_.lower()
    if lemma in WANT_VERBS:
        return True
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return lemma in MIND_VERBS and subject is not None and subject.lower_ in PERSONAL_SUBJECTS


def _reported_clause(root):
    """ "'I don't know,' she said" is about what she said: the reported clause's verb."""
    if root.lemma_.lower() not in REPORTING_VERBS:
        return root
    reported = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
    return reported[0] if reported else root
