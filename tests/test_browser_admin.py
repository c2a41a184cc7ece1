"""The admin pages an editor works in, in a real browser at 1,280 px: nothing clipped, nothing
scrolling sideways, nothing the Content-Security-Policy refuses."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim

from .browser import DESKTOP, SCREENSHOTS, has_no_sideways_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The cells, in `selector`'s tables, whose content is wider than the cell shows.
CLIPPED_CELLS = """selector => [...document.querySelectorAll(selector)]
    .filter(cell => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth)
    .map(cell => `${cell.className}: ${cell.textContent.trim().slice(0, 40)}`)"""


@pytest.fixture
def editor_page(page, live_server, demo, django_user_model):
    """A browser at 1,280 px, logged in through the admin's login form as a superuser."""
    django_user_model.objects.create_superuser("chief", "chief@example.com", "a-long-password")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("chief")
    return page


def right_edge(page, selector):
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().right")


def assert_fits_the_screen(page, table):
    assert page.evaluate(CLIPPED_CELLS, f"{table} th, {table} td") == []
    assert right_edge(page, table) <= DESKTOP["width"]
    assert has_no_sideways_scroll(page)


def a_contested_claim():
    """The claim someone denies that has the most mentions: the longest mention inline."""
    return max(
        Claim.objects.current().filter(mentions__stance="denies").distinct(),
        key=lambda claim: (claim.mentions.count(), -claim.pk),
    )


def test_the_review_queue_shows_every_column_unclipped(editor_page, live_server):
    page = editor_page

    page.goto(f"{live_server.url}/admin/claims/reviewqueue/")

    headers = page.locator("#result_list thead th").all_inner_texts()
    for header in ("TEXT", "OUTLETS AND THEIR POSITIONS", "FIRST REPORT", "EVIDENCE", "DENIALS"):
        assert any(" ".join(text.split()) == header for text in headers), header
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row.locator("td.field-denials")).not_to_have_text("0")
    expect(first_row.locator("td.field-outlet_positions")).not_to_be_empty()
    expect(first_row.locator("td.field-first_report time")).to_be_visible()
    assert_fits_the_screen(page, "#result_list")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "admin-review-queue.png")
    assert (SCREENSHOTS / "admin-review-queue.png").stat().st_size < 1_000_000


def test_the_claim_page_fits_and_each_mentions_sentence_wraps_in_its_cell(editor_page, live_server):
    page = editor_page
    claim = a_contested_claim()

    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")

    rows = page.locator("#mentions-group tbody tr.has_original")
    expect(rows).to_have_count(claim.mentions.count())
    for label in page.locator("#mentions-group td.original").all_inner_texts():
        assert claim.text[:40] not in label
    assert_fits_the_screen(page, "#mentions-group table")
    assert page.evaluate(CLIPPED_CELLS, "#mentions-group .select2-selection__rendered") == []
    for number in range(rows.count()):
        cell = rows.nth(number).locator("td.field-sentence")
        box = cell.locator("textarea").evaluate(
            """area => ({width: area.getBoundingClientRect().width,
                         cell: area.parentElement.clientWidth - 12,
                         wraps: area.scrollWidth <= area.clientWidth})"""
        )
        assert box["wraps"]
        assert box["width"] >= box["cell"] - 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=SCREENSHOTS / "admin-claim.png",
        full_page=True,
        clip={"x": 0, "y": 0, "width": DESKTOP["width"], "height": 1600},
    )
    assert (SCREENSHOTS / "admin-claim.png").stat().st_size < 1_000_000


def test_the_claims_history_page_breaks_no_content_security_rule(editor_page, live_server):
    page = editor_page
    claim = a_contested_claim()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(
        """window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', event =>
            window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));"""
    )

    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/history/")

    expect(page.locator("#change-history tbody tr").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.cspViolations") == []
    assert errors == []
    paginator = page.locator("p.paginator")
    expect(paginator).to_contain_text("entries")
    assert paginator.evaluate("p => getComputedStyle(p).borderTopWidth") == "0px"


def test_the_merge_confirmation_fits_the_screen(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/claims/claim/")
    assert_fits_the_screen(page, "#result_list")

    page.locator("#result_list input.action-select").nth(0).check()
    page.locator("#result_list input.action-select").nth(1).check()
    page.select_option("select[name=action]", label="Merge selected claims…")
    page.click("button[name=index]")

    expect(page.locator("h1")).to_have_text("Merge claims")
    expect(page.locator("input[name=keep]")).to_have_count(2)
    assert_fits_the_screen(page, "#content table")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "admin-merge-confirmation.png")
    assert (SCREENSHOTS / "admin-merge-confirmation.png").stat().st_size < 1_000_000
