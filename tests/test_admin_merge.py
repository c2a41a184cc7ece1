"""An editor merges claims only after confirming; the merged claim's address leads on to the
claim it went into, and the merge can be undone exactly."""

import csv
import io

import pytest
from django.core.management import call_command

from claims.models import Claim, Mention

from .test_admin import DEMO, user_in


@pytest.fixture
def editor(client, db):
    client.force_login(user_in("Editors", "editor"))
    return client


def mention_of(claim, article, sentence, stance="repeats"):
    start = article.body.index(sentence)
    return Mention.objects.create(
        claim=claim,
        article=article,
        stance=stance,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
    )


@pytest.fixture
def two_claims(story, article):
    article.body = "The bridge will close in May. The bridge closes this spring."
    article.save()
    older = Claim.objects.create(story=story, text="The bridge will close in May")
    newer = Claim.objects.create(story=story, text="The bridge closes this spring")
    mention_of(older, article, "The bridge will close in May.")
    mention_of(newer, article, "The bridge closes this spring.")
    return older, newer


def merge(client, claims, keep=None, confirm=True):
    data = {"action": "merge_claims", "_selected_action": [c.pk for c in claims]}
    if confirm:
        data.update(confirm="yes", keep=(keep or claims[0]).pk)
    return client.post("/admin/claims/claim/", data)


def test_merge_asks_first_listing_what_moves_and_changes_nothing(editor, two_claims):
    older, newer = two_claims
    page = merge(editor, two_claims, confirm=False)
    text = page.content.decode()
    assert page.status_code == 200
    assert "The bridge closes this spring" in text and "Daily Example" in text
    assert f'value="{older.pk}" id="keep-{older.pk}" checked' in text
    assert "move into the kept claim" in text
    assert Claim.objects.get(pk=newer.pk).merged_into is None
    assert newer.mentions.count() == 1


def test_a_merged_claim_redirects_for_good_to_its_survivor(editor, client, two_claims):
    older, newer = two_claims
    assert merge(editor, two_claims).status_code == 302
    old_url = f"/stories/a-phone-call/claims/{newer.pk}/"
    page = client.get(old_url, {"page": "2"})
    assert page.status_code == 301
    assert page["Location"] == f"/stories/a-phone-call/claims/{older.pk}/?page=2"
    fragment = client.get(old_url, headers={"HX-Request": "true"})
    assert fragment.status_code == 301
    assert fragment["Location"] == f"/stories/a-phone-call/claims/{older.pk}/"
    assert client.get(page["Location"]).status_code == 200


def test_a_merged_claim_leaves_the_timeline_but_not_the_claims_export(editor, client, two_claims):
    older, newer = two_claims
    merge(editor, two_claims)
    timeline = client.get("/stories/a-phone-call/").content.decode()
    assert "The bridge will close in May" in timeline
    assert "The bridge closes this spring" not in timeline
    response = client.get("/stories/a-phone-call/export/claims.csv")
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["claim_id"]: row for row in csv.DictReader(io.StringIO(export))}
    assert rows[str(newer.pk)]["merged_into"] == str(older.pk)
    assert rows[str(older.pk)]["merged_into"] == ""


def test_undo_gives_each_claim_back_its_own_mentions(editor, client, two_claims):
    older, newer = two_claims
    before = {c.pk: set(c.mentions.values_list("pk", flat=True)) for c in two_claims}
    merge(editor, two_claims)
    record = older.merges_received.get()
    change_page = editor.get(f"/admin/claims/claim/{older.pk}/change/").content.decode()
    undo_url = f"/admin/claims/claim/{older.pk}/undo-merge/{record.pk}/"
    assert undo_url in change_page
    confirmation = editor.get(undo_url).content.decode()
    assert "The bridge closes this spring." in confirmation
    assert older.mentions.count() == 2
    assert editor.post(undo_url).status_code == 302
    after = {c.pk: set(c.mentions.values_list("pk", flat=True)) for c in two_claims}
    assert after == before
    assert Claim.objects.get(pk=newer.pk).merged_into is None
    assert client.get(f"/stories/a-phone-call/claims/{newer.pk}/").status_code == 200


def test_both_claims_histories_show_the_merge_and_undo_it(editor, two_claims):
    older, newer = two_claims
    merge(editor, two_claims)
    record = older.merges_received.get()
    undo_url = f"/admin/claims/claim/{older.pk}/undo-merge/{record.pk}/"

    for claim in two_claims:
        history = editor.get(f"/admin/claims/claim/{claim.pk}/history/").content.decode()
        assert f"#{newer.pk} “The bridge closes this spring” merged into #{older.pk}" in history
        assert f'href="{undo_url}"' in history
    assert f"merge of #{newer.pk} into #{older.pk}" in history
    assert newer.history.latest().history_user.username == "editor"

    assert editor.post(undo_url).status_code == 302
    history = editor.get(f"/admin/claims/claim/{newer.pk}/history/").content.decode()
    assert "Undone" in history and f'href="{undo_url}"' not in history
    assert f"undo of the merge of #{newer.pk} into #{older.pk}" in history
    moved_back = newer.mentions.get()
    assert moved_back.history.latest().history_change_reason.startswith("undo of the merge")


def test_reingesting_the_story_does_not_bring_a_merged_claim_back(editor):
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    claims = list(Claim.objects.filter(mentions__isnull=False).distinct().order_by("pk")[:2])
    merge(editor, claims)
    merged = claims[1]
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    merged.refresh_from_db()
    assert merged.merged_into_id == claims[0].pk
    assert not merged.mentions.exists()
