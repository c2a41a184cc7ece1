"""Error pages in the site's layout naming what was wrong, filters checked against the story,
and the favicon."""

import urllib.request

import pytest

from articles.models import Article, Source, Story
from claims.filters import InvalidFilter, StoryFilter
from claims.models import Claim, Mention, Quote, Speaker, Stance

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
LAYOUT = '<header class="site-header">'


@pytest.fixture
def claim(article):
    speaker = Speaker.objects.create(name="Councillor Pia Brandt")
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    Mention.objects.create(
        claim=claim,
        article=article,
        stance=Stance.REPEATS,
        sentence=article.body,
        start=0,
        end=len(article.body),
        speaker=speaker,
    )
    return claim


@pytest.fixture
def other_story(db):
    """A second story with its own outlet and speaker, which the first story does not have."""
    story = Story.objects.create(title="A ferry strike", slug="a-ferry-strike")
    outlet = Source.objects.create(name="Harbour Courier", domain="courier.example")
    article = Article.objects.create(
        story=story,
        source=outlet,
        title="Ferries stop",
        file_name="ferry.txt",
        body="The union said the ferries would stop.",
        raw_text="The union said the ferries would stop.",
        content_hash="b" * 64,
    )
    speaker = Speaker.objects.create(name="Union chair Tomas Vell")
    Quote.objects.create(article=article, speaker=speaker, text="stop", start=0, end=4)
    return story


def page_of(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert LAYOUT in page and "favicon.svg" in page
    return page


# --- Not found ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/stories/nope/", "/stories/nope/claims/5/"])
def test_an_unknown_story_is_a_404_naming_its_address(client, db, path):
    page = page_of(client.get(path), 404)
    assert "There is no story at /stories/nope/." in page


@pytest.mark.parametrize(
    ("path", "missing"),
    [
        ("claims/123/", "There is no claim 123 in this story."),
        ("articles/123/", "There is no article 123 in this story."),
        ("sources/123/", "There is no outlet 123 in this story."),
    ],
)
def test_an_unknown_claim_article_or_outlet_is_a_404_naming_it(client, story, path, missing):
    page = page_of(client.get(f"/stories/{story.slug}/{path}"), 404)
    assert missing in page
    assert f'<a href="/stories/{story.slug}/">The timeline of A phone call</a>' in page


def test_a_claim_of_another_story_is_not_found_in_this_one(client, claim, other_story):
    page = page_of(client.get(f"/stories/{other_story.slug}/claims/{claim.pk}/"), 404)
    assert f"There is no claim {claim.pk} in this story." in page


def test_an_unknown_address_is_a_404_naming_the_path(client, db):
    page = page_of(client.get("/nowhere/here/"), 404)
    assert "There is no page at /nowhere/here/." in page
    assert '<a href="/">All stories</a>' in page


def test_markup_in_an_unknown_address_is_shown_as_text(client, db):
    page = page_of(client.get(f"/{SCRIPT}/"), 404)
    assert SCRIPT not in page
    assert f"There is no page at /{ESCAPED_SCRIPT}/." in page


# --- Bad filters --------------------------------------------------------------------------------


def test_a_bad_date_is_a_400_naming_the_field_and_value(client, claim):
    page = page_of(client.get("/stories/a-phone-call/", {"from": "2022-02-30"}), 400)
    assert "Bad filter: from: must be a date like 2022-01-27, not &#x27;2022-02-30&#x27;" in page
    assert '<a href="/stories/a-phone-call/">Open this page without its parameters</a>' in page


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("outlet", "Bad filter: outlet 999 is not an outlet of this story"),
        ("speaker", "Bad filter: speaker 999 is not a speaker of this story"),
    ],
)
def test_an_unknown_outlet_or_speaker_id_is_a_400_saying_so(client, claim, name, message):
    page = page_of(client.get("/stories/a-phone-call/", {name: "999"}), 400)
    assert message in page


def test_an_outlet_or_speaker_of_another_story_is_a_400(client, claim, other_story):
    outlet = Source.objects.get(name="Harbour Courier").pk
    speaker = Speaker.objects.get(name="Union chair Tomas Vell").pk
    page = page_of(client.get("/stories/a-phone-call/", {"outlet": outlet}), 400)
    assert f"Bad filter: outlet {outlet} is not an outlet of this story" in page
    page = page_of(client.get("/stories/a-phone-call/", {"speaker": speaker}), 400)
    assert f"Bad filter: speaker {speaker} is not a speaker of this story" in page


def test_the_exports_check_outlets_and_speakers_too(client, claim, other_story):
    outlet = Source.objects.get(name="Harbour Courier").pk
    for path in ("export/claims.csv", "export/timeline.json"):
        page = page_of(client.get(f"/stories/a-phone-call/{path}", {"outlet": outlet}), 400)
        assert f"outlet {outlet} is not an outlet of this story" in page


def test_a_speaker_known_only_by_quotes_filters_the_quotes_table(client, other_story):
    speaker = Speaker.objects.get(name="Union chair Tomas Vell").pk
    response = client.get("/stories/a-ferry-strike/export/quotes.csv", {"speaker": speaker})
    assert response.status_code == 200
    assert "Union chair Tomas Vell" in b"".join(response.streaming_content).decode()


def test_the_story_own_outlet_and_speaker_still_filter(client, claim, source):
    speaker = Speaker.objects.get(name="Councillor Pia Brandt").pk
    response = client.get("/stories/a-phone-call/", {"outlet": source.pk, "speaker": speaker})
    assert response.status_code == 200
    assert "The talks were productive" in response.content.decode()


def test_a_script_in_a_bad_filter_value_is_shown_as_text(client, claim):
    page = page_of(client.get("/stories/a-phone-call/", {"to": SCRIPT}), 400)
    assert SCRIPT not in page
    assert f"Bad filter: to: must be a date like 2022-01-27, not &#x27;{ESCAPED_SCRIPT}&#x27;" in (
        page
    )


def add_outlets_and_speakers(story, count):
    article = Article.objects.filter(story=story).first()
    for number in range(count):
        outlet = Source.objects.create(name=f"Outlet {number}", domain=f"o{number}.example")
        other = Article.objects.create(
            story=story,
            source=outlet,
            title=f"Article {number}",
            file_name=f"{number}.txt",
            body="x",
            raw_text="x",
            content_hash=f"{number:064d}",
        )
        speaker = Speaker.objects.create(name=f"Speaker {number}")
        claim = Claim.objects.create(story=story, text=f"Claim {number}")
        for where in (article, other):
            Mention.objects.create(
                claim=claim,
                article=where,
                stance=Stance.REPEATS,
                sentence="x",
                start=0,
                end=1,
                speaker=speaker,
            )
        Quote.objects.create(article=other, speaker=speaker, text="x", start=0, end=1)


def test_checking_outlet_and_speaker_costs_one_query_each_whatever_the_story_size(
    claim, source, django_assert_num_queries
):
    story = claim.story
    query = {"outlet": str(source.pk), "speaker": str(Speaker.objects.get().pk)}
    with django_assert_num_queries(2):
        StoryFilter.from_query(query, story)
    add_outlets_and_speakers(story, 40)
    with django_assert_num_queries(2):
        StoryFilter.from_query(query, story)
    with django_assert_num_queries(0), pytest.raises(InvalidFilter):
        StoryFilter.from_query({"outlet": "abc", "speaker": "1"}, story)


def test_a_request_django_refuses_gets_the_400_page_without_its_reason(client, db):
    page = page_of(client.get("/", HTTP_HOST="unknown-host.example"), 400)
    assert "This address could not be understood" in page
    assert "unknown-host.example" not in page


# --- Favicon ------------------------------------------------------------------------------------


def test_favicon_ico_is_answered_with_the_svg_mark(live_server):
    with urllib.request.urlopen(f"{live_server.url}/favicon.ico") as response:
        assert response.status == 200
        assert response.url.endswith("/static/favicon.svg")
        assert response.headers["Content-Type"].startswith("image/svg+xml")
        assert response.read().lstrip().startswith(b"<svg")
