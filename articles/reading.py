"""Reads article text files: decodes them, takes their metadata, strips site chrome."""

import codecs
import datetime
import difflib
import hashlib
import os
import pathlib
import re
import stat
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from .vocabulary import MONTHS, NAME_PARTICLES


class UnreadableFile(Exception):
    """A file that cannot be ingested; str(exc) names the file and the reason."""


@dataclass(frozen=True)
class ArticleText:
    """An article's text as read, its cleaned body, and the metadata the text states."""

    file_name: str
    raw_text: str
    # Every character offset stored elsewhere points into the body.
    body: str
    title: str = ""
    published: datetime.date | None = None
    url: str = ""
    author: str = ""
    outlet: str = ""
    outlet_domain: str = ""
    content_hash: str = ""


# --- Decoding ---------------------------------------------------------------------------------

BYTE_ORDER_MARKS = [
    # UTF-32 first: its little-endian mark begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
UNMARKED_ENCODINGS = ["utf-8", "cp1252"]
# Unicode's control characters (category Cc) except the tab and line breaks of plain text.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Text has a stray control character at most; binary data decoded as Latin-1 has many.
MAX_CONTROL_CHARACTER_SHARE = 0.05


def decode_bytes(data: bytes, file_name: str) -> str:
    """Decodes by byte order mark, else as UTF-8, else as Windows-1252, else as Latin-1."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableFile(f"{file_name}: cannot be decoded as {encoding}") from None
            break
    else:
        if b"\x00" in data:
            raise UnreadableFile(f"{file_name}: looks binary, not text")
        text = _decode_unmarked(data)
    if _control_character_share(text) > MAX_CONTROL_CHARACTER_SHARE:
        raise UnreadableFile(f"{file_name}: looks binary, not text")
    return text


def _decode_unmarked(data: bytes) -> str:
    for encoding in UNMARKED_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    # Latin-1 gives every byte a character, so this last resort cannot fail.
    return data.decode("latin-1")


def _control_character_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_CHARACTER.findall(text)) / len(text)


# --- Reading a file ---------------------------------------------------------------------------


def read_article_file(path: pathlib.Path, max_bytes: int) -> ArticleText:
    """Reads, decodes and parses one article file, refusing anything that is not plain text."""
    return parse_article_text(read_text_file(path, max_bytes), path.name)


def read_text_file(path: pathlib.Path, max_bytes: int) -> str:
    """Reads and decodes one file, refusing anything that is not plain text of a sane size."""
    name = path.name
    before = _stat(path, name)
    if stat.S_ISDIR(before.st_mode):
        raise UnreadableFile(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(before.st_mode):
        raise UnreadableFile(f"{name}: is not a regular file")
    refuse_oversized(name, before.st_size, max_bytes)
    try:
        with path.open("rb") as stream:
            # One byte over the limit is enough to tell that the file grew past it.
            data = stream.read(max_bytes + 1)
        after = path.stat()
    except FileNotFoundError:
        raise UnreadableFile(f"{name}: changed while being read") from None
    except OSError as error:
        raise UnreadableFile(f"{name}: cannot be read ({error.strerror})") from None
    if (
        len(data) != before.st_size
        or after.st_size != before.st_size
        or after.st_mtime_ns != before.st_mtime_ns
    ):
        raise UnreadableFile(f"{name}: changed while being read")
    return decode_bytes(data, name)


def refuse_oversized(name: str, size: int, max_bytes: int) -> None:
    """Refuses a file or text of `size` bytes over the limit, naming it."""
    if size > max_bytes:
        raise UnreadableFile(f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit")


def _stat(path: pathlib.Path, name: str) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        raise UnreadableFile(f"{name}: no such file") from None
    except OSError as error:
        raise UnreadableFile(f"{name}: cannot be read ({error.strerror})") from None


# --- Cleaning lines ---------------------------------------------------------------------------


def _windows_1252_character(byte: int) -> str:
    """The character Windows-1252 shows for a byte; its five unused bytes show as C1 controls."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


WINDOWS_1252_BYTES = {_windows_1252_character(byte): byte for byte in range(0x80, 0x100)}
UTF8_CONTINUATIONS = re.escape("".join(map(_windows_1252_character, range(0x80, 0xC0))))
# UTF-8 read as Windows-1252: "â€œ" was “, "Ã©" was é, "Â " was a non-breaking space.
# Only these three lead characters are repaired: followed by continuation bytes they never
# occur in real text, so the repair is unambiguous.
MOJIBAKE = re.compile(f"[\u00c2\u00c3][{UTF8_CONTINUATIONS}]|\u00e2[{UTF8_CONTINUATIONS}]{{2}}")
LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029\x85]")
INVISIBLE_CHARACTER = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Every kind of whitespace but the line break: tabs, non-breaking, thin and other odd spaces.
SPACE_RUN = re.compile(r"[^\S\n]+")


def _clean_lines(text: str) -> list[str]:
    """The text's non-empty lines, mojibake repaired and spaces normalised."""
    text = MOJIBAKE.sub(_undo_mojibake, text)
    text = LINE_BREAK.sub("\n", text)
    text = INVISIBLE_CHARACTER.sub("", text)
    lines = (SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def _undo_mojibake(match: re.Match) -> str:
    try:
        return bytes(WINDOWS_1252_BYTES[character] for character in match[0]).decode("utf-8")
    except UnicodeDecodeError:
        return match[0]


# --- Recognising lines ------------------------------------------------------------------------

NAVIGATION_LINE = re.compile(
    r"(?:skip (?:to )?(?:the )?(?:main )?(?:content|navigation)"
    r"|jump to (?:the )?(?:main )?content"
    r"|advertisements?|sponsored(?: content)?|ad"
    r"|scroll (?:down )?to continue(?: with content| reading)?"
    r"|(?:story|article) continues below(?: advertisement)?"
    r"|continue reading(?: below| the (?:main )?story)?"
    r"|share(?: this)?(?: article| story| post| page)?(?: (?:on|via|to) [\w ]{1,20})?"
    r"|follow us(?: on [\w ,&]{1,40})?"
    r"|(?:sign up|subscribe)(?: now| here| today)?(?: (?:to|for) .{1,80})?"
    r"|(?:read|see) (?:more|also)(?:[:\s].*)?"
    r"|related(?: articles?| stories| content| coverage)?:.*"
    r"|recommended(?: for you| reading| stories)?"
    r"|listen to this (?:article|story)"
    r"|click here\b.*"
    r")[.!:]?",
    re.IGNORECASE,
)
MAX_NAVIGATION_CHARS = 120

SENTENCE_ENDING = re.compile(r"[.,:;…–—-][\"'”’»)\]]*$")
MAX_HEADLINE_CHARS = 200
MIN_HEADLINE_WORDS = 3
OPENING_QUOTES = "\"'‘“«"
MAX_SITE_NAME_WORDS = 8
WORD = re.compile(r"\w+")

URL_LINE = re.compile(
    r"(?:(?:source|url|link|original(?: article)?)\s*:\s*)?(?P<url>https?://\S+)", re.IGNORECASE
)

MONTH_NAME = rf"(?P<month_name>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
ORDINAL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
DATE_FORMS = [
    re.compile(rf"(?<!\d){YEAR}(?P<month>\d{{2}})(?P<day>\d{{2}})(?!\d)"),
    re.compile(
        rf"(?<!\d){YEAR}-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})"
        r"(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
    ),
    re.compile(rf"\b{MONTH_NAME}\s+{ORDINAL_DAY},?\s+{YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<!\d){ORDINAL_DAY}\s+{MONTH_NAME},?\s+{YEAR}(?!\d)", re.IGNORECASE),
]
DATE_LABEL = re.compile(r"\b(?:published|posted|updated|modified)\b", re.IGNORECASE)
PUBLISHED_LABELS = {"published", "posted"}
# What may surround the dates on a date line: labels, weekdays, clock times and time zones.
# The group is atomic because a word like "at" fits two branches; retrying both for every such
# word would take exponential time on a line that fails.
DATE_LINE_FILLER = re.compile(
    r"(?>[\s,.:;|·•/()–—-]"
    r"|\b(?:at|on|and|first|last|published|posted|updated|modified)\b"
    r"|\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|sday|urday)?\b"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"
    r"|\b(?:[a-z]{1,3}t|utc)(?:[+-]\d{1,2}(?::?\d{2})?)?\b"
    r")*",
    re.IGNORECASE,
)
MAX_DATE_LINE_CHARS = 100

# Capitals of the Latin, Greek and Cyrillic alphabets, so that names like Łukasz or Øyvind count.
CAPITAL_LETTER = "[" + "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper()) + "]"
# Weekdays and months are capitalised too, but "By Monday Night" is no byline. April, May, June
# and August are left out: they are given names as well.
CALENDAR_WORD = (
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|january|february|march|july|september|october|november|december)\b"
)
NAME_WORD = rf"(?!{CALENDAR_WORD}){CAPITAL_LETTER}[\w'’.-]*"
NAME_PARTICLE = f"(?:{'|'.join(sorted(NAME_PARTICLES))})"
PERSON_NAME = rf"{NAME_WORD}(?:\s+(?:{NAME_PARTICLE}\s+)?{NAME_WORD}){{1,3}}"
PERSON_NAME_LINE = re.compile(PERSON_NAME)
BYLINE = re.compile(
    rf"(?:[Ww]ritten\s+)?(?:By|BY|by):?\s+"
    rf"(?P<names>{PERSON_NAME}(?:(?:,\s*{PERSON_NAME})*,?\s+(?:and|&)\s+{PERSON_NAME})?)"
    r"(?:\s*(?:[,|•·–—-]|\bfor\b|\bin\b)\s*.{1,80})?"
)
MAX_BYLINE_CHARS = 150

JOURNALIST_ROLES = (
    r"reporter|correspondent|writer|editor|journalist|columnist|contributor|producer"
    r"|photographer|photojournalist|freelancer|stringer"
)
BIO_OPENING = re.compile(
    rf"(?P<name>{PERSON_NAME})\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,6}}?(?:{JOURNALIST_ROLES})\b"
)
OUTLET_WORD = rf"{CAPITAL_LETTER}[\w'’&/-]*"
BIO_OUTLET = re.compile(
    rf"\b(?:of|for|at|with)\s+(?P<outlet>{OUTLET_WORD}(?:\s+{OUTLET_WORD}){{0,5}})\.?\s*$"
)
MAX_BIO_CHARS = 600
MAX_NAME_LINE_CHARS = 60
# Bios misspell their own reporter's name now and then ("Catherine" above "Katherine").
MIN_NAME_SIMILARITY = 0.8

SITE_WORD = re.compile(
    r"\b(?:site|website|page|platform|portal|editors?|editorial)\b", re.IGNORECASE
)
CONTENT_WORD = re.compile(r"\b(?:news|articles?|content|posts?|stories|story)\b", re.IGNORECASE)
NOT_SHARING = re.compile(
    r"\bnot\b(?:\s+\w+){0,12}?\s+(?:express|represent|reflect)(?:s|es|ed)?\b", re.IGNORECASE
)
VIEWS_WORD = re.compile(r"\b(?:views?|opinions?|point of view|positions?)\b", re.IGNORECASE)
AUTOMATION_WORD = re.compile(
    r"\b(?:automatic(?:ally)?|programmatic(?:ally)?|machine|algorithm\w*)\b", re.IGNORECASE
)
PUBLISHING_WORD = re.compile(r"\b(?:transmit|translat|aggregat|publish|generat)\w*", re.IGNORECASE)
# Small print is a sentence or two; a longer paragraph is article text that happens to match.
MAX_DISCLAIMER_CHARS = 500

# How far from the top a headline, date, URL or byline may stand, and how far from the bottom
# a URL or disclaimer.
TOP_LINES = 6
BOTTOM_LINES = 4


def _is_navigation(line: str) -> bool:
    has_words = any(character.isalnum() for character in line)
    return not has_words or (
        len(line) <= MAX_NAVIGATION_CHARS and NAVIGATION_LINE.fullmatch(line) is not None
    )


def _ends_like_sentence(line: str) -> bool:
    return SENTENCE_ENDING.search(line) is not None


def _is_headline_shaped(line: str) -> bool:
    return (
        len(line) <= MAX_HEADLINE_CHARS
        and len(line.split()) >= MIN_HEADLINE_WORDS
        and (line[0].isupper() or line[0].isdigit() or line[0] in OPENING_QUOTES)
        and not _ends_like_sentence(line)
    )


def _comparable(text: str) -> str:
    """The text's words in lower case, so that punctuation and spacing do not hide a repeat."""
    return " ".join(WORD.findall(text.casefold()))


def _parse_url_line(line: str) -> str | None:
    match = URL_LINE.fullmatch(line)
    return match["url"] if match else None


def _parse_date_line(line: str) -> list[tuple[str, datetime.date]] | None:
    """The dates on a line that holds nothing else, each with the label before it, if any."""
    if len(line) > MAX_DATE_LINE_CHARS:
        return None
    found = sorted(_find_dates(line))
    rest = line
    for start, end, _ in found:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if not found or not DATE_LINE_FILLER.fullmatch(rest):
        return None
    return [(_label_before(line[:start]), day) for start, _, day in found]


def _find_dates(line: str) -> Iterator[tuple[int, int, datetime.date]]:
    taken = set()
    for form in DATE_FORMS:
        for match in form.finditer(line):
            day = _date_of(match)
            span = range(match.start(), match.end())
            if day and not taken.intersection(span):
                taken.update(span)
                yield match.start(), match.end(), day


def _date_of(match: re.Match) -> datetime.date | None:
    parts = match.groupdict()
    if parts.get("month_name"):
        month = MONTHS[parts["month_name"].casefold()]
    else:
        month = int(parts["month"])
    try:
        return datetime.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def _label_before(text: str) -> str:
    labels = DATE_LABEL.findall(text)
    return labels[-1].casefold() if labels else ""


def _parse_byline(line: str) -> str | None:
    if len(line) > MAX_BYLINE_CHARS or _ends_like_sentence(line):
        return None
    match = BYLINE.fullmatch(line)
    return match["names"] if match else None


def _parse_site_chrome(line: str, headline_key: str) -> str | None:
    """The site name of a "| Site", "Site |" or "Headline | Site" line; "" if it names none.

    None when the line is not such chrome. A pipe inside a line counts only when the part
    before it repeats the headline, so that body text with a pipe in it is kept.
    """
    if "|" not in line or _ends_like_sentence(line):
        return None
    parts = [part.strip() for part in line.split("|")]
    named = [part for part in parts if part]
    site_names = [part for part in named if _comparable(part) != headline_key]
    pipe_at_edge = not parts[0] or not parts[-1]
    repeats_headline = len(site_names) < len(named)
    short_names = all(len(name.split()) <= MAX_SITE_NAME_WORDS for name in site_names)
    if (pipe_at_edge or repeats_headline) and short_names:
        return site_names[-1] if site_names else ""
    return None


def _is_metadata(line: str) -> bool:
    return (
        _parse_date_line(line) is not None
        or _parse_url_line(line) is not None
        or _parse_byline(line) is not None
        or _parse_site_chrome(line, headline_key="") is not None
    )


def _is_disclaimer(line: str) -> bool:
    """Aggregator small print: the site does not share the views in its news, or posts it unedited.

    It has to speak of the site and its content both, so that a news sentence about somebody
    not sharing somebody's views is kept.
    """
    if len(line) > MAX_DISCLAIMER_CHARS:
        return False
    about_site_content = SITE_WORD.search(line) and CONTENT_WORD.search(line)
    disowns_views = NOT_SHARING.search(line) and VIEWS_WORD.search(line)
    automated = AUTOMATION_WORD.search(line) and PUBLISHING_WORD.search(line)
    return bool(about_site_content and (disowns_views or automated))


# --- Taking metadata --------------------------------------------------------------------------


def _take_lines(
    lines: list[str], where: Collection[int], parse: Callable[[str], object | None]
) -> tuple[list, list[str]]:
    """What `parse` finds in the lines at the `where` positions, and the lines left over."""
    found, kept = [], []
    for index, line in enumerate(lines):
        value = parse(line) if index in where else None
        if value is None:
            kept.append(line)
        else:
            found.append(value)
    return found, kept


def _drop_lines(
    lines: list[str], where: Collection[int], is_chrome: Callable[[str], bool]
) -> list[str]:
    """The lines left once those at the `where` positions that are chrome are dropped."""
    return [line for index, line in enumerate(lines) if not (index in where and is_chrome(line))]


def _top(lines: list[str]) -> range:
    return range(min(TOP_LINES, len(lines)))


def _edges(lines: list[str]) -> set[int]:
    return set(_top(lines)) | set(range(max(0, len(lines) - BOTTOM_LINES), len(lines)))


def _everywhere(lines: list[str]) -> range:
    return range(len(lines))


def _find_headline(lines: list[str]) -> str:
    """The first line after any metadata, if shaped like a headline and followed by more text.

    A "Headline | Site" line gives the part before the pipe.
    """
    for index, line in enumerate(lines[:TOP_LINES]):
        if _is_metadata(line):
            continue
        headline = line.split("|")[0].strip()
        key = _comparable(headline)
        followed_by_text = any(_comparable(later) != key for later in lines[index + 1 :])
        return headline if _is_headline_shaped(headline) and followed_by_text else ""
    return ""


def _choose_published(dated_lines: list[list[tuple[str, datetime.date]]]) -> datetime.date | None:
    """The date labelled as the publication date, else the first date given."""
    labelled_dates = [labelled for line in dated_lines for labelled in line]
    for label, day in labelled_dates:
        if label in PUBLISHED_LABELS:
            return day
    return labelled_dates[0][1] if labelled_dates else None


def _take_bio(lines: list[str]) -> tuple[str, str, list[str]]:
    """Author and outlet from a reporter's bio closing the article, and the lines before it.

    The bio may follow a line holding just the reporter's name; that line's spelling wins.
    """
    if not lines or len(lines[-1]) > MAX_BIO_CHARS:
        return "", "", lines
    opening = BIO_OPENING.match(lines[-1])
    if not opening:
        return "", "", lines
    outlet_match = BIO_OUTLET.search(lines[-1])
    outlet = outlet_match["outlet"] if outlet_match else ""
    if len(lines) >= 2 and _is_name_line_of(lines[-2], opening["name"]):
        return lines[-2], outlet, lines[:-2]
    return opening["name"], outlet, lines[:-1]


def _is_name_line_of(line: str, name: str) -> bool:
    if len(line) > MAX_NAME_LINE_CHARS or not PERSON_NAME_LINE.fullmatch(line):
        return False
    similarity = difflib.SequenceMatcher(None, line.casefold(), name.casefold()).ratio()
    return similarity >= MIN_NAME_SIMILARITY


def _domain_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


# --- Parsing ----------------------------------------------------------------------------------


def text_hash(text: str) -> str:
    """What tells two versions of a file apart: the hash of the text as read."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_article_text(text: str, file_name: str) -> ArticleText:
    """Cleans decoded or pasted article text into a body and takes the metadata it states."""
    if not text.strip():
        raise UnreadableFile(f"{file_name}: file is empty")
    if "\x00" in text:
        # Plain text never holds one, and PostgreSQL cannot store it.
        raise UnreadableFile(f"{file_name}: holds a NUL character, so it is not plain text")
    lines = [line for line in _clean_lines(text) if not _is_navigation(line)]

    title = _find_headline(lines)
    headline_key = _comparable(title)
    site_names, lines = _take_lines(
        lines, _everywhere(lines), lambda line: _parse_site_chrome(line, headline_key)
    )
    if title:
        lines = _drop_lines(
            lines, _everywhere(lines), lambda line: _comparable(line) == headline_key
        )
    dated_lines, lines = _take_lines(lines, _top(lines), _parse_date_line)
    bylines, lines = _take_lines(lines, _top(lines), _parse_byline)
    urls, lines = _take_lines(lines, _edges(lines), _parse_url_line)
    lines = _drop_lines(lines, _edges(lines), _is_disclaimer)
    bio_author, bio_outlet, lines = _take_bio(lines)

    if not lines:
        raise UnreadableFile(f"{file_name}: nothing left after removing site chrome")
    url = urls[0] if urls else ""
    # The headline is what readers see first: it leads the body once, its repeats are chrome.
    body_lines = [title, *lines] if title else lines
    return ArticleText(
        file_name=file_name,
        raw_text=text,
        body="\n\n".join(body_lines),
        title=title,
        published=_choose_published(dated_lines),
        url=url,
        author=bylines[0] if bylines else bio_author,
        outlet=next((name for name in site_names if name), bio_outlet),
        outlet_domain=_domain_of(url),
        content_hash=text_hash(text),
    )
