"""Reads the dates a header line states ("Published 28 January 2022, updated ..."), and picks
the publication date among them."""

import datetime
import re
from collections.abc import Iterator

from .vocabulary import MONTHS

MONTH_NAME = rf"(?P<month_name>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
ORDINAL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# "11/04/2025", "11-04-2025" and "14.10.2025": which number is the day depends on the file.
NUMERIC_DATE = re.compile(
    rf"(?<![\d./-])(?P<first>\d{{1,2}})(?P<separator>[./-])(?P<second>\d{{1,2}})"
    rf"(?P=separator){YEAR}(?![\d./-])"
)
DATE_FORMS = [
    re.compile(rf"(?<!\d){YEAR}(?P<month>\d{{2}})(?P<day>\d{{2}})(?!\d)"),
    re.compile(
        rf"(?<!\d){YEAR}-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})"
        r"(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
    ),
    re.compile(rf"\b{MONTH_NAME}\s+{ORDINAL_DAY},?\s+{YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<!\d){ORDINAL_DAY}\s+(?:of\s+)?{MONTH_NAME},?\s+{YEAR}(?!\d)", re.IGNORECASE),
    NUMERIC_DATE,
]
# Written dates with no year, to tell which order a file writes its days and months in.
MONTH_FIRST = re.compile(rf"\b{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*:)", re.IGNORECASE)
DAY_FIRST = re.compile(rf"(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\b", re.I)
DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|modified|broadcast|aired|filed|dated?)\b", re.IGNORECASE
)
PUBLISHED_LABELS = {"published", "posted", "broadcast", "aired", "filed", "date", "dated"}
# What may surround the dates on a date line: labels, weekdays, clock times and time zones.
# The group is atomic because a word like "at" fits two branches; retrying both for every such
# word would take exponential time on a line that fails.
DATE_LINE_FILLER = re.compile(
    r"(?>[\s,.:;|·•/()–—-]"
    r"|\b(?:at|on|and|first|last|published|posted|updated|modified|broadcast|aired|filed"
    r"|dated?|transcript|o'clock|clock|uhr|hrs|local time)\b"
    r"|\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|sday|urday)?\b"
    r"|\b\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"
    r"|\b\d{1,2}\s*[ap]\.?m\b\.?"
    r"|\b(?:[a-z]{1,3}t|utc)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\b"
    r")*",
    re.IGNORECASE,
)
MAX_DATE_LINE_CHARS = 100


def numbers_are_day_first(text: str) -> bool:
    """Whether the text's "11/04/2025" means 11 April: what its other dates show, else yes.

    A number over 12 settles it; else the order its written dates use ("10 April" or
    "April 10"); else day first, as most of the world writes it.
    """
    for match in NUMERIC_DATE.finditer(text):
        if match["separator"] == ".":
            continue
        if int(match["first"]) > 12:
            return True
        if int(match["second"]) > 12:
            return False
    month_first = len(MONTH_FIRST.findall(text))
    day_first = len(DAY_FIRST.findall(text))
    return day_first >= month_first


def parse_date_line(line: str, day_first: bool = True) -> list[tuple[str, datetime.date]] | None:
    """The dates on a line that holds nothing else, each with the label before it, if any."""
    if len(line) > MAX_DATE_LINE_CHARS:
        return None
    found = sorted(_find_dates(line, day_first))
    rest = line
    for start, end, _ in found:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if not found or not DATE_LINE_FILLER.fullmatch(rest):
        return None
    return [(_label_before(line[:start]), day) for start, _, day in found]


def _find_dates(line: str, day_first: bool) -> Iterator[tuple[int, int, datetime.date]]:
    taken = set()
    for form in DATE_FORMS:
        for match in form.finditer(line):
            day = _date_of(match, day_first)
            span = range(match.start(), match.end())
            if day and not taken.intersection(span):
                taken.update(span)
                yield match.start(), match.end(), day


def _date_of(match: re.Match, day_first: bool) -> datetime.date | None:
    parts = match.groupdict()
    if parts.get("separator"):
        # Dotted dates are day first wherever they are written.
        day_first = day_first or parts["separator"] == "."
        first, second = int(parts["first"]), int(parts["second"])
        day, month = (first, second) if day_first else (second, first)
    else:
        day = int(parts["day"])
        month = (
            MONTHS[parts["month_name"].casefold()]
            if parts.get("month_name")
            else int(parts["month"])
        )
    try:
        return datetime.date(int(parts["year"]), month, day)
    except ValueError:
        return None


def _label_before(text: str) -> str:
    labels = DATE_LABEL.findall(text)
    return labels[-1].casefold() if labels else ""


def choose_published(dated_lines: list[list[tuple[str, datetime.date]]]) -> datetime.date | None:
    """The date labelled as the publication date, else the first date given."""
    labelled_dates = [labelled for line in dated_lines for labelled in line]
    for label, day in labelled_dates:
        if label in PUBLISHED_LABELS:
            return day
    return labelled_dates[0][1] if labelled_dates else None


def full_dates(text: str, day_first: bool = True) -> list[datetime.date]:
    """Every date with a day, month and year written anywhere in the text."""
    # The first form, eight bare digits, would read prices and counts as dates.
    return [
        day
        for form in DATE_FORMS[1:]
        for match in form.finditer(text)
        if (day := _date_of(match, day_first))
    ]
