"""The "event_dates" stage: the day each statement says something happened on ("Thursday",
"on Jan. 27", "earlier this week"), resolved later against the article's own date."""

import datetime
import re
from dataclasses import dataclass

from spacy.language import Language

from .lexicon import MONTHS, RELATIVE_DAYS, WEEKDAYS

# A date without a year more than this many days after the article is from the year before.
MAX_DAYS_AHEAD = 60

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?\b(?:,?\s+(\d{{4}}))?", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
RELATIVE_DAY = re.compile(rf"\b({'|'.join(RELATIVE_DAYS)})\b", re.I)


@dataclass(frozen=True)
class DatePhrase:
    """A date as a sentence gives it; some need the article's date to be a day."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 is Monday
    relative: str = ""  # one of RELATIVE_DAYS

    def resolve(self, reference):
        """The day meant, given `reference`, the article's publication date (or the story's
        when the article has none); without it only dates that carry their year resolve."""
        if self.month is not None:
            if self.year is not None:
                return _safe_date(self.year, self.month, self.day)
            return (
                _month_day(reference.year, self.month, self.day, reference) if reference else None
            )
        if reference is None:
            return None
        if self.weekday is not None:
            # News reports past events: "Thursday" is the latest Thursday on or before the article.
            return reference - datetime.timedelta(days=(reference.weekday() - self.weekday) % 7)
        if self.relative in ("today", "tonight"):
            return reference
        if self.relative == "yesterday":
            return reference - datetime.timedelta(days=1)
        monday = reference - datetime.timedelta(days=reference.weekday())
        return monday - datetime.timedelta(days=7) if self.relative == "last week" else monday


def find_date_phrase(sentence):
    """The first date expression of the sentence, by precedence: a full ISO date, a month and
    day, a weekday, a day relative to the article."""
    if match := ISO_DATE.search(sentence):
        year, month, day = (int(part) for part in match.groups())
        return DatePhrase(year=year, month=month, day=day)
    for pattern, month_group, day_group in ((MONTH_DAY, 1, 2), (DAY_MONTH, 2, 1)):
        if match := pattern.search(sentence):
            year = int(match.group(3)) if match.group(3) else None
            month = MONTHS[match.group(month_group).lower()]
            return DatePhrase(year=year, month=month, day=int(match.group(day_group)))
    if match := WEEKDAY.search(sentence):
        return DatePhrase(weekday=WEEKDAYS.index(match.group(1).lower()))
    if match := RELATIVE_DAY.search(sentence):
        return DatePhrase(relative=match.group(1).lower())
    return None


def resolve_event_date(sentence, reference):
    """The date the sentence says something happened on, resolved against `reference`."""
    phrase = find_date_phrase(sentence)
    return phrase.resolve(reference) if phrase else None


@Language.component("event_dates")
def event_dates(doc):
    """Fills in the `date_phrase` of each of doc._.statements from its sentence."""
    for statement in doc._.statements:
        statement.date_phrase = find_date_phrase(statement.sentence)
    return doc


def _safe_date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_day(year, month, day, reference):
    found = _safe_date(year, month, day)
    if found and reference and found - reference > datetime.timedelta(days=MAX_DAYS_AHEAD):
        found = _safe_date(year - 1, month, day)
    return found
