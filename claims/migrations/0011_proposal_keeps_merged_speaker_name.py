import django.db.models.deletion
from django.db import migrations, models


def name_the_proposed_speakers(apps, schema_editor):
    proposals = apps.get_model("claims", "SpeakerMergeProposal").objects.select_related("speaker")
    for proposal in proposals.exclude(speaker=None):
        proposal.speaker_name = proposal.speaker.name
        proposal.save(update_fields=["speaker_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_editor_roles_for_editorial_records"),
    ]

    operations = [
        migrations.AddField(
            model_name="speakermergeproposal",
            name="speaker_name",
            field=models.CharField(default="", editable=False, max_length=200),
            preserve_default=False,
        ),
        migrations.RunPython(name_the_proposed_speakers, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="speakermergeproposal",
            name="speaker",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="proposals_made",
                to="claims.speaker",
            ),
        ),
    ]
