"""The articles research table: its columns and its rows, for the CSV exports."""

from django.db.models import Count

from newsroom.csv_streaming import CHUNK_SIZE

from .models import ArticleVersion

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
    "copy_kind",
    # How many versions of the article have been stored: more than one means it changed.
    "versions",
]


def article_rows(articles):
    """One row per article, in ARTICLE_COLUMNS order, read in chunks: one query for the
    chunk's rows and one for their version counts."""
    chunk = []
    for article in (
        articles.select_related("story", "source").order_by("pk").iterator(chunk_size=CHUNK_SIZE)
    ):
        chunk.append(article)
        if len(chunk) == CHUNK_SIZE:
            yield from _rows_with_version_counts(chunk)
            chunk = []
    yield from _rows_with_version_counts(chunk)


def _rows_with_version_counts(articles):
    if not articles:
        return
    counts = dict(
        ArticleVersion.objects.filter(article__in=[article.pk for article in articles])
        .values_list("article")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for article in articles:
        yield [*_article_row(article), counts.get(article.pk, 0)]


def _article_row(article):
    source = article.source
    return [
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
        article.copy_kind,
    ]
