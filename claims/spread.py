"""How a story spread: its first report, each article that repeated, copied or denied it, and the
geometry of the picture of them along a time axis that the template draws as SVG."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.utils import dateformat

from articles.models import Article, CopyKind

from .choices import Position, Stance
from .models import Mention, PositionCorrection
from .positions import OutletPosition

# The picture holds this many articles, the earliest; a taller one no reader would scroll.
MAX_ARTICLES = 200
# Characters of the body enough to name an article without a title (Article.headline).
OPENING_CHARS = 400

# The grid, in pixels. One column per publication day: a label under each article, then a
# channel where the edges into the next day's column change rows without crossing any label.
LABEL_WIDTH = 210
CHANNEL_WIDTH = 64
COLUMN_WIDTH = LABEL_WIDTH + CHANNEL_WIDTH
# One row per article: its circle, then three lines of label below it.
ROW_HEIGHT = 86
LINE_HEIGHT = 15
NODE_RADIUS = 8
FIRST_RADIUS = 12
# Room left of the first column, where an edge between two articles of one day bends.
LEFT = 40
# The date labels and the axis sit above the lanes, where edges that skip a day run above every
# article: one lane for each kind of edge, so that kinds running side by side stay apart.
DATE_Y = 16
DAY_Y = 32
AXIS_Y = 42
LANE_Y = 54
LANE_GAP = 4
FIRST_ROW_Y = 94
BOTTOM = 10
# Characters of a label line that fit LABEL_WIDTH at the label's font size.
OUTLET_CHARS = 26
LINE_CHARS = 31
DATE_FORMAT = "j M Y"


class Spread(models.TextChoices):
    """What an article did with the story: the kind of the edge drawn to it."""

    REPEATS = Position.REPEATS, "repeats"
    DENIES = Position.DENIES, "denies"
    BOTH = Position.BOTH, "reports both sides"
    COPY = "copy", "word-for-word copy"
    TRANSLATION = "translation", "machine translation or rewording"


# What the text alternative says each kind of article did; a copy also names what it copies.
DOINGS = {
    Spread.REPEATS: "repeats the story's claims",
    Spread.DENIES: "denies claims of the story",
    Spread.BOTH: "reports both sides",
    Spread.COPY: "copies word for word",
    Spread.TRANSLATION: "is a machine translation or rewording of",
}
# The same, in the few words that fit under a circle.
SHORT_DOINGS = {
    Spread.REPEATS: "repeats",
    Spread.DENIES: "denies",
    Spread.BOTH: "reports both sides",
    Spread.COPY: "copy of",
    Spread.TRANSLATION: "translation of",
}
COPIES = (Spread.COPY, Spread.TRANSLATION)
FIRST_DOINGS = {
    Position.REPEATS: "first report",
    Position.DENIES: "first report · denies",
    Position.BOTH: "first report · both sides",
}


@dataclass
class SpreadNode:
    """One article on the picture: where it stands, how it came, and where it is drawn."""

    article: Article
    headline: str
    position: Position
    kind: Spread = Spread.REPEATS
    parent: "SpreadNode | None" = None
    is_first: bool = False
    column: int = 0
    row: int = 0
    x: int = 0
    y: int = 0

    @property
    def outlet(self):
        return self.article.source.name if self.article.source else "outlet not given"

    @property
    def date_label(self):
        published = self.article.published
        return dateformat.format(published, DATE_FORMAT) if published else "date not given"

    @property
    def radius(self):
        return FIRST_RADIUS if self.is_first else NODE_RADIUS

    @property
    def description(self):
        """What the article did, in a sentence of the text alternative."""
        if self.is_first:
            return f"first report; {DOINGS[Spread(self.position)]}"
        if self.kind not in COPIES:
            return DOINGS[self.kind]
        copied = self.parent.article
        if copied.source:
            copied_article = f"the article by {copied.source.name} of {self.parent.date_label}"
        else:
            copied_article = f"the article of {self.parent.date_label} (outlet not given)"
        return f"{DOINGS[self.kind]} {copied_article}; {DOINGS[Spread(self.position)]}"

    @property
    def title(self):
        return f"{self.headline} ({self.outlet}, {self.date_label}): {self.description}."

    @property
    def label_lines(self):
        """The three lines under the circle: outlet, headline, and what it did."""
        if self.is_first:
            doing = FIRST_DOINGS[self.position]
        elif self.kind in COPIES:
            copied = self.parent.article.source
            doing = f"{SHORT_DOINGS[self.kind]} {copied.name if copied else 'an article'}"
        else:
            doing = SHORT_DOINGS[self.kind]
        return (
            _fit(self.outlet, OUTLET_CHARS),
            _fit(self.headline, LINE_CHARS),
            _fit(doing, LINE_CHARS),
        )

    @property
    def label_x(self):
        return self.x - FIRST_RADIUS

    @property
    def label_ys(self):
        first = self.y + FIRST_RADIUS + LINE_HEIGHT
        return first, first + LINE_HEIGHT, first + 2 * LINE_HEIGHT


@dataclass
class SpreadEdge:
    kind: Spread
    path: str


@dataclass
class SpreadColumn:
    x: int
    date_label: str
    day_label: str
    date_y = DATE_Y
    day_y = DAY_Y
    tick_top = AXIS_Y - 4
    tick_bottom = AXIS_Y + 4


@dataclass
class StorySpread:
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    columns: list = field(default_factory=list)
    width: int = 0
    height: int = 0
    # Articles of the story; more than len(nodes) when the picture holds only the earliest.
    article_count: int = 0
    axis_y = AXIS_Y

    @property
    def legend(self):
        return [(kind.value, kind.label) for kind in Spread]


def _fit(text, chars):
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def spread_of(story):
    """The story's spread: three queries however many articles it has, four when it has more
    than the picture holds."""
    articles = list(
        Article.objects.filter(story=story)
        .select_related("source")
        .defer("body", "raw_text")
        .annotate(opening=Substr("body", 1, OPENING_CHARS))
        .order_by(F("published").asc(nulls_last=True), "file_name", "pk")[: MAX_ARTICLES + 1]
    )
    article_count = len(articles)
    if article_count > MAX_ARTICLES:
        articles = articles[:MAX_ARTICLES]
        article_count = Article.objects.filter(story=story).count()
    positions = article_positions([article.pk for article in articles])
    nodes = [
        SpreadNode(
            article=article,
            # The model's own rule, read from the opening only: bodies are not loaded.
            headline=article.title
            or Article(body=article.opening, file_name=article.file_name).headline,
            position=positions.get(article.pk, Position.REPEATS),
        )
        for article in articles
    ]
    spread = StorySpread(nodes=nodes, article_count=article_count)
    if nodes:
        _connect(nodes)
        _lay_out(spread)
    return spread


def article_positions(article_ids):
    """Each article's Position on its story, by article id, from its positions on the claims
    it carries. One grouped query."""
    rows = list(
        Mention.objects.filter(article_id__in=article_ids)
        .values_list("article_id", "article__source_id", "claim_id", "stance")
        .annotate(own_voice=Count("pk", filter=Q(speaker=None, quote=None)))
        .order_by()
    )
    # An editor's position for an outlet on a claim holds for each of its articles.
    corrections = PositionCorrection.objects.by_claim_and_outlet({row[2] for row in rows})
    on_claims = {}
    for article_id, source_id, claim_id, stance, own_voice in rows:
        on_claim = on_claims.get((article_id, claim_id))
        if on_claim is None:
            on_claim = on_claims[(article_id, claim_id)] = OutletPosition(
                claim_id=claim_id,
                source_id=source_id,
                article_id=article_id,
                outlet="",
                corrected=corrections.get((claim_id, source_id)),
            )
        on_claim.stances.add(stance)
        on_claim.denies_in_own_voice |= stance == Stance.DENIES and own_voice > 0
    by_article = defaultdict(set)
    for (article_id, _), on_claim in on_claims.items():
        if on_claim.position != Position.SILENT:
            by_article[article_id].add(on_claim.position)
    return {article_id: story_position(found) for article_id, found in by_article.items()}


def story_position(claim_positions):
    """An article's position on the story, from its positions on the claims (each worked out
    as an outlet's is, in positions.py: a denial in its own voice makes it deny that claim).

    It reports both sides when it carries some claim and a denial aimed at that claim. Short
    of that, it denies when it denies any claim: the claims it repeats beside a denial are the
    background every report carries, and an article that carries only someone's denial of a
    claim repeats the denial itself as a claim. Otherwise, also when it carries no claim, it
    repeats the story."""
    if Position.BOTH in claim_positions:
        return Position.BOTH
    if Position.DENIES in claim_positions:
        return Position.DENIES
    return Position.REPEATS


def _connect(nodes):
    """Give each node its parent and kind: a copy hangs from the article it copies, any other
    article from the first report."""
    by_id = {node.article.pk: node for node in nodes}
    first = nodes[0]
    # The earliest article may be a copy whose original is dated later or not at all: the
    # original is then the first report.
    seen = set()
    while first.article.copy_of_id in by_id and first.article.pk not in seen:
        seen.add(first.article.pk)
        first = by_id[first.article.copy_of_id]
    first.is_first = True
    first.kind = Spread(first.position)
    for node in nodes:
        if node is first:
            continue
        copied = by_id.get(node.article.copy_of_id)
        if copied is not None:
            node.parent = copied
            translated = node.article.copy_kind == CopyKind.TRANSLATED
            node.kind = Spread.TRANSLATION if translated else Spread.COPY
        else:
            node.parent = first
            node.kind = Spread(node.position)


def _lay_out(spread):
    """Columns by publication day (undated articles last), rows in each column from the top,
    the first report at the top of its own; then the edges' paths."""
    days = sorted({n.article.published for n in spread.nodes if n.article.published})
    undated = any(n.article.published is None for n in spread.nodes)
    column_of = {day: index for index, day in enumerate(days)}
    column_of[None] = len(days)
    rows = defaultdict(int)
    ordered = sorted(spread.nodes, key=lambda n: not n.is_first)
    for node in ordered:
        node.column = column_of[node.article.published]
        node.row = rows[node.column]
        rows[node.column] += 1
        node.x = LEFT + node.column * COLUMN_WIDTH + FIRST_RADIUS
        node.y = FIRST_ROW_Y + node.row * ROW_HEIGHT
    spread.columns = [
        SpreadColumn(
            x=LEFT + index * COLUMN_WIDTH,
            date_label=dateformat.format(day, DATE_FORMAT),
            day_label=f"day {(day - days[0]).days + 1}",
        )
        for index, day in enumerate(days)
    ]
    if undated:
        spread.columns.append(SpreadColumn(LEFT + len(days) * COLUMN_WIDTH, "date not given", ""))
    spread.width = LEFT + (len(spread.columns) - 1) * COLUMN_WIDTH + LABEL_WIDTH + BOTTOM
    last_row_y = FIRST_ROW_Y + (max(rows.values()) - 1) * ROW_HEIGHT
    spread.height = last_row_y + FIRST_RADIUS + 3 * LINE_HEIGHT + BOTTOM
    spread.edges = [
        SpreadEdge(kind=node.kind, path=_edge_path(node.parent, node))
        for node in spread.nodes
        if node.parent is not None
    ]


def _edge_path(source, target):
    """An SVG path from the source's circle to the target's, arriving from the left; edges only
    cross the picture's labels in the channels between columns and along the lane above."""
    tx, ty = target.x - target.radius, target.y
    lane = LANE_Y + LANE_GAP * list(Spread).index(target.kind)
    if target.column == source.column:
        # Around the left of the column, bulging more the more rows it spans, never as far as
        # the labels of the column before.
        sx = source.x - source.radius
        bend = min(LEFT + 8, 18 + 6 * abs(target.row - source.row))
        return f"M{sx},{source.y} C{sx - bend},{source.y} {tx - bend},{ty} {tx},{ty}"
    port = LEFT + source.column * COLUMN_WIDTH + LABEL_WIDTH
    start = f"M{source.x + source.radius},{source.y} H{port}"
    if target.column == source.column + 1:
        middle = (port + tx) // 2
        return f"{start} C{middle},{source.y} {middle},{ty} {tx},{ty}"
    if target.column > source.column:
        # Up to the lane, along it to the channel before the target's column, then down.
        up, down = port + CHANNEL_WIDTH // 2, tx - CHANNEL_WIDTH // 2
        rise, fall = (port + up) // 2, (down + tx) // 2
        return (
            f"{start} C{rise},{source.y} {rise},{lane} {up},{lane} H{down}"
            f" C{fall},{lane} {fall},{ty} {tx},{ty}"
        )
    # An article dated before the one it hangs from: a copy dated before its original, or any
    # article dated before a first report that the earliest article copies. Back along the lane.
    sx, back = source.x - source.radius, target.x + target.radius
    up, down = sx - CHANNEL_WIDTH // 2, back + CHANNEL_WIDTH // 2
    rise, fall = (sx + up) // 2, (down + back) // 2
    return (
        f"M{sx},{source.y} C{rise},{source.y} {rise},{lane} {up},{lane} H{down}"
        f" C{fall},{lane} {fall},{ty} {back},{ty}"
    )
