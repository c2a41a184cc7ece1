"""Finds the quotations of an article body: in straight, curly, doubled or broken marks, or none."""

import enum
import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from .labels import QuoteKind
from .unmarked_quotes import unmarked_quotes

Doc.set_extension("quotes", default=None, force=True)

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‹›"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
OPENING_GLYPHS = "“„«‘‹"
CLOSING_GLYPHS = "”»’›"
# Typewriter and TeX styles write a double mark as two single ones: ''no'' and ``no''.
DOUBLED_MARKS = ("''", "``")
MARK = re.compile(f"''|``|[{re.escape(QUOTE_MARKS)}]")
LINE = re.compile(r"[^\n]+")
# "title: "..."" in front matter: a field's value in marks, not somebody's words.
FIELD_LINE = re.compile(r"[a-z][a-z_\-]*:\s")
# How a paragraph ends when nothing was cut off from it.
COMPLETE_ENDINGS = tuple(".!?:;)]" + QUOTE_MARKS)
CUT_ENDINGS = ("…", "...")
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
    what the tokenizer made one token. A quotation over several paragraphs keeps the breaks and
    the marks reopening each paragraph in its text; one without marks (a transcript turn, a
    post) has open_mark == start and close_mark == end."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    open_mark: int
    close_mark: int
    # The speaker's name from a transcript's turn label ("JO POE:" gives "Jo Poe"), else "".
    speaker_label: str = ""
    # The index, in the same list, of the quotation this one is quoted inside.
    nested_in: int | None = None


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
    # Someone's words quoted inside the quotation around it: "He told me, ‘Not yet.’"
    reported: bool = False


@Language.component("quotes")
def quotes_stage(doc):
    """Writes doc._.quotes: the document's quotations, in reading order."""
    doc._.quotes = find_quotes(doc._.index.text)
    return doc


def find_quotes(body: str) -> list[QuoteSpan]:
    """The quotations in `body`, sorted by start; one overlaps another only by lying inside it."""
    # Extracted articles break lines only between paragraphs, so each line is a paragraph.
    paragraphs = [line.span() for line in LINE.finditer(body)]
    found = []
    for number, (start, end) in enumerate(paragraphs):
        if FIELD_LINE.match(body, start, end):
            continue
        following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
        pairs = _pair_marks(body, start, end, _may_run_on(body, start, end, following))
        for pair in _kept(body, pairs, end):
            span = _quote_span(body, start, end, pair)
            if span:
                found.append((span, pair.close_mark is None))
    spans = _join_continued(body, found)
    for quote in unmarked_quotes(body, paragraphs, QUOTE_MARKS):
        # With no marks, the "marks" are the ends of the words themselves.
        spans.append(
            QuoteSpan(
                start=quote.start,
                end=quote.end,
                text=body[quote.start : quote.end],
                kind=QuoteKind.SPEECH,
                open_mark=quote.start,
                close_mark=quote.end,
                speaker_label=quote.speaker_label,
            )
        )
    return _with_nesting(spans)


def _may_run_on(body: str, start: int, end: int, following: int | None) -> bool:
    """Whether a mark left open in the paragraph body[start:end] still quotes to its end: the
    text was cut off there, or the next paragraph opens with a mark, which is how a quotation
    goes on over several paragraphs. A lone line break is only wrapping, and ends nothing."""
    if following is None:
        return True
    if "\n\n" not in body[end:following]:
        return False
    text = body[start:end].rstrip()
    return (
        body[following] in QUOTE_MARKS
        or text.endswith(CUT_ENDINGS)
        or not text.endswith(COMPLETE_ENDINGS)
    )


def _join_continued(body: str, found: list[tuple[QuoteSpan, bool]]) -> list[QuoteSpan]:
    """Joins a quotation left open at its paragraph's end to the one opening the next paragraph
    with a mark of its family: they are one quotation over several paragraphs."""
    joined: list[tuple[QuoteSpan, bool]] = []
    for span, unclosed in found:
        if joined and joined[-1][1] and _goes_on(body, joined[-1][0], span):
            earlier = joined[-1][0]
            span = replace(
                earlier,
                end=span.end,
                text=body[earlier.start : span.end],
                close_mark=span.close_mark,
            )
            joined[-1] = (span, unclosed)
        else:
            joined.append((span, unclosed))
    return [span for span, _ in joined]


def _goes_on(body: str, earlier: QuoteSpan, later: QuoteSpan) -> bool:
    between = body[earlier.end : later.open_mark]
    same_family = _family(_mark_at(body, earlier.open_mark)) == _family(
        _mark_at(body, later.open_mark)
    )
    return same_family and not between.strip() and "\n\n" in between


def _with_nesting(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Sorts the spans, outer before inner, and points each at the one it lies inside; a span
    that would cross another's end is dropped."""
    spans = sorted(spans, key=lambda span: (span.start, -span.end))
    result: list[QuoteSpan] = []
    around: list[int] = []
    for span in spans:
        while around and result[around[-1]].end <= span.start:
            around.pop()
        if around and span.end > result[around[-1]].end:
            continue
        if around and (span.start, span.end) == (result[around[-1]].start, result[around[-1]].end):
            continue
        result.append(replace(span, nested_in=around[-1] if around else None))
        around.append(len(result) - 1)
    return result


def _mark_at(body: str, position: int) -> str:
    doubled = body[position : position + 2]
    return doubled if doubled in DOUBLED_MARKS else body[position]


def _family(mark: str) -> str:
    return "double" if mark in DOUBLE_MARKS or mark in DOUBLED_MARKS else "single"


def _pair_marks(body: str, start: int, end: int, runs_on: bool) -> list[Pair]:
    """Pairs the paragraph's marks; a closing mark with nothing of its family open is dropped."""
    pairs: list[Pair] = []
    open_marks: list[OpenMark] = []
    # Counting what is open lets a stray closing mark be dropped without searching the stack.
    open_count = {"double": 0, "single": 0}
    for match in MARK.finditer(body, start, end):
        position, mark = match.start(), match.group()
        family = _family(mark)
        role = _role(body, position, mark, start, end, open_count["double"] > 0)
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
        _settle_first_unclosed(body, start, open_marks.pop(), open_count, pairs, runs_on)
    return pairs


def _give_up(unclosed: OpenMark, open_count: dict[str, int], pairs: list[Pair]) -> None:
    open_count[unclosed.family] -= 1
    if unclosed.fallback_close is not None:
        pairs.append(Pair(unclosed.position, unclosed.fallback_close))


def _settle_first_unclosed(
    body: str,
    start: int,
    first: OpenMark,
    open_count: dict[str, int],
    pairs: list[Pair],
    runs_on: bool,
) -> None:
    """A mark never closed quotes to the end of its paragraph when it opens the paragraph (the
    newspaper convention for a quotation over several paragraphs), when it opens a sentence
    after a comma or colon (", “We ..." with its closing mark forgotten), or when the paragraph
    runs on (see _may_run_on); a quotation of its own after it shows it was no mark, though.
    """
    lead_in = body[start : first.position].rstrip()
    after = body[first.position + len(_mark_at(body, first.position)) :][:1]
    opens_paragraph = not lead_in or (lead_in.endswith((",", ":")) and after.isupper())
    has_own_quotes = any(
        pair.open_mark > first.position and _family(_mark_at(body, pair.open_mark)) == first.family
        for pair in pairs
    )
    if (opens_paragraph or runs_on) and not has_own_quotes and first.fallback_close is None:
        pairs.append(Pair(first.position, None))
    else:
        _give_up(first, open_count, pairs)


def _role(
    body: str, position: int, mark: str, start: int, end: int, double_is_open: bool
) -> Role | None:
    """Whether the mark at `position` opens or closes a quotation; None when it is no mark at all.

    Machine-translated text reverses and mixes up curly marks, so the neighbours of a mark decide
    and its glyph is only the last resort.
    """
    after_mark = position + len(mark)
    before = body[position - 1] if position > start else ""
    after = body[after_mark] if after_mark < end else ""
    begins_text = after.isalnum() or body.startswith(("…", ".."), after_mark)
    if _family(mark) == "single":
        is_decade = bool(DECADE.match(body, after_mark, end))
        return _single_role(before, after, begins_text and not is_decade)
    return _double_role(mark, before, after, begins_text, double_is_open)


def _single_role(before: str, after: str, begins_text: bool) -> Role | None:
    """Single marks double as apostrophes, so they count only in an unmistakable position."""
    if before.isalnum() and after.isalnum():
        return None
    # After another mark, a single one closes as readily as it opens: ."' ends two quotations.
    if _may_open_after(before) and (begins_text or before not in QUOTE_MARKS):
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
    if mark in OPENING_GLYPHS or mark == "``":
        return Role.OPEN
    if mark in CLOSING_GLYPHS:
        return Role.CLOSE
    return Role.CLOSE if double_is_open else Role.OPEN


def _kept(body: str, pairs: list[Pair], paragraph_end: int) -> list[Pair]:
    """The outermost pairs, and the pairs inside them that quote someone's words in turn; other
    quotations inside a quotation are part of it."""
    kept: list[Pair] = []
    outer = None
    for pair in sorted(pairs, key=lambda pair: (pair.open_mark, -_close(pair, paragraph_end))):
        if outer is None or pair.open_mark > _close(outer, paragraph_end):
            kept.append(pair)
            outer = pair
        elif pair.close_mark is not None and _reported_inside(body, outer, pair):
            kept.append(replace(pair, reported=True))
    return kept


def _reported_inside(body: str, outer: Pair, inner: Pair) -> bool:
    """ "We were told, ‘Not yet,’ ...": a quotation set off by a comma or colon and starting
    with a capital is speech reported inside speech; "the rule of ‘no surprises’" is not."""
    text_start = outer.open_mark + len(_mark_at(body, outer.open_mark))
    lead_in = body[text_start : inner.open_mark].rstrip()
    first = body[inner.open_mark + len(_mark_at(body, inner.open_mark)) :][:1]
    return lead_in.endswith((",", ":")) and first.isupper()


def _close(pair: Pair, paragraph_end: int) -> int:
    return paragraph_end if pair.close_mark is None else pair.close_mark


def _quote_span(body: str, start: int, end: int, pair: Pair) -> QuoteSpan | None:
    text_start = pair.open_mark + len(_mark_at(body, pair.open_mark))
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
        kind=QuoteKind.SPEECH if pair.reported else _kind(body[start : pair.open_mark], text),
        open_mark=pair.open_mark,
        close_mark=text_end if pair.close_mark is None else pair.close_mark,
    )


def _kind(lead_in: str, text: str) -> QuoteKind:
    """Tells a scare quote, a few words inside someone else's sentence, from speech."""
    words = sum(1 for token in text.split() if any(character.isalnum() for character in token))
    lead_in = lead_in.rstrip()
    inside_sentence = bool(lead_in) and lead_in[-1] not in SENTENCE_BREAKS
    return QuoteKind.SCARE if words <= SCARE_MAX_WORDS and inside_sentence else QuoteKind.SPEECH
