"""Reads article text files: takes their metadata and strips site chrome (decoding.py decodes)."""

import datetime
import difflib
import pathlib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from .decoding import (
    UnreadableFile,
    clean_lines,
    decode_bytes,
    read_text_file,
    refuse_oversized,
    text_hash,
)
from .header_dates import choose_published, parse_date_line
from .vocabulary import NAME_PARTICLES

# What callers read from here; decoding's names are passed on for them.
__all__ = [
    "ArticleText",
    "UnreadableFile",
    "decode_bytes",
    "parse_article_text",
    "read_article_file",
    "read_text_file",
    "refuse_oversized",
    "text_hash",
]


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


# --- Reading a file ---------------------------------------------------------------------------


def read_article_file(path: pathlib.Path, max_bytes: int) -> ArticleText:
    """Reads, decodes and parses one article file, refusing anything that is not plain text."""
    return parse_article_text(read_text_file(path, max_bytes), path.name)


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
        parse_date_line(line) is not None
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


def parse_article_text(text: str, file_name: str) -> ArticleText:
    """Cleans decoded or pasted article text into a body and takes the metadata it states."""
    if not text.strip():
        raise UnreadableFile(f"{file_name}: file is empty")
    if "\x00" in text:
        # Plain text never holds one, and PostgreSQL cannot store it.
        raise UnreadableFile(f"{file_name}: holds a NUL character, so it is not plain text")
    lines = [line for line in clean_lines(text) if not _is_navigation(line)]

    title = _find_headline(lines)
    headline_key = _comparable(title)
    site_names, lines = _take_lines(
        lines, _everywhere(lines), lambda line: _parse_site_chrome(line, headline_key)
    )
    if title:
        lines = _drop_lines(
            lines, _everywhere(lines), lambda line: _comparable(line) == headline_key
        )
    dated_lines, lines = _take_lines(lines, _top(lines), parse_date_line)
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
        published=choose_published(dated_lines),
        url=url,
        author=bylines[0] if bylines else bio_author,
        outlet=next((name for name in site_names if name), bio_outlet),
        outlet_domain=_domain_of(url),
        content_hash=text_hash(text),
    )
