"""An editor sets where an outlet stands on a claim; every page and the positions export show
it at once, and re-ingesting a changed article keeps it."""

import csv
import io

import pytest
from django.core.management import call_command

from claims.models import Claim, PositionCorrection

from .test_admin import ingest_a_copy_of_the_demo, inline_data, user_in


@pytest.fixture
def editor(client, db):
    client.force_login(user_in("Editors", "editor"))
    return client


@pytest.fixture
def copied_demo(tmp_path, db):
    return ingest_a_copy_of_the_demo(tmp_path)


def positions_export(client, story):
    response = client.get(f"/stories/{story.slug}/export/positions.csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def repeated_claim_and_outlet():
    """A claim of the demo and an outlet that only repeats it."""
    for claim in Claim.objects.current().order_by("pk"):
        for mention in claim.mentions.select_related("article__source"):
            source = mention.article.source
            stances = set(
                claim.mentions.filter(article__source=source).values_list("stance", flat=True)
            )
            if source and stances == {"repeats"}:
                return claim, source
    raise AssertionError("the demo has no outlet that only repeats a claim")


def set_position(client, claim, source, position):
    data = inline_data(
        claim,
        {
            "position_corrections-TOTAL_FORMS": claim.position_corrections.count() + 1,
            "position_corrections-0-claim": claim.pk,
            "position_corrections-0-source": source.pk,
            "position_corrections-0-position": position,
            "position_corrections-0-note": "The outlet quotes the claim only to rebut it.",
        },
    )
    response = client.post(f"/admin/claims/claim/{claim.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_an_editors_position_shows_on_the_claim_page_and_in_the_export(editor, copied_demo, client):
    claim, source = repeated_claim_and_outlet()

    set_position(editor, claim, source, "denies")

    page = client.get(claim.get_absolute_url()).content.decode()
    chip = page.split(f'href="/stories/{claim.story.slug}/sources/{source.pk}/"')[1]
    assert chip.split("</a>")[0].count("denies") == 1
    assert "set by an editor" in chip.split("</a>")[0]
    row = next(
        r
        for r in positions_export(client, claim.story)
        if r["claim_id"] == str(claim.pk) and r["source_id"] == str(source.pk)
    )
    assert (row["position"], row["set_by"]) == ("denies", "editor")
    correction = PositionCorrection.objects.get()
    assert correction.editor.username == "editor"


def test_an_editors_position_survives_reingesting_a_changed_article(editor, copied_demo, client):
    claim, source = repeated_claim_and_outlet()
    set_position(editor, claim, source, "both")
    changed = claim.mentions.filter(article__source=source).first().article
    article_file = copied_demo / changed.file_name
    article_file.write_text(
        article_file.read_text(encoding="utf-8") + "\n\nThis paragraph was added later.\n",
        encoding="utf-8",
    )

    call_command("ingest", str(copied_demo), stdout=io.StringIO())

    changed.refresh_from_db()
    assert "added later" in changed.body
    survivor = Claim.objects.get(pk=claim.pk).survivor()
    rows = [
        r
        for r in positions_export(client, claim.story)
        if r["claim_id"] == str(survivor.pk) and r["source_id"] == str(source.pk)
    ]
    assert [(r["position"], r["set_by"]) for r in rows] == [("both", "editor")]
    matrix = client.get(f"/stories/{claim.story.slug}/matrix/").content.decode()
    assert "both sides" in matrix


def test_an_editor_can_say_an_outlet_does_not_carry_a_claim(editor, copied_demo, client):
    claim, source = repeated_claim_and_outlet()

    set_position(editor, claim, source, "silent")

    rows = positions_export(client, claim.story)
    assert not [
        r for r in rows if r["claim_id"] == str(claim.pk) and r["source_id"] == str(source.pk)
    ]
    outlet_page = client.get(f"/stories/{claim.story.slug}/sources/{source.pk}/").content.decode()
    positions = outlet_page.split('id="repeated-heading"')[1].split("credited-heading")[0]
    assert claim.text not in positions
