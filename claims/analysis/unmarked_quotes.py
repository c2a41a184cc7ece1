"""Finds quotations written without marks: transcript turns, and posts set out after "X wrote:"."""

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import (
    NAME_PARTICLES,
    NOT_SPEAKER_LABELS,
    POST_INTRO_VERBS,
    ROLE_TURN_LABELS,
    TITLE_WORDS,
)
from .names import ascii_fold

# Up to four words and an optional role, in brackets or after a comma, then a colon:
# "JO POE (ANCHOR): ...", "JO POE, HOST: ...".
LABEL = (
    r"(?P<label>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3})"
    r"(?:[ \t]*\((?P<role>[^()\n]{1,40})\)|,[ \t]*(?P<title>[A-Z][\w'’.\- ]{0,30}))?[ \t]*:"
)
TURN_LABEL = re.compile(LABEL + r"[ \t]+(?=\S)")
# The label on a line of its own, above the turn's paragraph.
LABEL_LINE = re.compile(LABEL + r"[ \t]*")
# A turn is spoken sentences, so it ends like one; "Broadcast: 9 April, 6 PM" does not.
TURN_ENDINGS = '.!?…"”’»)]—–-'
# One turn alone, or turns by all different voices, are headers more likely than a conversation.
MIN_TURNS = 2
# "Jo Poe @jopoe" above a post: the account that posted it.
HANDLE = re.compile(r"(?P<name>.*?)\s*@\w+")
HANDLE_LINE_MAX_WORDS = 6
# "— Jo Poe (@jopoe) May 2, 2025" below an embedded post: who posted it.
SIGNATURE = re.compile(r"[—–-]+[ \t]*(?P<name>[^()@\n]{2,60}?)[ \t]*\(@\w+\)")
# "..., Jo Poe wrote on her account:": the verb is among the last words before the colon.
INTRO_VERB_REACH = 5
# A post of fewer words is a caption or a timestamp, not somebody's words.
POST_MIN_WORDS = 3
# A capitalised word before a surname in the text may be the given name: "Jo Poe said".
GIVEN_NAMES = r"((?:[A-Z][\w'’\-]+[ \t]+){1,2})"


@dataclass(frozen=True)
class UnmarkedQuote:
    """body[start:end] is someone's words; speaker_label names them, when the text does."""

    start: int
    end: int
    speaker_label: str


def unmarked_quotes(
    body: str, paragraphs: list[tuple[int, int]], marks: str
) -> list[UnmarkedQuote]:
    """The transcript turns and set-out posts among `paragraphs` (start, end offsets)."""
    return _turns(body, paragraphs) + _posts(body, paragraphs, marks)


def _turns(body, paragraphs):
    found = [turn for number in range(len(paragraphs)) if (turn := _turn(body, paragraphs, number))]
    names = _speaker_names([label for label, _, _ in found], body)
    voices = Counter(names[label] or _plain(label) for label, _, _ in found)
    if len(found) < MIN_TURNS or max(voices.values(), default=0) < 2:
        return []
    return [UnmarkedQuote(start, end, names[label]) for label, start, end in found]


def _turn(body, paragraphs, number):
    """(label, start, end) of the turn paragraph `number` begins, if it begins one."""
    start, end = paragraphs[number]
    if match := TURN_LABEL.match(body, start, end):
        text_start = match.end()
    elif (match := LABEL_LINE.fullmatch(body, start, end)) and number + 1 < len(paragraphs):
        text_start, end = paragraphs[number + 1]
        if TURN_LABEL.match(body, text_start, end) or LABEL_LINE.fullmatch(body, text_start, end):
            return None
    else:
        return None
    text = body[text_start:end].rstrip()
    if text.endswith(tuple(TURN_ENDINGS)) and _is_speaker_label(match["label"]):
        return match["label"], text_start, text_start + len(text)
    return None


def _is_speaker_label(label):
    words = label.split()
    if _plain(label) in NOT_SPEAKER_LABELS:
        return False
    return all(word[0].isupper() or word.lower() in NAME_PARTICLES for word in words)


def _plain(label):
    return " ".join(ascii_fold(label).split())


def _speaker_names(labels, body):
    """Each label's speaker as a name in ordinary case, titles dropped; one name alone ("POE:")
    takes the full name another label or the text gives it."""
    names = {label: _name_of(label) for label in dict.fromkeys(labels)}
    full = [name for name in names.values() if len(name.split()) > 1]
    for label, name in names.items():
        if name and len(name.split()) == 1:
            surname = name.casefold()
            longer = [n for n in full if n.split()[-1].casefold() == surname]
            # Presenters hand over by given name: "SIMONE:" after "SIMONE PRADEL:".
            longer += [n for n in full if n.split()[0].casefold() == surname]
            names[label] = longer[0] if longer else _named_in_text(name, body)
    return names


def _name_of(label):
    if all(word in ROLE_TURN_LABELS for word in _plain(label).split()):
        return ""
    words = [_ordinary_case(word) for word in label.split()]
    while len(words) > 1 and ascii_fold(words[0]).strip(".") in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _ordinary_case(word):
    if not word.isupper() or len(word) == 1:
        return word
    return word.lower() if word.lower() in NAME_PARTICLES else word.title()


def _named_in_text(surname, body):
    """The longest "Given Surname" the text writes, else the surname itself."""
    pattern = re.compile(GIVEN_NAMES + re.escape(surname) + r"\b")
    best = surname
    for match in pattern.finditer(body):
        given = [w for w in match[1].split() if ascii_fold(w).strip(".") not in TITLE_WORDS]
        name = " ".join([*given, surname])
        if given and len(name) > len(best):
            best = name
    return best


def _posts(body, paragraphs, marks):
    """Posts set out after "X wrote:", and embedded posts signed "— X (@x) date" below."""
    found = {}
    for number, (start, end) in enumerate(paragraphs[:-1]):
        if _introduces_post(body[start:end].rstrip(), marks):
            post = _post_after(body, paragraphs[number + 1 :], marks)
        else:
            post = _signed_post(body, paragraphs[number], paragraphs[number + 1], marks)
        if post:
            found.setdefault(post.start, post)
    return list(found.values())


def _introduces_post(intro, marks):
    if not intro.endswith(":") or any(mark in intro for mark in marks):
        return False
    last_words = [w.strip(",;").lower() for w in intro[:-1].split()[-INTRO_VERB_REACH:]]
    return bool(POST_INTRO_VERBS.intersection(last_words))


def _signed_post(body, paragraph, signature, marks):
    signed = SIGNATURE.match(body, *signature)
    if not signed:
        return None
    name = signed["name"].strip()
    return _post_in(body, *paragraph, _name_of(name) if _is_speaker_label(name) else "", marks)


def _post_after(body, following, marks):
    """The post set out in the paragraphs after an introduction, under its account's line."""
    speaker = ""
    start, end = following[0]
    handle = HANDLE.match(body, start, end)
    if handle and len(body[start:end].split()) <= HANDLE_LINE_MAX_WORDS and len(following) > 1:
        name = handle["name"].strip()
        speaker = _name_of(name) if name and _is_speaker_label(name) else ""
        start, end = following[1]
    return _post_in(body, start, end, speaker, marks)


def _post_in(body, start, end, speaker, marks):
    text = body[start:end].strip()
    if not text or text[0] in marks or TURN_LABEL.match(text) or len(text.split()) < POST_MIN_WORDS:
        return None
    offset = start + (len(body[start:end]) - len(body[start:end].lstrip()))
    return UnmarkedQuote(offset, offset + len(text), speaker)
