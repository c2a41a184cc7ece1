"""Every article stored before versions were kept gets its text as version 1."""

from django.db import migrations

# Articles written at a time, so a large database is not read into memory at once.
BATCH_SIZE = 500


def add_first_versions(apps, schema_editor):
    """Version 1 of each article that has none: its body, hash and title. Where it stood on
    claims is left empty (unknown): the claims app is not the articles app's to read."""
    Article = apps.get_model("articles", "Article")
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    without_versions = Article.objects.filter(versions__isnull=True).order_by("pk")
    rows = without_versions.values_list("pk", "body", "content_hash", "title")
    batch = []
    for article_id, body, content_hash, title in rows.iterator(chunk_size=BATCH_SIZE):
        batch.append(
            ArticleVersion(
                article_id=article_id,
                number=1,
                body=body,
                content_hash=content_hash,
                title=title,
            )
        )
        if len(batch) == BATCH_SIZE:
            ArticleVersion.objects.bulk_create(batch)
            batch = []
    ArticleVersion.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_versions_feeds_and_ingest_jobs"),
    ]

    operations = [
        migrations.RunPython(add_first_versions, migrations.RunPython.noop),
    ]
