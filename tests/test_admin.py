"""Editors correct the machine's draft in the admin; viewers read it; nothing an editor does is
lost to the next ingestion."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from articles.models import Article
from claims.models import Claim, DismissedMention, Mention, Quote, Speaker, SpeakerAlias

DEMO = Path(__file__).resolve().parent.parent / "data" / "stories" / "biden-zelensky-call"


def user_in(group_name, username):
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client, db):
    client.force_login(user_in("Editors", "editor"))
    return client


@pytest.fixture
def viewer(client, db):
    client.force_login(user_in("Viewers", "viewer"))
    return client


@pytest.fixture
def demo(db):
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    return Mention.objects.filter(sentence__contains="sacked", stance="repeats").first().claim


def inline_data(claim, changes=None):
    """The claim's change form as the admin posts it, with `changes` to some mentions or
    outlet positions."""
    mentions = list(claim.mentions.order_by("pk"))
    data = {
        "story": claim.story_id,
        "text": claim.text,
        "event_date": claim.event_date.isoformat() if claim.event_date else "",
        "timeline_position": claim.timeline_position,
        "verdict": claim.verdict,
        "editor_note": claim.editor_note,
        "origin_source": claim.origin_source_id or "",
        "origin_speaker": claim.origin_speaker_id or "",
        "mentions-TOTAL_FORMS": len(mentions),
        "mentions-INITIAL_FORMS": len(mentions),
        "mentions-MIN_NUM_FORMS": 0,
        "mentions-MAX_NUM_FORMS": 1000,
    }
    for index, mention in enumerate(mentions):
        data.update(
            {
                f"mentions-{index}-id": mention.pk,
                f"mentions-{index}-claim": claim.pk,
                f"mentions-{index}-article": mention.article_id,
                f"mentions-{index}-stance": mention.stance,
                f"mentions-{index}-speaker": mention.speaker_id or "",
                f"mentions-{index}-sentence": mention.sentence,
            }
        )
    corrections = list(claim.position_corrections.order_by("pk"))
    data.update(
        {
            "position_corrections-TOTAL_FORMS": len(corrections),
            "position_corrections-INITIAL_FORMS": len(corrections),
            "position_corrections-MIN_NUM_FORMS": 0,
            "position_corrections-MAX_NUM_FORMS": 1000,
        }
    )
    for index, correction in enumerate(corrections):
        data.update(
            {
                f"position_corrections-{index}-id": correction.pk,
                f"position_corrections-{index}-claim": claim.pk,
                f"position_corrections-{index}-source": correction.source_id,
                f"position_corrections-{index}-position": correction.position,
                f"position_corrections-{index}-note": correction.note,
            }
        )
    for key, value in (changes or {}).items():
        data[key] = value
    return data


def test_review_queue_lists_unreviewed_claims_only(editor, demo):
    Claim.objects.filter(pk=demo.pk).update(verdict="false")
    page = editor.get("/admin/claims/reviewqueue/", {"all": ""}).content.decode()
    unreviewed = Claim.objects.current().filter(verdict="unreviewed").count()
    assert f"{unreviewed} claims to review" in page
    assert f"/admin/claims/reviewqueue/{demo.pk}/change/" not in page


def test_claim_list_filters_by_outlet_and_denials(editor, demo):
    denied = editor.get("/admin/claims/claim/", {"denied": "yes"}).content.decode()
    assert demo.text[:40] in denied
    never = editor.get("/admin/claims/claim/", {"denied": "no"}).content.decode()
    assert demo.text[:40] not in never


def test_editor_changes_a_stance_and_reingest_keeps_it(editor, demo):
    first = demo.mentions.order_by("pk").first()
    new_stance = "denies" if first.stance == "repeats" else "repeats"
    response = editor.post(
        f"/admin/claims/claim/{demo.pk}/change/",
        inline_data(demo, {"verdict": "disputed", "mentions-0-stance": new_stance}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    first.refresh_from_db()
    assert (first.stance, first.set_by) == (new_stance, "editor")

    call_command("ingest", str(DEMO), stdout=io.StringIO())

    first.refresh_from_db()
    demo.refresh_from_db()
    assert (first.stance, first.set_by, demo.verdict) == (new_stance, "editor", "disputed")


def test_editor_adds_a_mention_by_hand_found_in_the_text(editor, demo):
    article = Article.objects.get(file_name__startswith="003")
    sentence = "The call lasted an hour and 20 minutes on Thursday"
    data = inline_data(demo)
    index = data["mentions-TOTAL_FORMS"]
    data.update(
        {
            "mentions-TOTAL_FORMS": index + 1,
            f"mentions-{index}-claim": demo.pk,
            f"mentions-{index}-article": article.pk,
            f"mentions-{index}-stance": "repeats",
            f"mentions-{index}-sentence": sentence,
        }
    )
    assert editor.post(f"/admin/claims/claim/{demo.pk}/change/", data).status_code == 302
    added = Mention.objects.get(claim=demo, sentence=sentence)
    assert added.set_by == "editor"
    assert article.body[added.start : added.end] == sentence


def test_a_hand_made_mention_must_quote_the_article(editor, demo):
    article = Article.objects.get(file_name__startswith="003")
    data = inline_data(demo)
    index = data["mentions-TOTAL_FORMS"]
    data.update(
        {
            "mentions-TOTAL_FORMS": index + 1,
            f"mentions-{index}-article": article.pk,
            f"mentions-{index}-stance": "repeats",
            f"mentions-{index}-sentence": "Words that this article never printed.",
        }
    )
    response = editor.post(f"/admin/claims/claim/{demo.pk}/change/", data)
    assert response.status_code == 200
    assert "not in the article" in response.content.decode()


def test_merge_moves_every_mention_to_the_kept_claim(editor, demo):
    other = Claim.objects.exclude(pk=demo.pk).filter(mentions__isnull=False).first()
    total = demo.mentions.count() + other.mentions.count()
    response = editor.post(
        "/admin/claims/claim/",
        {
            "action": "merge_claims",
            "_selected_action": [demo.pk, other.pk],
            "confirm": "yes",
            "keep": min(demo.pk, other.pk),
        },
    )
    assert response.status_code == 302
    kept = Claim.objects.get(pk=min(demo.pk, other.pk))
    assert kept.mentions.count() == total
    assert Claim.objects.get(pk=max(demo.pk, other.pk)).merged_into == kept


def test_split_moves_selected_mentions_into_a_new_claim(editor, demo):
    denials = list(demo.mentions.filter(stance="denies").values_list("pk", flat=True))
    response = editor.post(
        "/admin/claims/mention/",
        {
            "action": "split_mentions",
            "_selected_action": denials,
            "confirm": "yes",
            "wording": "The meeting took place",
        },
    )
    assert response.status_code == 302
    new_claim = Mention.objects.get(pk=denials[0]).claim
    assert new_claim.pk != demo.pk and new_claim.set_by == "editor"
    assert new_claim.mentions.count() == len(denials)
    assert not demo.mentions.filter(stance="denies").exists()


def test_merging_speakers_keeps_their_quotes_and_names(editor, demo):
    horne = Speaker.objects.get(name="Emily Horne")
    duplicate = Speaker.objects.create(name="E. Horne")
    quote = Quote.objects.filter(speaker=horne).first()
    quote.speaker = duplicate
    quote.save()
    response = editor.post(
        "/admin/claims/speaker/",
        {"action": "merge_speakers", "_selected_action": [horne.pk, duplicate.pk]},
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.speaker == horne
    assert SpeakerAlias.objects.get(name="E. Horne").speaker == horne


def test_corrected_article_metadata_survives_reingest(editor, demo, tmp_path):
    article = Article.objects.get(file_name__startswith="000")
    form = editor.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="body"' not in form
    response = editor.post(
        f"/admin/articles/article/{article.pk}/change/",
        {
            "story": article.story_id,
            "source": "",
            "title": "Corrected headline",
            "author": "",
            "published": "2022-01-28",
            "url": "",
            "copy_of": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    article.refresh_from_db()
    assert (article.title, article.published.isoformat()) == ("Corrected headline", "2022-01-28")
    assert article.metadata_edited


def test_editor_uploads_articles_and_a_bad_file_is_named(editor, demo):
    good = SimpleUploadedFile(
        "harbour.txt", b'The harbour master said "the port will reopen on Monday."'
    )
    binary = SimpleUploadedFile("photo.txt", b"\x00\x01\x02\x03" * 50)
    response = editor.post(
        "/admin/claims/claim/add-articles/",
        {
            "story": demo.story_id,
            "files": [good, binary],
            "file_name": "pasted.txt",
            "text": 'Pasted: the ferry said "we sail at dawn every day of the week."',
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Not added: photo.txt: looks binary" in page
    assert "Ingested harbour.txt: new" in page
    assert Article.objects.filter(file_name__in=["harbour.txt", "pasted.txt"]).count() == 2


def test_history_records_who_changed_a_claim(editor, demo):
    editor.post(f"/admin/claims/claim/{demo.pk}/change/", inline_data(demo, {"verdict": "false"}))
    latest = demo.history.latest()
    assert latest.history_user.username == "editor"
    assert latest.verdict == "false"
    page = editor.get(f"/admin/claims/claim/{demo.pk}/history/").content.decode()
    assert "editor" in page


def test_viewer_reads_but_cannot_change(viewer, demo):
    assert viewer.get(f"/admin/claims/claim/{demo.pk}/change/").status_code == 200
    response = viewer.post(
        f"/admin/claims/claim/{demo.pk}/change/", inline_data(demo, {"verdict": "false"})
    )
    assert response.status_code == 403
    demo.refresh_from_db()
    assert demo.verdict == "unreviewed"
    assert viewer.get("/admin/claims/claim/add-articles/").status_code == 403


def test_anonymous_visitors_reach_public_pages_but_not_the_admin(client, demo):
    assert client.get(f"/stories/{demo.story.slug}/").status_code == 200
    assert client.get("/admin/claims/claim/").status_code == 302


def test_timeline_shows_an_editor_verdict_at_once(editor, demo, client):
    editor.post(f"/admin/claims/claim/{demo.pk}/change/", inline_data(demo, {"verdict": "false"}))
    page = editor.get(f"/stories/{demo.story.slug}/claims/{demo.pk}/").content.decode()
    assert "Verdict: false" in page


@pytest.fixture
def copied_demo(tmp_path, db):
    return ingest_a_copy_of_the_demo(tmp_path)


def ingest_a_copy_of_the_demo(tmp_path):
    """The demo story ingested from a copy of its folder, so a test may change a file."""
    folder = tmp_path / DEMO.name
    folder.mkdir()
    for path in DEMO.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    call_command("ingest", str(folder), stdout=io.StringIO())
    return folder


def test_a_mention_an_editor_deletes_stays_deleted_when_its_article_changes(
    editor, copied_demo, client
):
    claim = Mention.objects.filter(stance="repeats").order_by("pk").first().claim
    doomed = claim.mentions.order_by("pk").first()
    kept = set(claim.mentions.exclude(pk=doomed.pk).values_list("article_id", "sentence"))
    assert doomed.sentence not in {sentence for _, sentence in kept}
    response = editor.post(
        f"/admin/claims/claim/{claim.pk}/change/", inline_data(claim, {"mentions-0-DELETE": "on"})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article_file = copied_demo / doomed.article.file_name
    article_file.write_text(
        article_file.read_text(encoding="utf-8") + "\n\nThis paragraph was added later.\n",
        encoding="utf-8",
    )

    call_command("ingest", str(copied_demo), stdout=io.StringIO())

    evidence = set(claim.mentions.values_list("article_id", "sentence"))
    assert (doomed.article_id, doomed.sentence) not in evidence
    assert kept <= evidence
    export = client.get(f"/stories/{claim.story.slug}/export/mentions.csv")
    rows = csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode()))
    exported = {(row["claim_id"], row["article_id"], row["sentence"]) for row in rows}
    assert (str(claim.pk), str(doomed.article_id), doomed.sentence) not in exported
    assert {(str(claim.pk), str(article), sentence) for article, sentence in kept} <= exported
    dismissal = DismissedMention.objects.get()
    assert (dismissal.claim, dismissal.article_id, dismissal.sentence) == (
        claim,
        doomed.article_id,
        doomed.sentence,
    )


def test_undoing_a_dismissal_lets_the_next_ingest_find_the_mention_again(editor, copied_demo):
    mention = Mention.objects.filter(stance="repeats").order_by("pk").first()
    key = (mention.claim_id, mention.article_id, mention.sentence, mention.stance)
    response = editor.post(f"/admin/claims/mention/{mention.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    dismissal = DismissedMention.objects.get()
    listing = editor.get("/admin/claims/dismissedmention/").content.decode()
    assert mention.sentence[:40] in listing
    article_file = copied_demo / mention.article.file_name
    article_file.write_text(article_file.read_text(encoding="utf-8") + "\n\nMore.\n", "utf-8")
    call_command("ingest", str(copied_demo), stdout=io.StringIO())
    assert not Mention.objects.filter(
        claim_id=key[0], article_id=key[1], sentence=key[2], stance=key[3]
    ).exists()

    response = editor.post(
        f"/admin/claims/dismissedmention/{dismissal.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    article_file.write_text(article_file.read_text(encoding="utf-8") + "\n\nAnd more.\n", "utf-8")
    call_command("ingest", str(copied_demo), stdout=io.StringIO())
    assert Mention.objects.filter(
        claim_id=key[0], article_id=key[1], sentence=key[2], stance=key[3]
    ).exists()


def test_a_dismissal_follows_its_claim_into_a_merge(editor, demo):
    other = Claim.objects.exclude(pk=demo.pk).filter(mentions__isnull=False).first()
    dismissed = other.mentions.first()
    editor.post(f"/admin/claims/mention/{dismissed.pk}/delete/", {"post": "yes"})
    editor.post(
        "/admin/claims/claim/",
        {
            "action": "merge_claims",
            "_selected_action": [demo.pk, other.pk],
            "confirm": "yes",
            "keep": min(demo.pk, other.pk),
        },
    )
    kept = Claim.objects.get(pk=min(demo.pk, other.pk))
    assert list(DismissedMention.objects.values_list("claim", "sentence")) == [
        (kept.pk, dismissed.sentence)
    ]
