"""The articles research table: its columns and its rows, for the CSV exports."""

from newsroom.csv_streaming import CHUNK_SIZE

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
]


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
            article.copy_kind,
        ]
