"""Live updates of a story's timeline: which articles arrived since the page was loaded."""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import Count, Max

from articles.models import Article

from .filters import InvalidFilter

# Article ids fit in 63 bits; a longer number is not one, and SQLite would refuse it.
MAX_VERSION_DIGITS = 18


class LiveState:
    """What the timeline page polls with: the story's version when the page was made and how
    often to ask. The version is read only when a page renders it, not for fragments."""

    def __init__(self, story):
        self.story = story
        self.poll_seconds = settings.NEWSROOM_POLL_SECONDS

    @cached_property
    def version(self):
        """The story's largest article id: articles added later have larger ones."""
        latest = Article.objects.filter(story=self.story).aggregate(latest=Max("pk"))["latest"]
        return latest or 0


@dataclass(frozen=True)
class NewArticles:
    """The story's articles newer than version `since`: how many, and the newest one's id."""

    since: int
    count: int
    latest: int

    @property
    def etag(self):
        # The fragment says nothing but these three numbers, so they name it.
        return f'"{self.since}-{self.count}-{self.latest}"'


def new_articles(story, since):
    """One query, which reads only the rows added since `since`: a range of the primary key,
    or of the story's index, whose entries end in the id on SQLite."""
    found = Article.objects.filter(story=story, pk__gt=since).aggregate(
        count=Count("pk"), latest=Max("pk")
    )
    return NewArticles(since=since, count=found["count"], latest=found["latest"] or since)


def since_version(query):
    """The `since` parameter: the version the page was loaded at, 0 when absent."""
    value = query.get("since", "").strip()
    if not value:
        return 0
    if not (value.isascii() and value.isdigit()) or len(value) > MAX_VERSION_DIGITS:
        raise InvalidFilter(f"since: must be a whole number, not {value[:40]!r}")
    return int(value)
