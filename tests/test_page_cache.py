"""Story pages are kept rendered, and drawn again as soon as anything they show changes."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Source, Story
from claims.models import Claim, Mention, Speaker


@pytest.fixture
def harbour(db):
    story = Story.objects.create(title="Harbour strike", slug="harbour-strike")
    herald = Source.objects.create(name="The Herald")
    body = "Dockers will strike on Monday, the union leader Ann Lee said."
    article = Article.objects.create(
        story=story,
        source=herald,
        title="Dockers to strike",
        file_name="herald.txt",
        body=body,
        raw_text=body,
        content_hash="1" * 64,
        published=datetime.date(2024, 5, 2),
    )
    claim = Claim.objects.create(
        story=story, text="Dockers will strike on Monday", event_date=datetime.date(2024, 5, 6)
    )
    Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=body,
        start=0,
        end=len(body),
        speaker=Speaker.objects.create(name="Ann Lee"),
    )
    return story


def timeline(client, story):
    return client.get(reverse("claims:story_timeline", args=[story.slug])).content.decode()


def test_a_timeline_asked_again_is_answered_without_drawing_it(
    client, harbour, django_assert_max_num_queries
):
    first = timeline(client, harbour)
    with django_assert_max_num_queries(1):
        again = timeline(client, harbour)
    assert again == first
    assert "Dockers will strike on Monday" in again


def test_an_article_ingested_later_shows_on_the_timeline_at_once(client, harbour, tmp_path):
    assert "<strong>1</strong> article" in timeline(client, harbour)
    path = tmp_path / "gazette.txt"
    path.write_text(
        "Title: Port closed as dockers walk out\nOutlet: The Gazette\nDate: 2024-05-06\n\n"
        "The port closed on Monday. Dockers walked out at dawn, the port authority said.\n"
    )
    call_command("ingest", str(path), "--story", harbour.slug, stdout=io.StringIO())
    assert "<strong>2</strong> articles" in timeline(client, harbour)


def test_an_editors_new_wording_shows_on_the_timeline_and_the_claim_page(
    client, admin_client, harbour
):
    claim = harbour.claims.get()
    claim_page = reverse("claims:claim_detail", args=[harbour.slug, claim.pk])
    assert "Dockers will strike on Monday" in timeline(client, harbour)
    client.get(claim_page)
    claim.text = "Dockers will strike from Monday"
    claim.save()
    assert "Dockers will strike from Monday" in timeline(client, harbour)
    assert "Dockers will strike from Monday" in client.get(claim_page).content.decode()


def test_a_renamed_outlet_or_speaker_shows_under_its_new_name(client, harbour):
    source = Source.objects.get(name="The Herald")
    outlet_page = reverse("claims:source_detail", args=[harbour.slug, source.pk])
    assert "The Herald" in client.get(outlet_page).content.decode()
    assert "Ann Lee" in timeline(client, harbour)
    source.name = "The Morning Herald"
    source.save()
    Speaker.objects.filter(name="Ann Lee").update(name="Ann B. Lee")
    Speaker.objects.get(name="Ann B. Lee").save()
    assert "The Morning Herald" in client.get(outlet_page).content.decode()
    assert "Ann B. Lee" in timeline(client, harbour)


def test_a_mention_an_editor_deletes_leaves_the_claims_page(client, harbour):
    claim = harbour.claims.get()
    claim_page = reverse("claims:claim_detail", args=[harbour.slug, claim.pk])
    assert "The Herald" in client.get(claim_page).content.decode()
    claim.mentions.get().delete()
    assert "The Herald" not in client.get(claim_page).content.decode()


def test_staff_and_readers_each_get_their_own_page_of_an_article(client, admin_client, harbour):
    article = harbour.articles.get()
    reader = reverse("claims:article_reader", args=[harbour.slug, article.pk])
    assert "herald.txt" not in client.get(reader).content.decode()
    assert "herald.txt" in admin_client.get(reader).content.decode()
    assert "herald.txt" not in client.get(reader).content.decode()


def test_a_fragment_and_the_whole_page_are_kept_apart(client, harbour):
    url = reverse("claims:story_timeline", args=[harbour.slug])
    whole = client.get(url).content.decode()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" in whole
    assert "<html" not in fragment
    assert "<html" in client.get(url).content.decode()


def test_a_refused_filter_is_refused_each_time(client, harbour):
    url = reverse("claims:story_timeline", args=[harbour.slug])
    for _ in range(2):
        response = client.get(url, {"outlet": "999999"})
        assert response.status_code == 400
