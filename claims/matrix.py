"""The matrix's columns and cells, read from the story's summary: a page of its outlets
against a page of its claims, never all of either."""

from django.db.models import BooleanField, Exists, F, IntegerField, OuterRef, Q, Value

from articles.models import Article, Source

from .models import ClaimOutlet, Position, PositionCorrection
from .positions import outlet_positions

# The symbol a cell shows for each position, and the key above the table explains; a silent
# outlet's cell is empty.
SYMBOLS = {Position.REPEATS: "✔", Position.DENIES: "✖", Position.BOTH: "±", Position.SILENT: ""}
LEGEND = [(position, symbol) for position, symbol in SYMBOLS.items() if symbol]


def rows(claims, keys):
    """(claim, cells) for each of these claims, a cell (position, symbol) in each column of
    these keys: (source id, None) for an outlet, (None, article id) for an article of no
    known outlet. Reads the summary of these claims in these columns alone."""
    claim_ids = [claim.pk for claim in claims]
    shown = Q(source__in=[source for source, _ in keys if source])
    shown |= Q(source=None, article__in=[article for source, article in keys if not source])
    positions = {
        (claim_id, (outlet.source_id, outlet.article_id)): outlet.position
        for claim_id, outlets in outlet_positions(
            ClaimOutlet.objects.filter(shown, claim__in=claim_ids), claim_ids
        ).items()
        for outlet in outlets
    }
    cells = {position: (position, symbol) for position, symbol in SYMBOLS.items()}
    silent = cells[Position.SILENT]
    return [
        (claim, [cells.get(positions.get((claim.pk, key)), silent) for key in keys])
        for claim in claims
    ]


def outlet_columns(story):
    """(source id, article id, name, no known outlet) of each column of the matrix, in order:
    each outlet that carries one of the story's claims or has an editor's position on one,
    then each article of no known outlet that carries one, as an outlet of its own. One
    query, whose rows a paginator slices."""
    corrected = PositionCorrection.objects.filter(
        claim__story=story, claim__merged_into=None, source=OuterRef("pk")
    )
    sources = (
        Source.objects.filter(
            Exists(ClaimOutlet.objects.filter(story=story, source=OuterRef("pk")))
            | Exists(corrected)
        )
        .annotate(
            column_source=F("pk"),
            column_article=Value(None, output_field=IntegerField()),
            column_name=F("name"),
            no_known_outlet=Value(False, output_field=BooleanField()),
        )
        .values_list("column_source", "column_article", "column_name", "no_known_outlet")
        .order_by()
    )
    articles = (
        Article.objects.filter(story=story, source=None)
        .filter(Exists(ClaimOutlet.objects.filter(source=None, article=OuterRef("pk"))))
        .annotate(
            column_source=Value(None, output_field=IntegerField()),
            column_article=F("pk"),
            column_name=F("file_name"),
            no_known_outlet=Value(True, output_field=BooleanField()),
        )
        .values_list("column_source", "column_article", "column_name", "no_known_outlet")
        .order_by()
    )
    return sources.union(articles, all=True).order_by(
        "no_known_outlet", "column_name", "column_article"
    )
