"""Lays out the timeline picture: one lane per outlet, days across, a mark for each claim at
the day an outlet first carried it, shaped by the outlet's position."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .choices import Position

# Sizes in SVG user units (pixels at 100 %). A lane is tall enough for a mark and a finger.
LANE_HEIGHT = 34
AXIS_HEIGHT = 40
# A day with one mark is this wide; each more mark in its busiest lane adds MARK_STEP, up to
# MARKS_PER_ROW marks, after which a lane's marks of that day wrap onto another row.
DAY_WIDTH = 76
MARK_STEP = 18
MARKS_PER_ROW = 8
ROW_STEP = 18
MARK_RADIUS = 7
# The picture has a lane for at most this many outlets, those carrying the most of its
# claims: a story told by a hundred outlets stays a picture one can read, and cheap to draw.
MAX_LANES = 15
# Outlet names longer than this are cut in the lane label; the full name is its tooltip.
LABEL_CHARACTERS = 17
LABEL_WIDTH = 136
NOT_DATED = "Date not given"


@dataclass
class Mark:
    claim: object
    outlet: str
    position: str
    day: date | None
    x: int = 0
    y: int = 0

    @property
    def label(self):
        """What the mark says to a screen reader and in its tooltip."""
        when = self.day.strftime("%-d %b %Y") if self.day else NOT_DATED.lower()
        return f"{self.outlet} {Position(self.position).label}, {when}: {self.claim.text}"


@dataclass
class Column:
    day: date | None
    x: int
    width: int
    # The year is written under the first day and under each day that starts a new year.
    shows_year: bool = False

    @property
    def heading(self):
        return self.day.strftime("%-d %b") if self.day else "No date"

    @property
    def year(self):
        return str(self.day.year) if self.day else ""

    @property
    def centre(self):
        return self.x + self.width // 2


@dataclass
class Lane:
    outlet: str
    source_id: int | None
    y: int
    height: int
    stripe: bool

    @property
    def label(self):
        if len(self.outlet) <= LABEL_CHARACTERS:
            return self.outlet
        return self.outlet[: LABEL_CHARACTERS - 1].rstrip() + "…"

    @property
    def text_y(self):
        return self.y + LANE_HEIGHT // 2 + 5


@dataclass
class Picture:
    lanes: list = field(default_factory=list)
    columns: list = field(default_factory=list)
    marks: list = field(default_factory=list)
    width: int = 0
    height: int = 0
    label_width: int = LABEL_WIDTH
    axis_height: int = AXIS_HEIGHT
    mark_radius: int = MARK_RADIUS
    # Outlets left out, as they carry fewer of the claims than the lanes shown.
    other_outlets: int = 0

    def __bool__(self):
        return bool(self.marks)


def timeline_picture(claims):
    """The picture of these claims, each already given `positions` by with_positions(): a
    mark per (claim, outlet), at the day the outlet first carried the claim."""
    marks = [
        Mark(claim, outlet.outlet, outlet.position, outlet.first_published)
        for claim in claims
        for outlet in claim.positions
    ]
    if not marks:
        return Picture()
    carried = Counter(mark.outlet for mark in marks)
    shown = {outlet for outlet, _ in carried.most_common(MAX_LANES)}
    marks = [mark for mark in marks if mark.outlet in shown]
    in_cell = {}
    for mark in marks:
        in_cell.setdefault((mark.day, mark.outlet), []).append(mark)
    lanes = _lanes(claims, in_cell)
    lane_of = {lane.outlet: lane for lane in lanes}
    columns = _columns(in_cell)
    column_of = {column.day: column for column in columns}
    for (day, outlet), cell in in_cell.items():
        centre, top = column_of[day].centre, lane_of[outlet].y + LANE_HEIGHT // 2
        for number, mark in enumerate(cell):
            row, place = divmod(number, MARKS_PER_ROW)
            in_row = min(MARKS_PER_ROW, len(cell) - row * MARKS_PER_ROW)
            mark.x = centre - (in_row - 1) * MARK_STEP // 2 + place * MARK_STEP
            mark.y = top + row * ROW_STEP
    last = lanes[-1]
    return Picture(
        lanes=lanes,
        columns=columns,
        marks=marks,
        width=columns[-1].x + columns[-1].width,
        height=last.y + last.height,
        other_outlets=len(carried) - len(shown),
    )


def _rows(cell):
    return -(-len(cell) // MARKS_PER_ROW)


def _columns(in_cell):
    """One column per day, dated days in order and then the undated; the busiest lane of a
    day sets its width, so no two marks overlap."""
    days = sorted({day for day, _ in in_cell}, key=lambda day: (day is None, day or date.min))
    columns, x, year = [], 0, None
    for day in days:
        busiest = max(len(cell) for (d, _), cell in in_cell.items() if d == day)
        width = DAY_WIDTH + (min(busiest, MARKS_PER_ROW) - 1) * MARK_STEP
        columns.append(Column(day, x, width, day is not None and day.year != year))
        year = day.year if day else year
        x += width
    return columns


def _lanes(claims, in_cell):
    """One lane per outlet, the earliest to carry any of the claims at the top; a lane is as
    tall as its busiest day's rows of marks."""
    first = {}
    shown = {outlet for _, outlet in in_cell}
    for claim in claims:
        for outlet in claim.positions:
            if outlet.outlet not in shown:
                continue
            when = outlet.first_published or date.max
            known = first.get(outlet.outlet)
            if known is None or when < known[0]:
                first[outlet.outlet] = (when, outlet.source_id)
    rows = {}
    for (_, outlet), cell in in_cell.items():
        rows[outlet] = max(rows.get(outlet, 1), _rows(cell))
    lanes, y = [], AXIS_HEIGHT
    ordered = sorted(first.items(), key=lambda item: (item[1][0], item[0]))
    for number, (outlet, (_, source_id)) in enumerate(ordered):
        height = LANE_HEIGHT + (rows[outlet] - 1) * ROW_STEP
        # Every other lane is shaded, so the eye follows a lane across the days.
        lanes.append(Lane(outlet, source_id, y, height, stripe=number % 2 == 1))
        y += height
    return lanes
