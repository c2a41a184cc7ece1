from django.db import migrations

from claims.roles import create_roles


def grant_editors(apps, schema_editor):
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_merge_moves_position_corrections")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
