"""Reads the story filters (outlet, speaker, stance, verdict, dates, text) from a query string."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q

from articles.models import Source

from .models import Claim, Mention, Quote, Speaker


class InvalidFilter(ValueError):
    """A filter parameter that cannot be understood; its message names the parameter."""


@dataclass(frozen=True)
class StoryFilter:
    outlet: int | None = None
    speaker: int | None = None
    stance: str = ""
    verdict: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    text: str = ""

    PARAMETERS = ("outlet", "speaker", "stance", "verdict", "from", "to", "q")

    @classmethod
    def from_query(cls, query, story):
        """Parse a QueryDict (or dict) for `story`; raise InvalidFilter naming the bad
        parameter, or the outlet or speaker that is not one of the story's."""
        stance = query.get("stance", "").strip()
        if stance and stance not in Mention.Stance.values:
            raise InvalidFilter(f"stance: must be one of {', '.join(Mention.Stance.values)}")
        verdict = query.get("verdict", "").strip()
        if verdict and verdict not in Claim.Verdict.values:
            raise InvalidFilter(f"verdict: must be one of {', '.join(Claim.Verdict.values)}")
        parsed = cls(
            outlet=_id(query, "outlet"),
            speaker=_id(query, "speaker"),
            stance=stance,
            verdict=verdict,
            date_from=_date(query, "from"),
            date_to=_date(query, "to"),
            text=_text(query, "q"),
        )
        if parsed.date_from and parsed.date_to and parsed.date_from > parsed.date_to:
            raise InvalidFilter("from: the first day comes after the last (to)")
        parsed._check_belongs_to(story)
        return parsed

    def _check_belongs_to(self, story):
        """An outlet or speaker the story does not have would filter everything away: say so.
        One existence query per given id, after the checks that need no database."""
        outlets = Source.objects.filter(articles__story=story)
        if self.outlet and not outlets.filter(pk=self.outlet).exists():
            raise InvalidFilter(f"outlet {self.outlet} is not an outlet of this story")
        if self.speaker:
            # The timeline's speakers come from mentions, the quotes table's from quotes.
            in_story = Q(pk__in=Mention.objects.filter(article__story=story).values("speaker"))
            in_story |= Q(pk__in=Quote.objects.filter(article__story=story).values("speaker"))
            if not Speaker.objects.filter(in_story, pk=self.speaker).exists():
                raise InvalidFilter(f"speaker {self.speaker} is not a speaker of this story")

    def as_query(self):
        """The filter as query parameters, for links that keep it."""
        values = {
            "outlet": self.outlet,
            "speaker": self.speaker,
            "stance": self.stance,
            "verdict": self.verdict,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "q": self.text,
        }
        return {key: value for key, value in values.items() if value not in (None, "")}

    def mentions_q(self, prefix=""):
        """The condition on mentions (or on a relation to them, with `prefix`)."""
        condition = Q()
        if self.outlet:
            condition &= Q(**{f"{prefix}article__source": self.outlet})
        if self.speaker:
            condition &= Q(**{f"{prefix}speaker": self.speaker})
        if self.stance:
            condition &= Q(**{f"{prefix}stance": self.stance})
        return condition

    def has_mention_filter(self):
        return bool(self.outlet or self.speaker or self.stance)

    def claims(self, claims):
        """The claims this filter keeps."""
        if self.verdict:
            claims = claims.filter(verdict=self.verdict)
        if self.date_from:
            claims = claims.filter(event_date__gte=self.date_from)
        if self.date_to:
            claims = claims.filter(event_date__lte=self.date_to)
        if self.has_mention_filter():
            matching = Mention.objects.filter(self.mentions_q()).values("claim")
            claims = claims.filter(pk__in=matching)
        if self.text:
            in_evidence = Mention.objects.filter(sentence__icontains=self.text).values("claim")
            claims = claims.filter(Q(text__icontains=self.text) | Q(pk__in=in_evidence))
        return claims

    def mentions(self, mentions):
        """The mentions this filter keeps: its mention conditions, of claims it keeps."""
        mentions = mentions.filter(self.mentions_q())
        if self.verdict:
            mentions = mentions.filter(claim__verdict=self.verdict)
        if self.date_from:
            mentions = mentions.filter(claim__event_date__gte=self.date_from)
        if self.date_to:
            mentions = mentions.filter(claim__event_date__lte=self.date_to)
        if self.text:
            mentions = mentions.filter(
                Q(sentence__icontains=self.text) | Q(claim__text__icontains=self.text)
            )
        return mentions

    def quotes(self, quotes):
        """The quotes this filter keeps: by outlet, speaker, publication date and words."""
        if self.outlet:
            quotes = quotes.filter(article__source=self.outlet)
        if self.speaker:
            quotes = quotes.filter(speaker=self.speaker)
        if self.date_from:
            quotes = quotes.filter(article__published__gte=self.date_from)
        if self.date_to:
            quotes = quotes.filter(article__published__lte=self.date_to)
        if self.text:
            quotes = quotes.filter(text__icontains=self.text)
        return quotes

    def articles(self, articles):
        """The articles this filter keeps: by outlet, date, words and what they carry."""
        if self.outlet:
            articles = articles.filter(source=self.outlet)
        if self.date_from:
            articles = articles.filter(published__gte=self.date_from)
        if self.date_to:
            articles = articles.filter(published__lte=self.date_to)
        if self.speaker or self.stance or self.verdict:
            carrying = self.mentions(Mention.objects.all()).values("article")
            articles = articles.filter(pk__in=carrying)
        if self.text:
            articles = articles.filter(Q(title__icontains=self.text) | Q(body__icontains=self.text))
        return articles


# ASCII digits only: str.isdigit() also takes "²", which int() refuses.
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
MAX_TEXT_CHARS = 200


def _id(query, name):
    value = query.get(name, "").strip()
    if not value:
        return None
    if not WHOLE_NUMBER.fullmatch(value):
        raise InvalidFilter(f"{name}: must be a whole number, not {value[:40]!r}")
    return int(value)


def _text(query, name):
    value = query.get(name, "").strip()[:MAX_TEXT_CHARS]
    # PostgreSQL cannot compare text with a NUL character in it: refuse it rather than fail.
    if "\x00" in value:
        raise InvalidFilter(f"{name}: must not contain a NUL character")
    return value


def page_number(query):
    """The `page` parameter: 1 when absent; a page past the end is left to the paginator,
    which gives the last page."""
    value = query.get("page", "").strip()
    if not value:
        return 1
    if not WHOLE_NUMBER.fullmatch(value) or int(value) < 1:
        raise InvalidFilter(f"page: must be a whole number from 1, not {value[:40]!r}")
    return int(value)


def _date(query, name):
    value = query.get(name, "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidFilter(f"{name}: must be a date like 2022-01-27, not {value[:40]!r}") from None
