"""The story's timeline: summary, contested claims, outlet chips, filters, fragments, speed."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Source, Story
from claims.models import Claim, Mention, Speaker
from claims.picture import MAX_LANES
from claims.views import TIMELINE_CHIPS


@pytest.fixture
def story_with_claims(db):
    story = Story.objects.create(title="The bridge", slug="bridge")
    herald = Source.objects.create(name="The Herald")
    gazette = Source.objects.create(name="The Gazette")
    speaker = Speaker.objects.create(name="Mayor Ann Lee")
    articles = []
    for number, source in enumerate([herald, gazette]):
        body = "The bridge will close in May. The mayor denies it."
        articles.append(
            Article.objects.create(
                story=story,
                source=source,
                file_name=f"{number}.txt",
                body=body,
                raw_text=body,
                content_hash=f"{number:064x}",
                published=datetime.date(2023, 3, number + 1),
            )
        )
    contested = Claim.objects.create(
        story=story, text="The bridge will close in May", event_date=datetime.date(2023, 3, 1)
    )
    quiet = Claim.objects.create(
        story=story, text="Tolls will rise", event_date=datetime.date(2023, 3, 2)
    )
    Mention.objects.create(
        claim=contested,
        article=articles[0],
        stance="repeats",
        sentence="The bridge will close in May.",
        start=0,
        end=29,
    )
    Mention.objects.create(
        claim=contested,
        article=articles[1],
        stance="denies",
        sentence="The mayor denies it.",
        start=30,
        end=50,
        speaker=speaker,
    )
    Mention.objects.create(
        claim=quiet,
        article=articles[1],
        stance="repeats",
        sentence="The bridge will close in May.",
        start=0,
        end=29,
    )
    return story


def card_of(page, claim_text):
    """The HTML of a claim's card on the timeline list."""
    card = page[page.index(claim_text, page.index('<ol class="claims">')) :]
    return card[: card.index("</article>")]


def chips(card):
    """(outlet, position words) of each outlet chip on a card."""
    found = re.findall(r'class="chip stance-\w+"[^>]*>(.*?)</li>', card, re.S)
    words = [
        re.sub(r"<[^>]+>", "", chip).replace("✔", "").replace("✖", "").replace("±", "")
        for chip in found
    ]
    return [" ".join(word.split()) for word in words]


def test_timeline_sums_up_the_story_and_puts_contested_claims_first(client, story_with_claims):
    page = client.get("/stories/bridge/").content.decode()

    assert "<strong>2</strong> articles" in page
    assert "<strong>2</strong> outlets" in page
    assert "<strong>2</strong> claims" in page
    contested = page.index("Most contested")
    assert "The bridge will close in May" in page[contested : contested + 600]
    assert "repeated by 1 outlet" in page[contested : contested + 900]
    assert "denied by 1" in page[contested : contested + 900]
    assert "both sides reported by 0" not in page


def test_a_card_says_who_said_it_who_denied_it_and_where_each_outlet_stands(
    client, story_with_claims
):
    claim = Claim.objects.get(text="The bridge will close in May")
    claim.origin_speaker = Speaker.objects.create(name="An engineer")
    claim.origin_source = Source.objects.get(name="The Herald")
    claim.save()

    card = card_of(client.get("/stories/bridge/").content.decode(), "The bridge will close in May")

    text = " ".join(re.sub(r"<[^>]+>", "", card).split())
    assert "Said by An engineer (via The Herald), 1 March 2023" in text
    assert "Denied by Mayor Ann Lee" in text
    assert chips(card) == ["The Herald repeats", "The Gazette denies"]
    assert "Verdict" not in card and "no outlet" not in card


def test_a_verdict_shows_once_an_editor_gives_one(client, story_with_claims):
    Claim.objects.filter(text="Tolls will rise").update(verdict=Claim.Verdict.FALSE)

    page = client.get("/stories/bridge/").content.decode()

    assert "Verdict: false" in card_of(page, "Tolls will rise")
    assert "Verdict" not in card_of(page, "The bridge will close in May")


def test_an_outlet_carrying_a_claim_and_its_denial_stands_once_for_both_sides(
    client, story_with_claims
):
    herald_article = Article.objects.get(source__name="The Herald")
    Mention.objects.create(
        claim=Claim.objects.get(text="The bridge will close in May"),
        article=herald_article,
        stance="denies",
        sentence="The mayor denies it.",
        start=30,
        end=50,
        speaker=Speaker.objects.get(),
    )

    card = card_of(client.get("/stories/bridge/").content.decode(), "The bridge will close in May")

    assert chips(card) == ["The Herald both sides", "The Gazette denies"]


def test_the_picture_puts_each_claim_in_its_outlets_lane_on_the_day_it_carried_it(
    client, story_with_claims
):
    claim = Claim.objects.get(text="The bridge will close in May")

    page = client.get("/stories/bridge/").content.decode()

    picture = page[page.index('<figure class="picture">') : page.index("</figure>")]
    assert picture.index("<title>The Herald</title>") < picture.index("<title>The Gazette</title>")
    assert "1 Mar" in picture and "2 Mar" in picture and "2023" in picture
    assert 'aria-label="The Gazette denies, 2 Mar 2023: The bridge will close in May"' in picture
    assert (
        f'href="/stories/bridge/claims/{claim.pk}/" hx-get="/stories/bridge/claims/{claim.pk}/"'
        in picture
    )
    assert picture.count('class="mark-target"') == 3


def test_a_mark_opens_its_claims_card_in_place(client, story_with_claims):
    claim = Claim.objects.get(text="The bridge will close in May")

    fragment = client.get(
        f"/stories/bridge/claims/{claim.pk}/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="picture-claim",
    ).content.decode()

    assert fragment.lstrip().startswith('<article class="claim">')
    assert "Denied by" in fragment and chips(fragment) == [
        "The Herald repeats",
        "The Gazette denies",
    ]
    assert f'id="picture-evidence-{claim.pk}"' in fragment


def test_export_links_carry_the_filter_or_nothing(client, story_with_claims):
    page = client.get("/stories/bridge/").content.decode()
    assert 'href="/stories/bridge/export/claims.csv"' in page
    assert '?"' not in page

    page = client.get("/stories/bridge/", {"q": "tolls"}).content.decode()
    assert 'href="/stories/bridge/export/claims.csv?q=tolls"' in page


def test_filters_keep_matching_claims(client, story_with_claims):
    gazette = Source.objects.get(name="The Gazette").pk
    page = client.get("/stories/bridge/", {"outlet": gazette, "stance": "repeats"}).content.decode()
    assert "Tolls will rise" in page
    assert '<p class="claim-text">The bridge will close in May' not in page
    page = client.get("/stories/bridge/", {"q": "tolls"}).content.decode()
    assert "1 claim" in page


def test_bad_filter_is_a_400(client, story_with_claims):
    assert client.get("/stories/bridge/", {"from": "2023-02-30"}).status_code == 400
    assert client.get("/stories/bridge/", {"speaker": "x"}).status_code == 400


def test_htmx_request_gets_only_the_timeline_fragment(client, story_with_claims):
    fragment = client.get("/stories/bridge/", {"stance": "denies"}, HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert text.lstrip().startswith('<section id="timeline"')
    assert "<html" not in text
    assert "The bridge will close in May" in text


def test_claim_fragment_opens_in_place_and_stands_alone(client, story_with_claims):
    claim = Claim.objects.get(text="The bridge will close in May")
    fragment = client.get(f"/stories/bridge/claims/{claim.pk}/", HTTP_HX_REQUEST="true")
    assert fragment.content.decode().lstrip().startswith('<section class="evidence-panel"')
    page = client.get(f"/stories/bridge/claims/{claim.pk}/").content.decode()
    assert "<html" in page and "Mayor Ann Lee" in page
    assert "<mark>bridge</mark>" in page


def test_everything_from_the_articles_is_escaped(client, story_with_claims):
    Claim.objects.filter(text="Tolls will rise").update(text="<script>alert(1)</script>")
    Source.objects.filter(name="The Herald").update(name="<b>Herald</b>")
    page = client.get("/stories/bridge/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Herald</b>" not in page


def test_queries_do_not_grow_with_claims(client, story_with_claims, django_assert_max_num_queries):
    article = Article.objects.first()
    for number in range(60):
        claim = Claim.objects.create(story=story_with_claims, text=f"Claim number {number}")
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence="The bridge", start=0, end=10
        )
    with django_assert_max_num_queries(17):
        response = client.get("/stories/bridge/")
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


def test_unknown_story_is_not_found(client, db):
    assert client.get("/stories/nowhere/").status_code == 404


def test_a_date_range_that_ends_before_it_starts_is_a_400_saying_so(client, story_with_claims):
    response = client.get("/stories/bridge/", {"from": "2023-03-02", "to": "2023-03-01"})

    assert response.status_code == 400
    assert "the first day comes after the last" in response.content.decode()


def claim_of_many_outlets(story, outlets):
    """A claim that `outlets` outlets repeat, a day apart, each in its own article."""
    claim = Claim.objects.create(
        story=story, text="Ferries will stop", event_date=datetime.date(2023, 3, 1)
    )
    for number in range(outlets):
        body = "Ferries will stop, the port said."
        article = Article.objects.create(
            story=story,
            source=Source.objects.create(name=f"Outlet {number:02d}"),
            file_name=f"outlet-{number:02d}.txt",
            body=body,
            raw_text=body,
            content_hash=f"outlet-{number:02d}".ljust(64, "0"),
            published=datetime.date(2023, 3, 1) + datetime.timedelta(days=number),
        )
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence=body, start=0, end=17
        )
    return claim


def test_a_card_names_its_earliest_outlets_and_links_to_the_claim_for_the_rest(
    client, story_with_claims
):
    claim = claim_of_many_outlets(story_with_claims, TIMELINE_CHIPS + 3)

    card = card_of(client.get("/stories/bridge/").content.decode(), "Ferries will stop")
    page = client.get(f"/stories/bridge/claims/{claim.pk}/").content.decode()
    in_picture = client.get(
        f"/stories/bridge/claims/{claim.pk}/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="picture-claim",
    ).content.decode()

    assert chips(card) == [f"Outlet {number:02d} repeats" for number in range(TIMELINE_CHIPS)]
    assert (
        f'<a class="chips-more" href="/stories/bridge/claims/{claim.pk}/">and 3 more outlets</a>'
        in card
    )
    assert len(chips(page)) == len(chips(in_picture)) == TIMELINE_CHIPS + 3
    assert "more outlets" not in page and "more outlets" not in in_picture


def test_a_card_with_few_outlets_names_them_all(client, story_with_claims):
    claim_of_many_outlets(story_with_claims, TIMELINE_CHIPS)

    card = card_of(client.get("/stories/bridge/").content.decode(), "Ferries will stop")

    assert len(chips(card)) == TIMELINE_CHIPS and "more outlet" not in card


def options(page, name):
    select = page[page.index(f'<select name="{name}">') :]
    return re.findall(
        r'<option value="\d+"[^>]*>(.*?)</option>', select[: select.index("</select>")]
    )


def test_the_filters_offer_the_outlets_carrying_claims_and_the_speakers_of_the_story(
    client, story_with_claims
):
    Speaker.objects.create(name="A speaker of nothing")
    other = Story.objects.create(title="Another", slug="another")
    claim_of_many_outlets(other, 1)
    Article.objects.create(
        story=story_with_claims,
        source=Source.objects.create(name="Quiet Weekly"),
        file_name="quiet.txt",
        body="Nothing.",
        raw_text="Nothing.",
        content_hash="q" * 64,
    )

    page = client.get("/stories/bridge/").content.decode()

    assert options(page, "outlet") == ["The Gazette", "The Herald"]
    assert options(page, "speaker") == ["Mayor Ann Lee"]
    assert "<strong>3</strong> outlets" in page


def a_story_of(slug, articles):
    """A story of `articles` articles, each of its own outlet, each repeating two claims
    and denying one."""
    story = Story.objects.create(title=slug, slug=slug)
    speaker = Speaker.objects.create(name=f"Speaker of {slug}")
    claims = [Claim.objects.create(story=story, text=f"{slug} claim {n}") for n in range(3)]
    for number in range(articles):
        article = Article.objects.create(
            story=story,
            source=Source.objects.create(name=f"{slug} outlet {number:02d}"),
            file_name=f"{number:02d}.txt",
            body="x" * 40,
            raw_text="x" * 40,
            content_hash=f"{slug}-{number:02d}".ljust(64, "0"),
        )
        for start, (claim, stance) in enumerate(
            zip(claims, ["repeats", "repeats", "denies"], strict=True)
        ):
            Mention.objects.create(
                claim=claim,
                article=article,
                stance=stance,
                sentence="x",
                start=start,
                end=start + 1,
                speaker=speaker if stance == "denies" else None,
            )
    return story


def test_the_timeline_reads_as_much_for_a_large_story_as_for_a_small_one(client, db):
    small, large = a_story_of("small", 3), a_story_of("large", 30)
    queries, chip_counts = [], []

    for story in (small, large):
        with CaptureQueriesContext(connection) as context:
            page = client.get(f"/stories/{story.slug}/").content.decode()
        queries.append(len(context))
        chip_counts.append(page.count('class="chip stance-'))

    assert queries[0] == queries[1]
    assert chip_counts == [3 * 3, 3 * TIMELINE_CHIPS]


def test_the_picture_says_how_many_outlets_it_has_no_lane_for(client, story_with_claims):
    claim = Claim.objects.get(text="Tolls will rise")
    for number in range(MAX_LANES + 2):
        body = "Tolls will rise."
        article = Article.objects.create(
            story=story_with_claims,
            source=Source.objects.create(name=f"Outlet {number:02}"),
            file_name=f"outlet-{number}.txt",
            body=body,
            raw_text=body,
            content_hash=f"{number + 100:064x}",
            published=datetime.date(2023, 3, 5),
        )
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence=body, start=0, end=16
        )
    page = client.get("/stories/bridge/").content.decode()
    # The Herald, the Gazette and MAX_LANES + 2 new outlets: four have no lane.
    assert "4 other outlets, carrying fewer of these claims, have no lane" in page
