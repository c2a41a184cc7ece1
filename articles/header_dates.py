"""Reads the dates a header line states ("Published 28 January 2022, updated ..."), and picks
the publication date among them."""

import datetime
import re
from collections.abc import Iterator

from .vocabulary import MONTHS

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


def parse_date_line(line: str) -> list[tuple[str, datetime.date]] | None:
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


def choose_published(dated_lines: list[list[tuple[str, datetime.date]]]) -> datetime.date | None:
    """The date labelled as the publication date, else the first date given."""
    labelled_dates = [labelled for line in dated_lines for labelled in line]
    for label, day in labelled_dates:
        if label in PUBLISHED_LABELS:
            return day
    return labelled_dates[0][1] if labelled_dates else None
