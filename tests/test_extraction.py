"""Reading web pages: main text without site chrome, the metadata each kind of page states."""

import datetime
import pathlib

import pytest

from articles.extraction import article_from_html, file_name_for_url
from articles.fetching import fetch
from articles.reading import UnreadableFile

PAGES = pathlib.Path(__file__).parent / "fixtures" / "pages"
JSON_LD_PAGE = "harbour-gazette-jsonld.html"
META_TAGS_PAGE = "valley-echo-meta.html"
BARE_PAGE = "plain-weekly-bare.html"


def page_html(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def read_page(name: str, **kwargs):
    return article_from_html(page_html(name), file_name=name, **kwargs)


def paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


def test_a_json_ld_news_page_gives_its_paragraphs_without_the_chrome():
    text = read_page(JSON_LD_PAGE)
    lines = paragraphs(text.body)
    assert lines[0] == "Ferry operator suspends night crossings after engine fault"
    assert lines[1].startswith("The operator of the Brackenmouth ferry has suspended")
    assert lines[-1].startswith("Commuters who rely on the late service")
    assert len(lines) == 5
    for chrome in ("Subscribe", "Advertisement", "Most read", "Seal pup", "Privacy policy", "©"):
        assert chrome not in text.body


def test_a_json_ld_news_page_gives_its_metadata():
    text = read_page(JSON_LD_PAGE)
    assert text.title == "Ferry operator suspends night crossings after engine fault"
    assert text.author == "Morwenna Tallis"
    # The date it was first published, not the later update.
    assert text.published == datetime.date(2024, 4, 16)
    assert text.outlet == "The Harbour Gazette"
    assert text.url == (
        "https://www.harbourgazette.example/news/2024/04/ferry-night-crossings-suspended"
    )
    assert text.outlet_domain == "harbourgazette.example"
    assert text.language == "en-GB"


def test_a_page_with_meta_tags_only_gives_its_text_and_metadata():
    text = read_page(META_TAGS_PAGE)
    lines = paragraphs(text.body)
    assert lines[0] == "Reservoir levels fall to lowest in a decade"
    assert lines[1].startswith("Water stored in the three reservoirs above Millbridge")
    assert len(lines) == 5
    for chrome in ("cookies", "Front page", "Letters", "Echo Media Group"):
        assert chrome not in text.body
    assert text.author == "Bartholomew Quince"
    assert text.published == datetime.date(2024, 8, 2)
    assert text.outlet == "Valley Echo"
    assert text.url == "https://valleyecho.example/environment/reservoir-levels-lowest-decade"
    assert text.outlet_domain == "valleyecho.example"
    assert text.language == "en"


def test_a_bare_page_gives_its_byline_and_date_from_the_text():
    text = read_page(BARE_PAGE, url="https://dunmere-weekly.example/news/clock")
    lines = paragraphs(text.body)
    assert lines[0] == "Town hall clock to chime again after repair"
    assert lines[1].startswith("The clock on Dunmere town hall will chime again")
    assert len(lines) == 5
    assert "By Hester Pomfrey" not in text.body
    assert "12 March 2024" not in text.body
    assert text.author == "Hester Pomfrey"
    assert text.published == datetime.date(2024, 3, 12)
    assert text.url == "https://dunmere-weekly.example/news/clock"
    assert text.outlet_domain == "dunmere-weekly.example"


def test_a_site_name_that_is_only_a_domain_leaves_the_outlet_to_the_domain():
    html = page_html(META_TAGS_PAGE).replace(
        'content="Valley Echo"', 'content="valleyecho.example"'
    )
    text = article_from_html(html, file_name="echo.html")
    assert text.outlet == ""
    assert text.outlet_domain == "valleyecho.example"


def test_the_page_is_kept_with_when_and_where_it_was_fetched():
    fetched_at = datetime.datetime(2024, 8, 2, 9, 0, tzinfo=datetime.UTC)
    final = "https://valleyecho.example/environment/reservoir-levels-lowest-decade?page=1"
    text = read_page(
        META_TAGS_PAGE,
        url="https://valleyecho.example/r/1",
        fetched_url=final,
        fetched_at=fetched_at,
    )
    assert text.html == page_html(META_TAGS_PAGE)
    assert text.fetched_at == fetched_at
    assert text.fetched_url == final
    assert text.file_name == META_TAGS_PAGE


def test_an_unchanged_page_hashes_alike_even_when_its_chrome_changes():
    first = read_page(JSON_LD_PAGE)
    again = read_page(JSON_LD_PAGE)
    new_advert = article_from_html(
        page_html(JSON_LD_PAGE).replace("Saltmarsh Spa", "Old Mill Bakery"),
        file_name=JSON_LD_PAGE,
    )
    edited = article_from_html(
        page_html(JSON_LD_PAGE).replace("at least a week", "at least a fortnight"),
        file_name=JSON_LD_PAGE,
    )
    assert first.content_hash == again.content_hash == new_advert.content_hash
    assert edited.content_hash != first.content_hash
    assert "at least a fortnight" in edited.body


def test_one_story_on_two_sites_is_two_articles():
    here = read_page(BARE_PAGE, url="https://dunmere-weekly.example/clock")
    there = read_page(BARE_PAGE, url="https://county-post.example/dunmere-clock")
    assert here.body == there.body
    assert here.content_hash != there.content_hash


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<html><head><title>Empty</title></head><body></body></html>",
        "",
    ],
)
def test_a_page_without_main_text_is_refused_naming_it(html):
    with pytest.raises(UnreadableFile) as refused:
        article_from_html(html, file_name="menu.html", url="https://news.example/menu")
    assert str(refused.value) == "https://news.example/menu: the page has no main text to read"


def test_a_fetched_page_is_read_with_its_final_address(settings, local_site):
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True
    local_site.redirect("/latest", "/news/clock")
    local_site.page("/news/clock", (PAGES / BARE_PAGE).read_bytes(), content_type="text/html")
    page = fetch(local_site.url("/latest"), max_bytes=settings.NEWSROOM_MAX_FILE_BYTES)
    text = article_from_html(
        page.text(),
        file_name=file_name_for_url(page.url),
        url=page.url,
        fetched_at=page.fetched_at,
        fetched_url=page.final_url,
    )
    assert text.url == local_site.url("/news/clock")
    assert text.fetched_url == local_site.url("/news/clock")
    assert text.outlet_domain == "127.0.0.1"
    assert text.author == "Hester Pomfrey"
    assert text.fetched_at == page.fetched_at


def test_a_file_name_for_an_address_is_readable_and_stable():
    name = file_name_for_url("https://www.harbourgazette.example/news/2024/04/ferry-suspended")
    assert name.startswith("harbourgazette-example-news-2024-04-ferry-suspended-")
    assert name.endswith(".html")
    same_page = [
        "http://harbourgazette.example/news/2024/04/ferry-suspended/",
        "https://WWW.HarbourGazette.example:443/news/2024/04/ferry-suspended#comments",
        "https://www.harbourgazette.example/news/2024/04/ferry-suspended?utm_source=feed",
    ]
    assert {file_name_for_url(url) for url in same_page} == {name}


def test_different_addresses_get_different_file_names():
    names = {
        file_name_for_url("https://news.example/story?id=1"),
        file_name_for_url("https://news.example/story?id=2"),
        file_name_for_url("https://news.example/Story"),
        file_name_for_url("https://other.example/story?id=1"),
    }
    assert len(names) == 4


def test_a_long_address_still_fits_a_file_name():
    name = file_name_for_url("https://news.example/" + "very-long-words/" * 100)
    assert len(name) <= 255
    assert name.startswith("news-example-very-long-words")
