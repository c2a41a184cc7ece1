"""The review queue's list: each claim with its outlets' positions, first report and evidence."""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from .choices import Position, Verdict
from .models import Mention
from .positions import with_positions

# How many characters of the first mention's sentence the queue shows: about one line.
EVIDENCE_PREVIEW_CHARS = 80


class ReviewQueueChangeList(ChangeList):
    """A page of the queue: where each outlet stands is worked out once for the whole page."""

    def get_results(self, request):
        super().get_results(request)
        with_positions(self.result_list)


def unreviewed(claims):
    """The current claims no editor has given a verdict, each annotated with
    `first_sentence`, the sentence of its mention in the earliest published article."""
    first_mention = Mention.objects.filter(claim=OuterRef("pk")).order_by(
        F("article__published").asc(nulls_last=True), "article__created_at", "start"
    )
    return (
        claims.current()
        .filter(verdict=Verdict.UNREVIEWED)
        .annotate(first_sentence=Subquery(first_mention.values("sentence")[:1]))
    )


def contested_then_newest():
    """The queue's order, on claims annotated by ClaimAdmin: the claims someone denies first,
    then those in the newest articles."""
    return [
        Case(When(denial_count__gt=0, then=Value(0)), default=Value(1)).asc(),
        F("newest_article").desc(nulls_last=True),
        "-pk",
    ]


@admin.display(description="outlets and their positions")
def outlet_positions(claim):
    return format_html_join(
        " · ",
        '<span class="position-{}">{} {}</span>',
        (
            (outlet.position, outlet.outlet, Position(outlet.position).label)
            for outlet in claim.positions
        ),
    )


@admin.display(description="first report")
def first_report(claim):
    first = next((o for o in claim.positions if o.outlet == claim.first_outlet), None)
    if first is None:
        return "—"
    if first.first_published is None:
        return format_html("{}, date unknown", first.outlet)
    return format_html(
        '<time datetime="{}">{}</time>, {}',
        first.first_published.isoformat(),
        formats.date_format(first.first_published),
        first.outlet,
    )


@admin.display(description="evidence")
def evidence_preview(claim):
    sentence = claim.first_sentence or ""
    return format_html(
        '<span title="{}">{}</span>', sentence, Truncator(sentence).chars(EVIDENCE_PREVIEW_CHARS)
    )
