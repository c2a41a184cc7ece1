"""Reads an article's header lines ("Title: …", "By …", "Posted … by … | 3 min read") and
its wire dateline ("CITY, March 3 (Agency) -")."""

import datetime
import re
from dataclasses import dataclass, field
from functools import partial

from .header_dates import DATE_LINE_FILLER, MONTH_NAME, full_dates, parse_date_line
from .mastheads import expand_initials
from .vocabulary import MONTHS, NAME_PARTICLES

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
NAMES = rf"{PERSON_NAME}(?:(?:,\s*{PERSON_NAME})*,?\s+(?:and|&)\s+{PERSON_NAME})?"
BYLINE = re.compile(
    rf"(?:[Ww]ritten\s+)?(?:By|BY|by):?\s+(?P<names>{NAMES})"
    r"(?:\s*(?:[,|•·–—-]|\bfor\b|\bin\b|\bwith\b)\s*.{1,80})?"
)
# Translated pieces render "Von …" or "Par …" as "From …".
FROM_LINE = re.compile(rf"From\s+(?P<names>{NAMES})")
# Words that make "From Our Correspondent" a credit, not a name.
NOT_NAME_WORDS = {"our", "the", "staff", "correspondent", "correspondents", "reporter", "agencies"}
POSTED_BY = re.compile(r"(?P<date>.+?)\s+by\s+(?P<names>.+)")
MAX_BYLINE_CHARS = 150
SENTENCE_ENDING = re.compile(r"[.,:;…–—-][\"'”’»)\]]*$")

LABELLED_LINE = re.compile(r"(?P<label>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>\S.*)")
LABELS = {
    **dict.fromkeys(["title", "headline"], "title"),
    **dict.fromkeys(["author", "authors", "byline", "writer", "by", "reporter"], "author"),
    **dict.fromkeys(
        ["date", "published", "posted", "updated", "modified", "broadcast", "aired", "filed"],
        "date",
    ),
    **dict.fromkeys(
        ["outlet", "publication", "publisher", "newspaper", "site", "website", "station"],
        "outlet",
    ),
    "source": "source",
    **dict.fromkeys(["url", "link", "permalink", "canonical url", "original url"], "url"),
    **dict.fromkeys(
        ["section", "category", "categories", "tags", "keywords", "language", "word count"],
        "ignored",
    ),
}
URL = re.compile(r"https?://\S+")
# Separators between the parts of one header line: "By Ana Roe | 3 May 2024 · 4 min read".
SEGMENT_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[–—-]\s+")
NOISE_SEGMENT = re.compile(
    r"\d+\s*(?:min(?:ute)?s?|hrs?|hours?)\s+(?:read|listen|watch)"
    r"|[\d,.]+k?\s+(?:comments?|replies|shares|views|reads)",
    re.IGNORECASE,
)
# Words of a short topic list trailing a header line ("| Business, Local |").
MAX_TOPIC_WORDS = 4
PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass
class HeaderFacts:
    """What one header line states; `source` is a "Source:" line's, often a story's supplier."""

    title: str = ""
    dates: list[tuple[str, datetime.date]] = field(default_factory=list)
    author: str = ""
    outlet: str = ""
    source: str = ""
    url: str = ""


def parse_byline(line: str) -> str | None:
    """The names of a "By …" line, without the job or outlet after them."""
    if len(line) > MAX_BYLINE_CHARS or SENTENCE_ENDING.search(line):
        return None
    match = BYLINE.fullmatch(line) or FROM_LINE.fullmatch(line)
    if not match or (match.re is FROM_LINE and _is_credit(match["names"])):
        return None
    return match["names"]


def _is_credit(names: str) -> bool:
    return any(word.casefold() in NOT_NAME_WORDS for word in names.split())


def parse_header_line(line: str, day_first: bool = True) -> HeaderFacts | None:
    """What a header line states; None for a line that is not wholly header."""
    if len(line) > MAX_BYLINE_CHARS * 2:
        return None
    whole = _parse_labelled(line, day_first)
    if whole is not None:
        return whole
    facts = HeaderFacts()
    for position, segment in enumerate(SEGMENT_SEPARATOR.split(line)):
        if not _read_segment(segment, facts, day_first) and not (
            position and _is_topic_list(segment)
        ):
            return None
    return facts


def _read_segment(segment: str, facts: HeaderFacts, day_first: bool) -> bool:
    """Adds what the segment states to `facts`; False when it is no header segment."""
    dates = parse_date_line(segment, day_first)
    if dates:
        facts.dates.extend(dates)
        return True
    names = parse_byline(segment)
    if names:
        facts.author = facts.author or names
        return True
    posted = POSTED_BY.fullmatch(segment)
    if posted:
        dates, names = parse_date_line(posted["date"], day_first), parse_byline(f"By {posted[2]}")
        if dates and names:
            facts.dates.extend(dates)
            facts.author = facts.author or names
            return True
    labelled = _parse_labelled(segment, day_first)
    if labelled is not None:
        merge_facts(facts, labelled)
        return True
    return bool(NOISE_SEGMENT.fullmatch(segment) or DATE_LINE_FILLER.fullmatch(segment))


def _is_topic_list(segment: str) -> bool:
    return len(segment.split()) <= MAX_TOPIC_WORDS and not SENTENCE_ENDING.search(segment)


def merge_facts(facts: HeaderFacts, more: HeaderFacts) -> None:
    facts.dates.extend(more.dates)
    for name in ("title", "author", "outlet", "source", "url"):
        if not getattr(facts, name):
            setattr(facts, name, getattr(more, name))


def _parse_labelled(line: str, day_first: bool) -> HeaderFacts | None:
    match = LABELLED_LINE.fullmatch(line)
    kind = LABELS.get(match["label"].casefold()) if match else None
    if kind is None:
        return None
    value = match["value"].strip()
    url = URL.fullmatch(value)
    if kind == "date":
        dates = parse_date_line(line, day_first)
        return HeaderFacts(dates=dates) if dates else None
    if kind == "author":
        return HeaderFacts(author=parse_byline(f"By {value}") or value.split(",")[0].strip())
    if kind == "url" or (kind == "source" and url):
        return HeaderFacts(url=value) if url else None
    if kind == "ignored":
        return HeaderFacts()
    return HeaderFacts(**{kind: PARENTHESIS.sub("", value) if kind != "title" else value})


def header_parser(day_first: bool):
    return partial(parse_header_line, day_first=day_first)


# --- Datelines --------------------------------------------------------------------------

PLACE_WORD = r"[A-Z][A-Z'’.-]+"
DATELINE = re.compile(
    rf"(?P<place>{PLACE_WORD}(?:[ -]{PLACE_WORD})*)(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?,?\s+"
    rf"(?:(?:(?P<month_first>{MONTH_NAME})\s+(?P<day>\d{{1,2}})"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{MONTH_NAME.replace('month_name', 'm2')}))"
    r"\s*)?(?:\((?P<agency>[^()]{2,40})\)\s*)?[-–—]+\s",
    re.IGNORECASE,
)

# How many opening body lines a wire dateline may stand in.
DATELINE_LINES = 2


@dataclass(frozen=True)
class Dateline:
    agency: str
    month: int | None
    day: int | None


def read_dateline(paragraph: str) -> Dateline | None:
    """The agency and day of a wire dateline opening the paragraph, if it has either."""
    match = DATELINE.match(paragraph)
    if not match or match["place"] != match["place"].upper():
        return None
    month_name = match["month_first"] or match["m2"]
    if not (month_name or match["agency"]):
        return None
    day = match["day"] or match["day_first"]
    month = MONTHS[month_name.rstrip(".").casefold()] if month_name else None
    return Dateline((match["agency"] or "").strip(), month, int(day) if day else None)


def read_dateline_facts(
    lines: list[str], text: str, day_first: bool, file_name: str
) -> tuple[str, datetime.date | None]:
    """The agency and date of a wire dateline opening the body; a date with no year takes the
    year of the dates the text gives, and stays unknown when it gives none."""
    for line in lines[:DATELINE_LINES]:
        dateline = read_dateline(line)
        if dateline is None:
            continue
        agency = expand_initials(dateline.agency, text, file_name) if dateline.agency else ""
        if not (dateline.month and dateline.day):
            return agency, None
        dates = full_dates(text, day_first)
        candidates = []
        for year in {day.year + shift for day in dates for shift in (-1, 0, 1)}:
            try:
                candidates.append(datetime.date(year, dateline.month, dateline.day))
            except ValueError:
                continue
        return agency, min(candidates, key=lambda day: _distance(day, dates), default=None)
    return "", None


def _distance(day: datetime.date, dates: list[datetime.date]) -> int:
    return min(abs((day - known).days) for known in dates)
