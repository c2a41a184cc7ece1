from django.db import migrations

from claims.roles import create_roles


def make_roles(apps, schema_editor):
    create_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Viewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_reviewqueue_historicalclaim_historicalmention_and_more"),
        ("articles", "0002_historicalarticle"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(make_roles, remove_roles)]
