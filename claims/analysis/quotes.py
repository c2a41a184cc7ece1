"""Finds direct quotations in an article body, in straight or curly marks, even when broken."""

import enum
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .labels import QuoteKind

Doc.set_extension("quotes", default=None, force=True)

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‹›"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
OPENING_GLYPHS = "“„«‘‹"
CLOSING_GLYPHS = "”»’›"
MARK = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
LINE = re.compile(r"[^\n]+")
# '90s, ’60s: the apostrophe stands for the century; it opens nothing.
DECADE = re.compile(r"\d0s\b")

# Characters after which a mark may open a quotation (besides the start of a paragraph and space).
OPENS_AFTER = "([{<-–—/" + QUOTE_MARKS
# Characters before which a mark closes a quotation (besides the end of a paragraph and space).
CLOSES_BEFORE = ",.;:!?)]}>…-–—"
SENTENCE_BREAKS = ".!?:;…"
# A quotation of this many words or fewer inside someone else's sentence is a scare quote.
SCARE_MAX_WORDS = 3


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: `text` is body[start:end]; the marks sit at open_mark and close_mark.

    Offsets are characters, not tokens: a mark glued to a word may open a quotation inside
    what the tokenizer made one token."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    open_mark: int
    close_mark: int


class Role(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    # "the students' books": an apostrophe, unless the quotation it would close has no other end.
    MAYBE_CLOSE = "maybe close"


@dataclass
class OpenMark:
    position: int
    family: str
    fallback_close: int | None = None


@dataclass(frozen=True)
class Pair:
    open_mark: int
    close_mark: int | None  # None: the quotation runs to the end of its paragraph


@Language.component("quotes")
def quotes_stage(doc):
    """Writes doc._.quotes: the document's quotations, in reading order."""
    doc._.quotes = find_quotes(doc._.index.text)
    return doc


def find_quotes(body: str) -> list[QuoteSpan]:
    """The direct quotations in `body`, sorted by start and never overlapping."""
    spans = []
    # Extracted articles break lines only between paragraphs, so each line is a paragraph.
    for paragraph in LINE.finditer(body):
        start, end = paragraph.span()
        for pair in _outermost(_pair_marks(body, start, end), end):
            span = _quote_span(body, start, end, pair)
            if span:
                spans.append(span)
    return spans


def _family(mark: str) -> str:
    return "double" if mark in DOUBLE_MARKS else "single"


def _pair_marks(body: str, start: int, end: int) -> list[Pair]:
    """Pairs the paragraph's marks; a closing mark with nothing of its family open is dropped."""
    pairs: list[Pair] = []
    open_marks: list[OpenMark] = []
    # Counting what is open lets a stray closing mark be dropped without searching the stack.
    open_count = {"double": 0, "single": 0}
    for match in MARK.finditer(body, start, end):
        position = match.start()
        family = _family(match.group())
        role = _role(body, position, start, end, open_count["double"] > 0)
        if role is Role.OPEN:
            open_marks.append(OpenMark(position, family))
            open_count[family] += 1
        elif role is Role.CLOSE and open_count[family]:
            # Marks opened inside this quotation and never closed were not quotation marks.
            while open_marks[-1].family != family:
                _give_up(open_marks.pop(), open_count, pairs)
            open_count[family] -= 1
            pairs.append(Pair(open_marks.pop().position, position))
        elif role is Role.MAYBE_CLOSE and open_marks and open_marks[-1].family == family:
            open_marks[-1].fallback_close = position
    while len(open_marks) > 1:
        _give_up(open_marks.pop(), open_count, pairs)
    if open_marks:
        _settle_first_unclosed(body, start, open_marks.pop(), open_count, pairs)
    return pairs


def _give_up(unclosed: OpenMark, open_count: dict[str, int], pairs: list[Pair]) -> None:
    open_count[unclosed.family] -= 1
    if unclosed.fallback_close is not None:
        pairs.append(Pair(unclosed.position, unclosed.fallback_close))


def _settle_first_unclosed(
    body: str, start: int, first: OpenMark, open_count: dict[str, int], pairs: list[Pair]
) -> None:
    """A mark that opens its paragraph and is never closed quotes the whole paragraph.

    That is the newspaper convention for a quotation over several paragraphs; a paragraph that
    holds quotations of its own is not one long quotation, though.
    """
    opens_paragraph = not body[start : first.position].strip()
    has_own_quotes = any(_family(body[pair.open_mark]) == first.family for pair in pairs)
    if opens_paragraph and not has_own_quotes and first.fallback_close is None:
        pairs.append(Pair(first.position, None))
    else:
        _give_up(first, open_count, pairs)


def _role(body: str, position: int, start: int, end: int, double_is_open: bool) -> Role | None:
    """Whether the mark at `position` opens or closes a quotation; None when it is no mark at all.

    Machine-translated text reverses and mixes up curly marks, so the neighbours of a mark decide
    and its glyph is only the last resort.
    """
    before = body[position - 1] if position > start else ""
    after = body[position + 1] if position + 1 < end else ""
    begins_text = after.isalnum() or body.startswith(("…", ".."), position + 1)
    if _family(body[position]) == "single":
        is_decade = bool(DECADE.match(body, position + 1, end))
        return _single_role(before, after, begins_text and not is_decade)
    return _double_role(body[position], before, after, begins_text, double_is_open)


def _single_role(before: str, after: str, begins_text: bool) -> Role | None:
    """Single marks double as apostrophes, so they count only in an unmistakable position."""
    if before.isalnum() and after.isalnum():
        return None
    if _may_open_after(before):
        return Role.OPEN if begins_text else None
    if not after or after.isspace() or after in CLOSES_BEFORE or after in QUOTE_MARKS:
        return Role.MAYBE_CLOSE if before in ("s", "S") and after.isspace() else Role.CLOSE
    return None


def _double_role(
    mark: str, before: str, after: str, begins_text: bool, double_is_open: bool
) -> Role:
    if not after:
        return Role.CLOSE
    if after.isspace():
        # Spaced out on both sides, as in « French style »: only the glyph can tell.
        return _role_by_glyph(mark, double_is_open) if _may_open_after(before) else Role.CLOSE
    if _may_open_after(before) and (begins_text or after not in CLOSES_BEFORE):
        return Role.OPEN
    if after in CLOSES_BEFORE or after in QUOTE_MARKS:
        return Role.CLOSE
    # Glued between two words: again only the glyph can tell.
    return _role_by_glyph(mark, double_is_open)


def _may_open_after(before: str) -> bool:
    return not before or before.isspace() or before in OPENS_AFTER


def _role_by_glyph(mark: str, double_is_open: bool) -> Role:
    if mark in OPENING_GLYPHS:
        return Role.OPEN
    if mark in CLOSING_GLYPHS:
        return Role.CLOSE
    return Role.CLOSE if double_is_open else Role.OPEN


def _outermost(pairs: list[Pair], paragraph_end: int) -> list[Pair]:
    """Drops pairs nested in another: a quotation inside a quotation is part of the outer one."""
    outermost: list[Pair] = []
    last_close = -1
    for pair in sorted(pairs, key=lambda pair: (pair.open_mark, -_close(pair, paragraph_end))):
        if pair.open_mark > last_close:
            outermost.append(pair)
            last_close = _close(pair, paragraph_end)
    return outermost


def _close(pair: Pair, paragraph_end: int) -> int:
    return paragraph_end if pair.close_mark is None else pair.close_mark


def _quote_span(body: str, start: int, end: int, pair: Pair) -> QuoteSpan | None:
    text_start = pair.open_mark + 1
    text_end = _close(pair, end)
    while text_start < text_end and body[text_start].isspace():
        text_start += 1
    while text_end > text_start and body[text_end - 1].isspace():
        text_end -= 1
    text = body[text_start:text_end]
    if not any(character.isalnum() for character in text):
        return None
    return QuoteSpan(
        start=text_start,
        end=text_end,
        text=text,
        kind=_kind(body[start : pair.open_mark], text),
        open_mark=pair.open_mark,
        close_mark=text_end if pair.close_mark is None else pair.close_mark,
    )


def _kind(lead_in: str, text: str) -> QuoteKind:
    """Tells a scare quote, a few words inside someone else's sentence, from speech."""
    words = sum(1 for token in text.split() if any(character.isalnum() for character in token))
    lead_in = lead_in.rstrip()
    inside_sentence = bool(lead_in) and lead_in[-1] not in SENTENCE_BREAKS
    return QuoteKind.SCARE if words <= SCARE_MAX_WORDS and inside_sentence else QuoteKind.SPEECH
