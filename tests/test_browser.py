"""The pages in a real browser: Debian's Chromium, driven by Playwright, against the live server."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Source, Story
from claims.models import Claim, Mention

from .browser import SLUG, has_no_sideways_scroll

OUTLET = "News Today"

# The live server answers from its own thread, so it sees only committed rows.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def timeline_url(live_server, query=""):
    return f"{live_server.url}/stories/{SLUG}/{query}"


def most_contested(story):
    return Claim.objects.most_contested(story)[0]


def claim_count(page):
    """The "N claims" line at the top of the timeline."""
    return page.locator("#timeline > p.meta")


def chip_names(claim_item, stance=""):
    """Outlet names on a claim's chips, of one position or of all: a chip's own text, without
    its symbol and its position's words."""
    return claim_item.locator(f".chip{'.stance-' + stance if stance else ''}").evaluate_all(
        """chips => chips.map(chip => Array.from(chip.childNodes)
            .filter(node => node.nodeType === Node.TEXT_NODE)
            .map(node => node.textContent).join("").trim())"""
    )


def open_evidence(page, claim):
    """Click the claim's "Show the evidence" and return the panel once it is in place."""
    item = page.locator(f"#claim-{claim.pk}")
    item.locator("a.evidence-toggle").click()
    panel = item.locator("section.evidence-panel")
    expect(panel).to_be_visible()
    return panel


def test_the_demo_story_shows_its_figures_contested_claims_and_stance_chips(
    page, live_server, demo
):
    contested = most_contested(demo)
    claims = Claim.objects.current().filter(story=demo).count()

    page.goto(timeline_url(live_server))

    expect(page.get_by_role("heading", level=1)).to_have_text(demo.title)
    expect(page.locator(".figures")).to_contain_text(
        re.compile(rf"5 articles\s+3 outlets\s+{claims} claims")
    )
    expect(page.get_by_role("heading", name="Most contested")).to_be_visible()
    expect(page.locator(".contested li").first).to_contain_text(contested.text)
    item = page.locator(f"#claim-{contested.pk}")
    # Each chip spells its outlet's position out in words, not by colour alone.
    for chip in item.locator(".chip").all():
        expect(chip.locator(".chip-position")).to_have_text(
            re.compile("^(repeats|denies|both sides)$")
        )
    # A contested claim has outlets that carry a denial: on the denying side or on both.
    assert chip_names(item, "denies") + chip_names(item, "both")


def test_choosing_an_outlet_filters_the_timeline_in_place(page, live_server, demo):
    outlet = Source.objects.get(name=OUTLET)
    expected = Claim.objects.filter(story=demo, mentions__article__source=outlet).distinct()
    page.goto(timeline_url(live_server))
    # A full page load would start a new window object and lose this.
    page.evaluate("window.stillTheSamePage = true")

    page.locator("select[name=outlet]").select_option(label=OUTLET)

    expect(page).to_have_url(re.compile(rf"[?&]outlet={outlet.pk}(&|$)"))
    expect(claim_count(page)).to_contain_text(re.compile(rf"\b{expected.count()} claims\b"))
    assert page.evaluate("window.stillTheSamePage") is True
    items = page.locator("#timeline article.claim").all()
    assert items
    assert all(OUTLET in chip_names(item) for item in items)


def test_show_the_evidence_opens_the_mentions_inside_the_claim(page, live_server, demo):
    claim = most_contested(demo)
    page.goto(timeline_url(live_server))
    toggle = page.locator(f"#claim-{claim.pk} a.evidence-toggle")

    panel = open_evidence(page, claim)

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(
        page.locator(f"#{toggle.get_attribute('aria-controls')} .evidence-panel")
    ).to_be_visible()
    expect(panel).to_be_focused()
    # Each outlet shows its first mentions and links to the rest: together, all of them.
    more = panel.locator(".more-evidence a").all_inner_texts()
    hidden = sum(int(text.split()[0]) for text in more)
    assert panel.locator("li.mention").count() + hidden == claim.mentions.count()
    # Each stance is spelt out in words, not shown by its colour alone.
    expect(panel.locator(".stance-label", has_text="repeats").first).to_be_visible()
    expect(panel.locator(".stance-label", has_text="denies").first).to_be_visible()

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(panel).to_have_count(0)


def test_more_mentions_of_an_outlet_open_in_place_and_lead_back_to_every_outlet(
    page, live_server, demo
):
    claim = most_contested(demo)
    page.goto(timeline_url(live_server))
    page.evaluate("window.stillTheSamePage = true")
    panel = open_evidence(page, claim)
    more = panel.locator(".more-evidence a", has_text=" from ").first
    outlet = more.inner_text().split(" from ", 1)[1]
    count = claim.mentions.filter(article__source__name=outlet).count()

    more.click()

    panel = page.locator(f"#claim-{claim.pk} section.evidence-panel")
    expect(panel.locator(".evidence-heading")).to_have_text(f"The evidence from {outlet}")
    expect(panel.locator("li.mention")).to_have_count(count)
    assert page.evaluate("window.stillTheSamePage") is True

    panel.get_by_text("Every outlet's first mentions").click()

    expect(panel.locator(".evidence-heading")).to_have_text("The evidence, outlet by outlet")
    expect(panel.locator(".more-evidence a").first).to_be_visible()


def test_read_it_in_the_article_highlights_the_sentence_and_back_returns(page, live_server, demo):
    page.goto(timeline_url(live_server))
    link = open_evidence(page, most_contested(demo)).get_by_text("Read it in the article").first
    mention_id = link.get_attribute("href").rsplit("#m-", 1)[1]

    link.click()

    expect(page).to_have_url(re.compile(rf"/stories/{SLUG}/articles/\d+/#m-{mention_id}$"))
    sentence = page.locator(f"#m-{mention_id}")
    expect(sentence).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == f"m-{mention_id}"
    # The :target rule is what the reader sees as the highlight.
    assert sentence.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"

    page.go_back()

    expect(page).to_have_url(timeline_url(live_server))
    expect(page.locator("#timeline article.claim").first).to_be_visible()


def test_a_shared_filtered_address_opens_with_the_filter_applied(page, live_server, demo):
    outlet = Source.objects.get(name=OUTLET)
    matching = Mention.objects.filter(article__source=outlet, stance="denies")
    expected = Claim.objects.filter(story=demo, pk__in=matching.values("claim")).count()

    page.goto(timeline_url(live_server, f"?stance=denies&outlet={outlet.pk}"))

    expect(page.locator("select[name=stance]")).to_have_value("denies")
    expect(page.locator("select[name=outlet]")).to_have_value(str(outlet.pk))
    expect(claim_count(page)).to_contain_text(re.compile(rf"\b{expected} claims?\b"))
    items = page.locator("#timeline article.claim").all()
    assert len(items) == expected
    # An outlet that carries a denial denies the claim or reports both sides, never repeats it.
    assert all(OUTLET in chip_names(item, "denies") + chip_names(item, "both") for item in items)
    assert not any(OUTLET in chip_names(item, "repeats") for item in items)


def test_without_javascript_filters_and_evidence_work_as_full_pages(
    page_without_javascript, live_server, demo
):
    page = page_without_javascript
    outlet = Source.objects.get(name=OUTLET)
    expected = Claim.objects.filter(story=demo, mentions__article__source=outlet).distinct()
    page.goto(timeline_url(live_server))

    page.locator("select[name=outlet]").select_option(label=OUTLET)
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(rf"[?&]outlet={outlet.pk}(&|$)"))
    expect(claim_count(page)).to_contain_text(re.compile(rf"\b{expected.count()} claims\b"))
    first = page.locator("#timeline article.claim").first
    claim_text = first.locator(".claim-text").inner_text()

    first.locator("a.evidence-toggle").click()

    expect(page).to_have_url(re.compile(rf"/stories/{SLUG}/claims/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(claim_text)
    expect(page.locator("section.evidence-panel li.mention").first).to_be_visible()


def test_a_script_in_an_article_is_shown_as_text_and_not_run(page, live_server):
    body = "The page said <script>window.pwned=1</script> and nothing more."
    story = Story.objects.create(title="A hostile page", slug="hostile")
    article = Article.objects.create(
        story=story,
        file_name="hostile.txt",
        body=body,
        raw_text=body,
        content_hash="b" * 64,
    )

    page.goto(f"{live_server.url}/stories/hostile/articles/{article.pk}/")

    expect(page.locator(".reader .body")).to_contain_text("<script>window.pwned=1</script>")
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_on_a_phone_the_timeline_does_not_scroll_sideways(page, live_server, demo):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(timeline_url(live_server))

    assert has_no_sideways_scroll(page)

    # Quoted evidence holds the longest unbroken text on the page.
    open_evidence(page, most_contested(demo))

    assert has_no_sideways_scroll(page)


def test_an_editor_changes_a_stance_and_the_public_timeline_shows_it(page, live_server, demo):
    from django.apps import apps
    from django.contrib.auth.models import Group, User

    from claims.roles import create_roles

    # Tests that share the live server empty the database between them, groups included.
    create_roles(apps)
    editor = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    claim = most_contested(demo)
    mention = claim.mentions.filter(stance="repeats", article__source__name=OUTLET).first()
    assert OUTLET not in set(
        claim.mentions.filter(stance="denies").values_list("article__source__name", flat=True)
    )

    page.goto(f"{live_server.url}/admin/login/?next=/admin/claims/claim/{claim.pk}/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    sentence_field = page.locator("textarea[name$='-sentence']").filter(has_text=mention.sentence)
    row_prefix = sentence_field.get_attribute("name").removesuffix("-sentence")
    page.select_option(f"select[name='{row_prefix}-stance']", "denies")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(timeline_url(live_server))
    item = page.locator(f"#claim-{claim.pk}")
    assert OUTLET in chip_names(item, "denies") + chip_names(item, "both")
    assert OUTLET not in chip_names(item, "repeats")
    mention.refresh_from_db()
    assert (mention.stance, mention.set_by) == ("denies", "editor")
