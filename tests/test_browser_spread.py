"""How the story spread, in a real browser: the picture shows, its articles open in the reader,
and on a phone only the picture's own box scrolls sideways."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .browser import DESKTOP, PHONE, SCREENSHOTS, has_no_sideways_scroll, story_url

# The live server answers from its own thread, so it sees only committed rows.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def label_boxes(page):
    """The box of every line of text in the picture, as drawn."""
    return page.locator(".spread-picture text").evaluate_all(
        "texts => texts.map(t => { const b = t.getBoundingClientRect();"
        " return [b.left, b.top, b.right, b.bottom, t.textContent]; })"
    )


def overlapping(boxes):
    return [
        (a[4], b[4])
        for index, a in enumerate(boxes)
        for b in boxes[index + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


@pytest.mark.parametrize(
    "viewport, screenshot",
    [(DESKTOP, "spread-desktop.png"), (PHONE, "spread-phone.png")],
    ids=["desktop", "phone"],
)
def test_the_spread_shows_every_article_with_no_label_over_another(
    page, live_server, demo, viewport, screenshot
):
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Refused" in message.text else None,
    )
    page.set_viewport_size(viewport)
    page.goto(story_url(live_server))
    page.get_by_role("link", name="How it spread").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("How the story spread")
    picture = page.locator("svg.spread-picture")
    expect(picture).to_be_visible()
    articles = demo.articles.count()
    expect(picture.locator("a.spread-node")).to_have_count(articles)
    expect(page.locator(".spread-list li")).to_have_count(articles)
    expect(picture.locator(".spread-first")).to_have_count(1)
    expect(picture.locator("path.spread-edge")).to_have_count(articles - 1)
    # The demo's machine-translated copy is drawn and listed as one.
    expect(picture.locator("path.spread-edge-translation")).to_have_count(1)
    expect(page.locator(".spread-list")).to_contain_text("is a machine translation or rewording")
    assert overlapping(label_boxes(page)) == []
    assert has_no_sideways_scroll(page)
    # The Content-Security-Policy let everything on the page through.
    assert refused == []

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / screenshot, full_page=True)
    assert (SCREENSHOTS / screenshot).stat().st_size < 1_000_000


def test_on_a_phone_the_picture_scrolls_inside_its_box_and_a_node_opens_the_reader(
    page, live_server, demo
):
    page.set_viewport_size(PHONE)
    page.goto(story_url(live_server, "spread/"))
    box = page.locator(".spread-scroll")

    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    assert box.evaluate("box => box.scrollLeft") > 0
    assert has_no_sideways_scroll(page)

    last = page.locator("svg.spread-picture a.spread-node").last
    article = Article.objects.get(pk=last.get_attribute("href").rstrip("/").rsplit("/", 1)[1])
    last.locator("circle").click()

    expect(page).to_have_url(re.compile(rf"/stories/{demo.slug}/articles/{article.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.headline)
    assert has_no_sideways_scroll(page)


def test_without_javascript_the_picture_shows_and_its_nodes_open_the_reader(
    page_without_javascript, live_server, demo
):
    page = page_without_javascript
    page.goto(story_url(live_server, "spread/"))

    first = page.locator("svg.spread-picture a.spread-first")
    expect(first).to_be_visible()
    first.locator("circle").click()

    expect(page).to_have_url(re.compile(rf"/stories/{demo.slug}/articles/\d+/$"))
