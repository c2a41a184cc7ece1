"""The matrix in a real browser: it fits the window, and the claims stay in view sideways."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Source
from claims.models import Claim, Mention, Stance

from .browser import DESKTOP, PHONE, SCREENSHOTS, has_no_sideways_scroll, story_url

# The live server answers from its own thread, so it sees only committed rows.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DENIAL_SYMBOLS = {"✖", "±"}


def add_outlets(story, count):
    """Outlets with an article in the story that repeats one of its claims: more columns."""
    claim = Claim.objects.current().filter(story=story).first()
    for number in range(count):
        name = f"Invented Wire {number:02}"
        article = Article.objects.create(
            story=story,
            source=Source.objects.create(name=name),
            file_name=f"wire-{number:02}.txt",
            body=name,
            raw_text=name,
            content_hash=f"wire-{number:02}".ljust(64, "0"),
        )
        Mention.objects.create(
            claim=claim,
            article=article,
            stance=Stance.REPEATS,
            sentence=name,
            start=0,
            end=len(name),
        )


def row_symbols(page):
    """The symbols each row of the table shows, top row first."""
    return [
        set(row.locator("td [aria-hidden=true]").all_inner_texts())
        for row in page.locator(".matrix tbody tr").all()
    ]


def box_overflows(page):
    return page.locator(".matrix-scroll").evaluate("box => box.scrollWidth > box.clientWidth")


def test_the_matrix_fits_a_desktop_and_a_phone_and_leads_with_a_contested_claim(
    page, live_server, demo
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport, screenshot in ((DESKTOP, "matrix-desktop.png"), (PHONE, "matrix-phone.png")):
        page.set_viewport_size(viewport)
        page.goto(story_url(live_server, "matrix/"))

        legend = page.locator(".matrix-legend")
        expect(legend).to_be_visible()
        expect(legend).to_contain_text("✔ repeats")
        expect(legend).to_contain_text("✖ denies")
        expect(legend).to_contain_text("± reports both sides")
        assert legend.bounding_box()["y"] < page.locator("table.matrix").bounding_box()["y"]

        symbols = row_symbols(page)
        assert symbols[0] & DENIAL_SYMBOLS
        contested = [bool(row & DENIAL_SYMBOLS) for row in symbols]
        assert contested == sorted(contested, reverse=True)

        silent = page.locator(".matrix td.matrix-silent")
        assert silent.count() > 0
        assert set(silent.all_inner_texts()) == {""}

        assert has_no_sideways_scroll(page)
        # On a desk the story's few outlets all fit: nothing to scroll, even inside the box.
        assert viewport is PHONE or not box_overflows(page)
        page.screenshot(path=SCREENSHOTS / screenshot, full_page=True)
        assert (SCREENSHOTS / screenshot).stat().st_size < 1_000_000


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_claim_column_stays_in_view_when_the_table_scrolls_sideways(
    page, live_server, demo, viewport
):
    add_outlets(demo, 14)
    page.set_viewport_size(viewport)
    page.goto(story_url(live_server, "matrix/"))
    box = page.locator(".matrix-scroll")
    claim = page.locator(".matrix tbody th").first
    before = claim.bounding_box()

    assert box_overflows(page)
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")

    assert box.evaluate("box => box.scrollLeft") > 0
    after = claim.bounding_box()
    assert after["x"] == pytest.approx(before["x"], abs=1)
    # The claim's cell lies over the cells that slide under it, not behind them.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('th')?.scope",
        [after["x"] + after["width"] / 2, after["y"] + after["height"] / 2],
    )
    assert on_top == "row"
    assert has_no_sideways_scroll(page)
