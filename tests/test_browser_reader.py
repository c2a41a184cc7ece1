"""The article reader in a real browser: a sentence reached from its claim, on a desk, a phone."""

import pytest
from django.db.models import Q
from playwright.sync_api import expect

from articles.models import Article, Story
from claims.models import Claim, Mention

from .browser import DESKTOP, PHONE, SCREENSHOTS, SLUG, has_no_sideways_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The least room a reached sentence keeps above it, in CSS pixels.
TOP_MARGIN = 16

# For the sentence a mention's address names: each piece of it, whether the outlined box
# holds the piece whole (the reached element itself, or the piece when a script outlines it),
# and that box's outline and place in the window.
SENTENCE_PIECES = """id => {
  const target = document.getElementById(id);
  const key = target.closest(".claim-sentence").dataset.sentence;
  return [...document.querySelectorAll(`.claim-sentence[data-sentence="${key}"]`)].map(piece => {
    const box = piece.contains(target) ? target : piece;
    const rect = box.getBoundingClientRect();
    return {
      whole: box.textContent === piece.textContent,
      outline: getComputedStyle(box).outlineStyle,
      top: rect.top,
      bottom: rect.bottom,
      text: piece.textContent,
    };
  });
}"""


def denial_a_quotation_runs_across(story):
    """The demo's last denial whose sentence a quotation starts or ends inside, but not both:
    the case that used to cut a sentence's markup in pieces."""
    for denial in Mention.objects.filter(
        article__story=story, stance=Mention.Stance.DENIES
    ).order_by("-start"):
        inside = Q(start__gt=denial.start, start__lt=denial.end) ^ Q(
            end__gt=denial.start, end__lt=denial.end
        )
        if denial.article.quotes.filter(inside).exists():
            return denial
    raise AssertionError("the demo story has no denial a quotation runs across")


def open_mention(page, live_server, mention):
    page.goto(f"{live_server.url}/stories/{SLUG}/articles/{mention.article_id}/#m-{mention.pk}")
    expect(page.locator(f"#m-{mention.pk}")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_denial_reached_from_its_claim_is_outlined_whole_below_the_top_edge(
    page, live_server, demo, viewport
):
    denial = denial_a_quotation_runs_across(demo)
    page.set_viewport_size(viewport)

    open_mention(page, live_server, denial)

    (piece,) = page.evaluate(SENTENCE_PIECES, f"m-{denial.pk}")
    assert piece["whole"] and piece["outline"] == "solid"
    assert denial.sentence.strip() in piece["text"]
    # Scrolled to, with room above it, and all of it in the window.
    assert page.evaluate("window.scrollY") > 0
    assert piece["top"] >= TOP_MARGIN and piece["bottom"] <= viewport["height"]
    # The quotation was cut at the sentence's edge: part of it is inside the outlined box.
    assert page.locator(f"#m-{denial.pk} q.quote").count() >= 1
    assert has_no_sideways_scroll(page)


def test_without_javascript_the_reached_sentence_is_outlined_whole(
    page_without_javascript, live_server, demo
):
    denial = denial_a_quotation_runs_across(demo)

    open_mention(page_without_javascript, live_server, denial)

    (piece,) = page_without_javascript.evaluate(SENTENCE_PIECES, f"m-{denial.pk}")
    assert piece["whole"] and piece["outline"] == "solid"
    assert piece["top"] >= TOP_MARGIN


def test_the_article_and_its_claims_are_listed_without_sideways_scroll(page, live_server, demo):
    page.set_viewport_size(PHONE)
    for article in Article.objects.filter(story=demo):
        page.goto(f"{live_server.url}/stories/{SLUG}/articles/{article.pk}/")
        expect(page.locator(".reader-legend")).to_be_visible()
        assert has_no_sideways_scroll(page), article.file_name


def test_a_sentence_across_a_paragraph_break_is_outlined_in_every_piece(page, live_server):
    body = "The mayor said the bridge\n\nwould reopen in May. Nothing else was said."
    story = Story.objects.create(title="A bridge", slug=SLUG)
    article = Article.objects.create(
        story=story, file_name="bridge.txt", body=body, raw_text=body, content_hash="d" * 64
    )
    sentence = "The mayor said the bridge\n\nwould reopen in May."
    mention = Mention.objects.create(
        claim=Claim.objects.create(story=story, text="The bridge reopens in May"),
        article=article,
        stance=Mention.Stance.REPEATS,
        sentence=sentence,
        start=0,
        end=len(sentence),
    )

    open_mention(page, live_server, mention)

    pieces = page.evaluate(SENTENCE_PIECES, f"m-{mention.pk}")
    assert [piece["text"] for piece in pieces] == [
        "✔The mayor said the bridge",
        "would reopen in May.",
    ]
    assert all(piece["whole"] and piece["outline"] == "solid" for piece in pieces)


def test_screenshots_of_a_denial_in_the_reader_on_a_desk_and_a_phone(page, live_server, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    denial = denial_a_quotation_runs_across(demo)
    for viewport, name in ((DESKTOP, "reader-desktop.png"), (PHONE, "reader-phone.png")):
        page.set_viewport_size(viewport)
        open_mention(page, live_server, denial)
        page.screenshot(path=SCREENSHOTS / name)
        assert (SCREENSHOTS / name).stat().st_size < 1_000_000
