from django.db import migrations

from claims.roles import create_roles


def grant_editors(apps, schema_editor):
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0011_proposal_keeps_merged_speaker_name"),
        ("articles", "0004_versions_feeds_and_ingest_jobs"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
