"""Reads article text files: takes their metadata and strips site chrome (decoding.py decodes)."""

import datetime
import pathlib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from .closing import is_disclaimer, read_credits, take_bio
from .decoding import (
    UnreadableFile,
    clean_lines,
    decode_bytes,
    read_text_file,
    refuse_oversized,
    text_hash,
)
from .front_matter import split_front_matter
from .header_dates import choose_published, numbers_are_day_first, parse_date_line
from .headers import HeaderFacts, header_parser, merge_facts, read_dateline_facts
from .mastheads import (
    comparable,
    find_masthead,
    menu_lines,
    outlet_from_file_name,
    spelled_as_in,
)
from .vocabulary import content_words

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
    # The metadata fields an editor gave, not read from the text: storing keeps them.
    given: frozenset[str] = frozenset()
    language: str = ""
    # A fetched page's archive copy: its HTML, when it was fetched and its final address.
    html: str = ""
    fetched_at: datetime.datetime | None = None
    fetched_url: str = ""


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

URL_LINE = re.compile(
    r"(?:(?:source|url|link|original(?: article)?)\s*:\s*)?(?P<url>https?://\S+)", re.IGNORECASE
)

# Wires mark a story's later versions in its headline: "UPDATE 2-Ferry strike ends".
WIRE_PREFIX = re.compile(r"(?:UPDATE|UPDATED|REFILE|CORRECTED)(?:\s+\d+)?\s*[-–—:]\s*")
COOKIE_NOTICE = re.compile(
    r"\bcookies?\b(?=.*\b(?:use|accept|consent|agree|settings|preferences|privacy)\w*\b)"
    r"|\b(?:use|accept|consent|agree)\w*\b(?=.*\bcookies?\b)",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 400
# Section labels above a headline ("BUSINESS", "Local / Lowtown") are this short.
MAX_LABEL_WORDS = 2
MAX_CAPITALS_LABEL_WORDS = 4
LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_HEADLINE_LETTER_SHARE = 0.5

# Front matter keys, lower case, for each field, the most usual first.
FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "published": ("date", "published", "pubdate", "publish_date", "published_at", "datepublished"),
    "outlet": ("source", "outlet", "publication", "publisher", "site_name", "site", "newspaper"),
    "author": ("author", "byline", "authors", "writer"),
    "url": ("url", "link", "canonical_url", "canonical", "permalink"),
}

# How far from the top a headline, date, URL or byline may stand, and how far from the bottom
# a URL, disclaimer or credit.
TOP_LINES = 8
# A first line whose words the next line mostly repeats is its headline: at least this many
# words, this share of them again in the lede (a lede that merely opens alike shares fewer).
MIN_RESTATED_WORDS = 4
RESTATED_SHARE = 0.6
BOTTOM_LINES = 4


def _is_navigation(line: str) -> bool:
    has_words = any(character.isalnum() for character in line)
    return not has_words or (
        len(line) <= MAX_NAVIGATION_CHARS and NAVIGATION_LINE.fullmatch(line) is not None
    )


def _ends_like_sentence(line: str) -> bool:
    return SENTENCE_ENDING.search(line) is not None


def _is_headline_shaped(line: str, ending_allowed: bool = False) -> bool:
    words = line.split()
    letter_words = [word for word in words if LETTER_WORD.search(word)]
    return (
        len(line) <= MAX_HEADLINE_CHARS
        and len(letter_words) >= MIN_HEADLINE_WORDS
        and len(letter_words) >= MIN_HEADLINE_LETTER_SHARE * len(words)
        and (line[0].isupper() or line[0].isdigit() or line[0] in OPENING_QUOTES)
        and (ending_allowed or not _ends_like_sentence(line))
    )


def _is_top_chrome(line: str) -> bool:
    """A line above the headline that is none: a section label, a notice, a ticker, a photo."""
    letter_words = LETTER_WORD.findall(line)
    if _ends_like_sentence(line) and not COOKIE_NOTICE.search(line):
        return False
    capitals_label = line.upper() == line and len(letter_words) <= MAX_CAPITALS_LABEL_WORDS
    return (
        len(line.split()) <= MAX_LABEL_WORDS
        or capitals_label
        or (line.startswith("[") and line.endswith("]"))
        or (len(line) <= MAX_NOTICE_CHARS and COOKIE_NOTICE.search(line) is not None)
        or len(letter_words) < MIN_HEADLINE_LETTER_SHARE * len(line.split())
    )


def _parse_url_line(line: str) -> str | None:
    match = URL_LINE.fullmatch(line)
    return match["url"] if match else None


def _parse_site_chrome(line: str, headline_key: str) -> str | None:
    """The site name of a "| Site", "Site |" or "Headline | Site" line; "" if it names none.

    None when the line is not such chrome. A pipe inside a line counts only when the part
    before it repeats the headline, so that body text with a pipe in it is kept.
    """
    if "|" not in line or _ends_like_sentence(line):
        return None
    parts = [part.strip() for part in line.split("|")]
    named = [part for part in parts if part]
    site_names = [part for part in named if comparable(part) != headline_key]
    pipe_at_edge = not parts[0] or not parts[-1]
    repeats_headline = len(site_names) < len(named)
    short_names = all(len(name.split()) <= MAX_SITE_NAME_WORDS for name in site_names)
    if (pipe_at_edge or repeats_headline) and short_names:
        return site_names[-1] if site_names else ""
    return None


def _is_metadata(line: str, parse_header: Callable[[str], HeaderFacts | None]) -> bool:
    return (
        parse_header(line) is not None
        or _parse_url_line(line) is not None
        or _parse_site_chrome(line, headline_key="") is not None
    )


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


def _find_headline(lines: list[str], parse_header: Callable[[str], HeaderFacts | None]) -> str:
    """The first line past metadata and section labels, if shaped like a headline and followed
    by more text; "" if a body line comes first.

    A "Headline | Site" line gives the part before the pipe. A headline may end in a full stop
    when a byline or date line comes straight after it, or a lede that restates it.
    """
    for index, line in enumerate(lines[:TOP_LINES]):
        if _is_metadata(line, parse_header) or _is_top_chrome(line):
            continue
        headline = line.split("|")[0].strip()
        key = comparable(headline)
        later = lines[index + 1 :]
        followed_by_text = any(comparable(line) != key for line in later)
        by_metadata = bool(later) and parse_header(later[0]) is not None
        restated = bool(later) and _restates(later[0], headline)
        shaped = _is_headline_shaped(headline, ending_allowed=by_metadata or restated)
        return headline if followed_by_text and shaped else ""
    return ""


def _restates(lede: str, headline: str) -> bool:
    """Whether the lede repeats most of the headline's words: a standfirst under its title."""
    headline_words = {word.lower() for word in content_words(headline)}
    lede_words = {word.lower() for word in content_words(lede)}
    return len(headline_words) >= MIN_RESTATED_WORDS and (
        len(headline_words & lede_words) >= RESTATED_SHARE * len(headline_words)
    )


def _drop_top_chrome(lines: list[str], headline_key: str) -> list[str]:
    """The lines without the section labels and notices standing above the headline."""
    for index, line in enumerate(lines[:TOP_LINES]):
        if comparable(line.split("|")[0]) == headline_key:
            return [line for line in lines[:index] if not _is_top_chrome(line)] + lines[index:]
    return lines


def _domain_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _front(fields: dict[str, str], name: str) -> str:
    return next((fields[key] for key in FRONT_MATTER_KEYS[name] if key in fields), "")


def _front_date(fields: dict[str, str], day_first: bool) -> datetime.date | None:
    dates = parse_date_line(_front(fields, "published"), day_first)
    return dates[0][1] if dates else None


def _best_outlet(*hints: str) -> str:
    """The first outlet named by the page's weaker hints, strongest first: its masthead, a
    copyright line, a "Source:" line (often a story's supplier), a dateline's agency, a bio."""
    return next((hint for hint in hints if hint), "")


def _clean_title(title: str) -> str:
    prefix = WIRE_PREFIX.match(title)
    return title[prefix.end() :] if prefix and prefix.end() < len(title) else title


# --- Parsing ----------------------------------------------------------------------------------


def _refuse_non_text(text: str, file_name: str) -> None:
    if not text.strip():
        raise UnreadableFile(f"{file_name}: file is empty")
    if "\x00" in text:
        # Plain text never holds one, and PostgreSQL cannot store it.
        raise UnreadableFile(f"{file_name}: holds a NUL character, so it is not plain text")


def parse_article_text(text: str, file_name: str) -> ArticleText:
    """Cleans decoded or pasted article text into a body and takes the metadata it states."""
    _refuse_non_text(text, file_name)
    fields, rest = split_front_matter(text)
    day_first = numbers_are_day_first(rest)
    parse_header = header_parser(day_first)
    lines = [line for line in clean_lines(rest) if not _is_navigation(line)]
    masthead, masthead_at = find_masthead(
        lines, menu_lines(rest), parse_header, _is_headline_shaped
    )
    lines = [line for index, line in enumerate(lines) if index not in masthead_at]

    headline = _find_headline(lines, parse_header)
    headline_key = comparable(headline)
    site_names, lines = _take_lines(
        lines, _everywhere(lines), lambda line: _parse_site_chrome(line, headline_key)
    )
    header_lines, lines = _take_lines(lines, _top(lines), parse_header)
    header = HeaderFacts()
    for facts in header_lines:
        merge_facts(header, facts)
    title = _clean_title(_front(fields, "title") or header.title or headline)
    if headline:
        lines = _drop_top_chrome(lines, headline_key)
    repeats = {comparable(title), headline_key} - {""}
    lines = _drop_lines(lines, _everywhere(lines), lambda line: comparable(line) in repeats)
    urls, lines = _take_lines(lines, _edges(lines), _parse_url_line)
    lines = _drop_lines(lines, _edges(lines), is_disclaimer)
    bio_author, bio_outlet, lines = take_bio(lines)

    if not lines:
        raise UnreadableFile(f"{file_name}: nothing left after removing site chrome")
    reporters, owner = read_credits(lines)
    agency, dateline = read_dateline_facts(lines, "\n".join(lines), day_first, file_name)
    url = _front(fields, "url") or header.url or (urls[0] if urls else "")
    outlet = spelled_as_in(
        _front(fields, "outlet")
        or header.outlet
        or next((name for name in site_names if name), "")
        or _best_outlet(masthead, owner, header.source, agency, bio_outlet),
        rest,
    )
    # The headline is what readers see first: it leads the body once, its repeats are chrome.
    body_lines = [title, *lines] if title else lines
    return ArticleText(
        file_name=file_name,
        raw_text=text,
        body="\n\n".join(body_lines),
        title=title,
        published=_front_date(fields, day_first) or choose_published([header.dates]) or dateline,
        url=url,
        author=_front(fields, "author") or header.author or reporters or bio_author,
        outlet=outlet or ("" if _domain_of(url) else outlet_from_file_name(file_name)),
        outlet_domain=_domain_of(url),
        content_hash=text_hash(text),
    )
