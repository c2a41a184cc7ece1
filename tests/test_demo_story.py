"""The demo story as a journalist reads it: the headline claim, who made and who denied it,
where each outlet stands, and when each article appeared."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from claims.models import Claim, ClaimOutlet, Mention, Stance
from claims.positions import outlet_positions

DEMO = Path(__file__).resolve().parent.parent / "data" / "stories" / "biden-zelensky-call"
# The one seed article whose text names no outlet, so its story.toml entry gives none.
NAMELESS = "002_a403957f0620755a.txt"


@pytest.fixture
def demo(db):
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    return Article.objects.first().story


def headline_claim(story):
    """The claim the scoop's words "Kyiv could be sacked" are evidence for."""
    mention = Mention.objects.filter(
        claim__story=story,
        stance=Stance.REPEATS,
        article__file_name=NAMELESS,
        sentence__contains="sacked",
    ).first()
    assert mention is not None, "no article repeats the headline claim"
    return mention.claim


def test_headline_claim_is_the_anonymous_official_via_the_network(demo):
    claim = headline_claim(demo)
    asserting = claim.mentions.filter(stance=Stance.REPEATS).select_related("speaker")
    credited = [(m.speaker.name if m.speaker else "", m.via) for m in asserting]
    assert any("official" in speaker.lower() and "CNN" in via for speaker, via in credited), (
        credited
    )


def test_headline_claim_is_denied_by_the_spokeswoman_and_the_presidents_office(demo):
    claim = headline_claim(demo)
    deniers = {
        m.speaker.name
        for m in claim.mentions.filter(stance=Stance.DENIES).select_related("speaker")
        if m.speaker
    }
    assert any("Horne" in name for name in deniers), deniers
    assert any(re.search(r"Zelensk|spokes", name) and "Horne" not in name for name in deniers), (
        deniers
    )


def test_no_outlet_stands_on_both_sides_of_any_claim(client, demo):
    positions = outlet_positions(ClaimOutlet.objects.filter(story=demo))
    for claim_id, outlets in positions.items():
        names = [outlet.outlet for outlet in outlets]
        assert len(names) == len(set(names)), (claim_id, names)
    page = client.get(f"/stories/{demo.slug}/").content.decode()
    cards = re.findall(r'<article class="claim".*?</article>', page, re.DOTALL)
    assert cards
    for card in cards:
        chips = re.findall(r'class="chip stance-\w+"[^>]*>(.*?)</li>', card, re.DOTALL)
        names = [re.sub(r"<span.*?</span>", "", chip, flags=re.DOTALL).strip() for chip in chips]
        assert len(names) == len(set(names)), names


def test_every_article_has_a_date_and_every_article_naming_its_outlet_has_it(demo):
    articles = Article.objects.filter(story=demo).select_related("source")
    assert all(article.published for article in articles)
    assert all(article.source for article in articles if article.file_name != NAMELESS)
    assert not any(article.title == article.file_name for article in articles)


def test_most_claims_have_a_date_on_the_timeline(demo):
    claims = Claim.objects.filter(story=demo)
    assert claims.exclude(event_date=None).count() >= 0.9 * claims.count()
