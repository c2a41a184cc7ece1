"""Live updates in a real browser: an article ingested while the timeline is open is announced
and shown without a reload, on a desk and on a phone."""

import io
import re
import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Story
from claims.filters import StoryFilter
from claims.models import Claim, Stance

from .browser import DEMO, DESKTOP, PHONE, SLUG, has_no_sideways_scroll, story_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The demo file that arrives while the timeline is open: it brings claims of its own.
LATE_FILE = "004_696627c64d0d201d.txt"
# Polls come every second here; the first answer may take one more poll.
ANNOUNCED_WITHIN_MS = 15_000


def manifest_without(file_name):
    """The demo's story.toml without the entry of `file_name`: an entry for a file the folder
    does not hold would count as a failure of the ingest."""
    head, *entries = (DEMO / "story.toml").read_text(encoding="utf-8").split("\n[[articles]]")
    kept = [entry for entry in entries if f'"{file_name}"' not in entry]
    return "\n[[articles]]".join([head, *kept])


@pytest.fixture
def demo_but_one(live_server, tmp_path, settings):
    """The demo story ingested from a folder that lacks LATE_FILE, polled every second."""
    settings.NEWSROOM_POLL_SECONDS = 1
    folder = tmp_path / SLUG
    folder.mkdir()
    for text in DEMO.glob("*.txt"):
        if text.name != LATE_FILE:
            shutil.copy(text, folder)
    (folder / "story.toml").write_text(manifest_without(LATE_FILE), encoding="utf-8")
    call_command("ingest", str(folder), stdout=io.StringIO())
    return Story.objects.get(slug=SLUG)


def claim_count(page):
    """The "N claims" line at the top of the timeline."""
    return page.locator("#timeline > p.meta")


def an_unchanged_poll(page):
    """Wait for a poll the server answers 304: the story did not change since the last one."""
    with page.expect_response(lambda r: "/updates/" in r.url and r.status == 304):
        pass


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_article_ingested_while_the_timeline_is_open_is_announced_and_shown(
    page, live_server, demo_but_one, viewport
):
    page.set_viewport_size(viewport)
    page.goto(story_url(live_server))
    # A full page load would start a new window object and lose this.
    page.evaluate("window.stillTheSamePage = true")
    claims_before = Claim.objects.current().filter(story=demo_but_one).count()
    expect(claim_count(page)).to_contain_text(re.compile(rf"\b{claims_before} claims\b"))
    news = page.locator(".live-news")
    an_unchanged_poll(page)
    expect(news).to_have_text("")

    call_command("ingest", str(DEMO / LATE_FILE), "--story", SLUG, stdout=io.StringIO())
    claims_after = Claim.objects.current().filter(story=demo_but_one).count()
    assert claims_after != claims_before

    expect(news).to_have_text("1 new article: show", timeout=ANNOUNCED_WITHIN_MS)
    expect(news).to_have_attribute("role", "status")
    assert has_no_sideways_scroll(page)
    news.get_by_role("link", name="show").click()

    expect(claim_count(page)).to_contain_text(re.compile(rf"\b{claims_after} claims\b"))
    expect(news).to_have_text("")
    expect(page.locator("#timeline")).to_be_focused()
    assert page.evaluate("window.stillTheSamePage") is True
    # The counter starts again from what was shown: the next polls find nothing new.
    an_unchanged_poll(page)
    an_unchanged_poll(page)
    expect(news).to_have_text("")


def test_show_keeps_the_filters_the_reader_chose(page, live_server, demo_but_one):
    page.set_viewport_size(DESKTOP)
    page.goto(story_url(live_server))
    page.locator("select[name=stance]").select_option(Stance.DENIES.value)
    expect(page).to_have_url(re.compile(rf"[?&]stance={Stance.DENIES.value}(&|$)"))
    call_command("ingest", str(DEMO / LATE_FILE), "--story", SLUG, stdout=io.StringIO())
    denying = StoryFilter.from_query({"stance": Stance.DENIES.value}, demo_but_one)
    shown = denying.claims(Claim.objects.for_timeline(demo_but_one)).count()

    page.locator(".live-news").get_by_role("link", name="show").click(timeout=ANNOUNCED_WITHIN_MS)

    expect(claim_count(page)).to_contain_text(re.compile(rf"\b{shown} claims?\b"))
    expect(page.locator("select[name=stance]")).to_have_value(Stance.DENIES.value)
