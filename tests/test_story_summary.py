"""The story summary (each claim's outlets and totals) stays what summing up the mentions
again would give, after ingestion, an editor's changes, a merge and a split; and the pages
show what it says."""

import pytest

from articles.models import Source, Story
from claims.ingestion import ingest_text
from claims.models import Claim, ClaimOutlet, ClaimTally, Mention, Speaker
from claims.summary import rebuild_story

from .test_admin import user_in
from .test_admin_merge import merge

FIRST = """Harbour Herald
The ferries will sail again on Monday, the union said.

"The ferries will sail again on Monday," union leader Ines Marr told reporters.
The port authority said the strike would end on Monday.
"""
SECOND = """Coast Courier
Port officials denied that the ferries will sail again on Monday.

"The ferries will not sail on Monday," port spokesman Tomas Berg said. The union said
the ferries will sail again on Monday.
"""
THIRD = """Harbour Herald
The strike would end on Monday, the port authority said on Tuesday.
"""


def summary_of(story):
    """Every summary row of the story, as comparable values."""
    outlets = ClaimOutlet.objects.filter(story=story).values_list(
        "claim_id",
        "source_id",
        "article_id",
        "mentions",
        "repeats",
        "denials",
        "own_voice_denials",
        "first_published",
        "first_mention_id",
        "first_repeat_id",
        "first_speaker_repeat_id",
        "deniers",
    )
    tallies = ClaimTally.objects.filter(story=story).values_list(
        "claim_id",
        "outlets",
        "mentions",
        "denials",
        "contested",
        "first_published",
        "first_mention_id",
        "first_repeat_id",
        "first_speaker_repeat_id",
    )
    return sorted(map(repr, outlets)), sorted(map(repr, tallies))


def assert_summary_is_current(story):
    kept = summary_of(story)
    rebuild_story(story)
    assert kept == summary_of(story)
    assert kept != ([], [])


@pytest.fixture
def harbour(db):
    story = Story.objects.create(title="Ferry strike", slug="ferry-strike")
    ingest_text(story, "herald.txt", FIRST)
    ingest_text(story, "courier.txt", SECOND)
    return story


@pytest.fixture
def editor(client, db):
    client.force_login(user_in("Editors", "editor"))
    return client


def test_ingestion_keeps_the_summary_current_also_for_a_changed_article(harbour):
    assert_summary_is_current(harbour)
    ingest_text(harbour, "herald.txt", FIRST + "The union said talks would go on.\n")
    ingest_text(harbour, "later.txt", THIRD)
    assert_summary_is_current(harbour)


def test_the_pages_show_the_outlets_the_summary_holds(client, harbour):
    claim = Claim.objects.current().filter(story=harbour, tally__contested=True).first()
    assert claim is not None
    outlets = set(ClaimOutlet.objects.filter(claim=claim).values_list("source__name", flat=True))
    named = set(harbour.articles.values_list("source__name", flat=True))
    assert outlets == named and len(named) == 2
    card = client.get(f"/stories/ferry-strike/claims/{claim.pk}/").content.decode()
    assert all(name in card for name in named)
    matrix = client.get("/stories/ferry-strike/matrix/").content.decode()
    assert claim.text[:40] in matrix


def test_an_editors_mention_change_and_deletion_keep_it_current(editor, harbour):
    mention = Mention.objects.filter(article__story=harbour, stance="repeats").first()
    other = Claim.objects.current().filter(story=harbour).exclude(pk=mention.claim_id).first()
    page = editor.post(
        f"/admin/claims/mention/{mention.pk}/change/",
        {
            "claim": other.pk,
            "article": mention.article_id,
            "stance": "denies",
            "speaker": "",
            "via": "",
            "sentence": mention.sentence,
        },
    )
    assert page.status_code == 302, page.content.decode()[:2000]
    assert_summary_is_current(harbour)
    editor.post(f"/admin/claims/mention/{mention.pk}/delete/", {"post": "yes"})
    assert not Mention.objects.filter(pk=mention.pk).exists()
    assert_summary_is_current(harbour)


def test_an_articles_new_outlet_moves_its_mentions_in_the_summary(harbour):
    article = harbour.articles.get(file_name="courier.txt")
    old_source = article.source
    article.source = Source.objects.create(name="Bay Times")
    article.save()
    assert ClaimOutlet.objects.filter(story=harbour, source__name="Bay Times").exists()
    assert not ClaimOutlet.objects.filter(story=harbour, source=old_source).exists()
    assert_summary_is_current(harbour)
    article.delete()
    assert_summary_is_current(harbour)


def test_a_merge_its_undo_and_a_split_keep_it_current(editor, harbour):
    claims = list(Claim.objects.current().filter(story=harbour).order_by("pk")[:2])
    assert merge(editor, claims).status_code == 302
    assert not ClaimOutlet.objects.filter(claim=claims[1]).exists()
    assert_summary_is_current(harbour)
    record = claims[0].merges_received.get()
    editor.post(f"/admin/claims/claim/{claims[0].pk}/undo-merge/{record.pk}/")
    assert ClaimOutlet.objects.filter(claim=claims[1]).exists()
    assert_summary_is_current(harbour)
    moved = Mention.objects.filter(claim=claims[0]).order_by("pk")[:1]
    editor.post(
        "/admin/claims/mention/",
        {
            "action": "split_mentions",
            "_selected_action": [m.pk for m in moved],
            "confirm": "yes",
            "wording": "The ferries sail on Monday",
        },
    )
    split_out = Claim.objects.get(text="The ferries sail on Monday")
    assert ClaimTally.objects.get(claim=split_out).mentions == 1
    assert_summary_is_current(harbour)


def test_a_card_names_the_first_six_deniers_and_says_others_deny_too(client, harbour):
    claim = Claim.objects.current().filter(story=harbour, tally__contested=True).first()
    article = harbour.articles.get(file_name="courier.txt")
    for number in range(8):
        Mention.objects.create(
            claim=claim,
            article=article,
            stance="denies",
            sentence=article.body[:20],
            start=number,
            end=20,
            speaker=Speaker.objects.create(name=f"Spokesperson {number:02}"),
        )
    card = client.get(f"/stories/ferry-strike/claims/{claim.pk}/").content.decode()
    denied_by = card[card.index("Denied by") : card.index("</span>", card.index("Denied by"))]
    assert denied_by.count("Spokesperson") <= 6
    assert "and others" in denied_by
    assert_summary_is_current(harbour)
