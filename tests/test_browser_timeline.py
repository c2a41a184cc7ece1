"""The timeline in a real browser: its picture, its claim cards and its filters, on a desk and
on a phone."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim

from .browser import DESKTOP, PHONE, SCREENSHOTS, has_no_sideways_scroll, story_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_mark_of_the_picture_opens_its_claim_in_place(page, live_server, demo, viewport):
    page.set_viewport_size(viewport)
    page.goto(story_url(live_server))
    mark = page.locator(".picture-marks a").first
    claim = Claim.objects.get(pk=mark.get_attribute("href").rstrip("/").split("/")[-1])

    mark.click()

    panel = page.locator("#picture-claim")
    expect(panel.locator(".claim-text")).to_have_text(claim.text)
    expect(panel.locator(".chips li").first).to_be_visible()
    assert page.url == story_url(live_server)
    assert has_no_sideways_scroll(page)


def test_without_javascript_a_mark_opens_the_claims_page(
    page_without_javascript, live_server, demo
):
    page = page_without_javascript
    page.goto(story_url(live_server))

    page.locator(".picture-marks a").first.click()

    expect(page.locator("h1")).to_be_visible()
    assert "/claims/" in page.url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_each_outlet_appears_once_on_each_claim_card(page, live_server, demo, viewport):
    page.set_viewport_size(viewport)
    page.goto(story_url(live_server))

    cards = page.locator("#timeline ol.claims article.claim")
    assert cards.count() > 10
    for number in range(cards.count()):
        names = [
            chip.split("\n")[0]
            for chip in cards.nth(number)
            .locator(".chip")
            .evaluate_all("chips => chips.map(c => c.childNodes[1].textContent.trim())")
        ]
        assert len(names) == len(set(names))


def test_on_a_phone_outlet_names_stay_in_view_as_the_days_scroll(page, live_server, demo):
    page.set_viewport_size(PHONE)
    page.goto(story_url(live_server))
    label = page.locator(".lane-label").first
    before = label.bounding_box()

    page.locator(".picture-scroll").evaluate("box => box.scrollBy(400, 0)")

    assert label.bounding_box() == before
    assert label.bounding_box()["x"] >= 0
    assert has_no_sideways_scroll(page)


def test_on_a_phone_the_filters_fold_behind_one_button(page, live_server, demo):
    page.set_viewport_size(PHONE)
    page.goto(story_url(live_server))
    expect(page.locator("#filters")).to_be_hidden()

    page.get_by_role("button", name="Filter").click()

    expect(page.locator("#filters select[name=outlet]")).to_be_visible()


def test_the_evidence_toggle_reads_hide_while_the_evidence_is_open(page, live_server, demo):
    page.goto(story_url(live_server))
    card = page.locator("#timeline ol.claims article.claim").first
    toggle = card.locator("a.evidence-toggle")

    toggle.click()
    expect(card.locator(".outlet-heading").first).to_be_visible()
    expect(toggle).to_have_text("Hide the evidence")

    toggle.click()
    expect(card.locator(".evidence-panel")).to_have_count(0)
    expect(toggle).to_contain_text("Show the evidence")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots_of_the_timeline_picture_and_an_opened_claim(page, live_server, demo, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = "desktop" if viewport == DESKTOP else "phone"
    page.set_viewport_size(viewport)
    page.goto(story_url(live_server))
    page.locator(".picture").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / f"timeline-{width}.png")

    contested = Claim.objects.most_contested(demo)[0]
    page.locator(f".picture-marks a[href$='/claims/{contested.pk}/']").first.click()
    expect(page.locator("#picture-claim .claim-text")).to_be_visible()
    page.locator("#picture-claim a.evidence-toggle").click()
    expect(page.locator("#picture-claim .outlet-heading").first).to_be_visible()
    page.locator("#picture-claim").evaluate("el => el.scrollIntoView()")
    page.screenshot(path=SCREENSHOTS / f"claim-opened-{width}.png")

    for name in ("timeline", "claim-opened"):
        assert (SCREENSHOTS / f"{name}-{width}.png").stat().st_size < 1_000_000


def test_a_filter_the_server_refuses_says_why_in_place(page, live_server, demo):
    page.goto(story_url(live_server))

    page.fill("input[name=from]", "2030-01-02")
    page.fill("input[name=to]", "2030-01-01")
    page.locator("#filters button[type=submit]").click()

    expect(page.locator("#request-error")).to_contain_text("Bad filter")
    expect(page.locator("#timeline")).to_be_visible()
