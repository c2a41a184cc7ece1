"""Copy detection's index in the database: the terms of each article's paragraphs, the
articles under each term and how many of a story's articles hold each, filled for the articles
already stored."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count

from articles.copies import indexed_terms, paragraph_terms

# Articles indexed at a time, so a large database is not read into memory at once.
BATCH_SIZE = 200
# Terms written in one query: SQLite caps a query's parameters.
TERMS_PER_QUERY = 5000


def fill_copy_index(apps, schema_editor):
    """Index each article not indexed yet as saving it does (copy_index.py), then count each
    story's terms again."""
    Article = apps.get_model("articles", "Article")
    ArticleParagraphTerms = apps.get_model("articles", "ArticleParagraphTerms")
    ArticleTerm = apps.get_model("articles", "ArticleTerm")
    StoryTerm = apps.get_model("articles", "StoryTerm")
    # Articles stored after this migration ran are indexed as saved: filling again skips them.
    unindexed = Article.objects.filter(paragraph_terms__isnull=True).order_by("pk")
    rows = unindexed.values_list("pk", "story_id", "body")
    paragraph_rows, term_rows = [], []
    for article_id, story_id, body in rows.iterator(chunk_size=BATCH_SIZE):
        paragraphs = paragraph_terms(body)
        paragraph_rows.append(
            ArticleParagraphTerms(article_id=article_id, paragraphs=[sorted(p) for p in paragraphs])
        )
        term_rows.extend(
            ArticleTerm(story_id=story_id, article_id=article_id, term=term)
            for term in indexed_terms(paragraphs)
        )
        if len(paragraph_rows) == BATCH_SIZE:
            _write(ArticleParagraphTerms, paragraph_rows, ArticleTerm, term_rows)
            paragraph_rows, term_rows = [], []
    _write(ArticleParagraphTerms, paragraph_rows, ArticleTerm, term_rows)
    _count_story_terms(ArticleTerm, StoryTerm)


def _write(ArticleParagraphTerms, paragraph_rows, ArticleTerm, term_rows):
    ArticleParagraphTerms.objects.bulk_create(paragraph_rows)
    ArticleTerm.objects.bulk_create(term_rows, batch_size=TERMS_PER_QUERY)


def _count_story_terms(ArticleTerm, StoryTerm):
    """Count anew how many of each story's articles hold each term."""
    StoryTerm.objects.all().delete()
    counted = ArticleTerm.objects.values("story_id", "term").annotate(articles=Count("id"))
    rows = counted.order_by().values_list("story_id", "term", "articles")
    batch = []
    for story_id, term, articles in rows.iterator(chunk_size=TERMS_PER_QUERY):
        batch.append(StoryTerm(story_id=story_id, term=term, articles=articles))
        if len(batch) == TERMS_PER_QUERY:
            StoryTerm.objects.bulk_create(batch)
            batch = []
    StoryTerm.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_first_version_of_each_article"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleParagraphTerms",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="paragraph_terms",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("paragraphs", models.JSONField(default=list)),
            ],
            options={
                "verbose_name_plural": "article paragraph terms",
            },
        ),
        migrations.CreateModel(
            name="ArticleTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=100)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="terms",
                        to="articles.article",
                    ),
                ),
                (
                    "story",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.story",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("story", "term", "article"), name="article_term_unique_per_story"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="StoryTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=100)),
                ("articles", models.PositiveIntegerField(default=0)),
                (
                    "story",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.story",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("story", "term"), name="story_term_unique")
                ],
            },
        ),
        migrations.RunPython(fill_copy_index, migrations.RunPython.noop),
    ]
