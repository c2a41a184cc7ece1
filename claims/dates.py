"""Turns date expressions ("Thursday", "on Jan. 27", "earlier this week") into dates."""

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?\b(?:,?\s+(\d{{4}}))?", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
RELATIVE_DAY = re.compile(
    r"\b(today|yesterday|tonight|this week|last week|earlier this week)\b", re.I
)


def _safe_date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_day(year, month, day, reference):
    found = _safe_date(year, month, day)
    # A date without a year that would lie months after the article is from the year before.
    if found and reference and found - reference > datetime.timedelta(days=60):
        found = _safe_date(year - 1, month, day)
    return found


def resolve_event_date(sentence, reference):
    """The date the sentence says something happened on, resolved against `reference`.

    `reference` is the article's publication date (or the story's when the article has none);
    without it only dates that carry their year can be resolved.
    """
    if match := ISO_DATE.search(sentence):
        return _safe_date(*(int(part) for part in match.groups()))
    for pattern, month_group, day_group in ((MONTH_DAY, 1, 2), (DAY_MONTH, 2, 1)):
        if match := pattern.search(sentence):
            month = MONTHS[match.group(month_group).lower()]
            day = int(match.group(day_group))
            if match.group(3):
                return _safe_date(int(match.group(3)), month, day)
            if reference:
                return _month_day(reference.year, month, day, reference)
            return None
    if reference is None:
        return None
    if match := WEEKDAY.search(sentence):
        # News reports past events: "Thursday" is the latest Thursday on or before the article.
        back = (reference.weekday() - WEEKDAYS.index(match.group(1).lower())) % 7
        return reference - datetime.timedelta(days=back)
    if match := RELATIVE_DAY.search(sentence):
        phrase = match.group(1).lower()
        if phrase in ("today", "tonight"):
            return reference
        if phrase == "yesterday":
            return reference - datetime.timedelta(days=1)
        monday = reference - datetime.timedelta(days=reference.weekday())
        return monday - datetime.timedelta(days=7) if phrase == "last week" else monday
    return None
