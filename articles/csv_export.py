"""Writes tables as CSV that spreadsheets open safely: streamed row by row, formulas defused."""

import csv

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
CHUNK_SIZE = 2000

ARTICLE_COLUMNS = [
    "article_id",
    "story",
    "file_name",
    "source",
    "source_domain",
    "title",
    "author",
    "published",
    "url",
    "copy_of_article_id",
    "word_count",
]


def spreadsheet_safe(value):
    """The cell as text; text that a spreadsheet would run as a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _LineBuffer:
    """csv.writer writes each row here and gets the line back, so rows can be streamed."""

    def write(self, line):
        return line


def csv_lines(header, rows, excel=False):
    """The CSV text, one line at a time; with `excel`, a byte-order mark first."""
    writer = csv.writer(_LineBuffer())
    if excel:
        yield BYTE_ORDER_MARK
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(value) for value in row])


def article_rows(articles):
    """One row per article, in ARTICLE_COLUMNS order, read in chunks."""
    rows = articles.select_related("story", "source").order_by("pk")
    for article in rows.iterator(chunk_size=CHUNK_SIZE):
        source = article.source
        yield [
            article.pk,
            article.story.slug,
            article.file_name,
            source.name if source else "",
            source.domain if source else "",
            article.title,
            article.author,
            article.published.isoformat() if article.published else "",
            article.url,
            article.copy_of_id or "",
            article.word_count,
        ]
