"""How the story spread: from the first report to each article that repeated, copied or denied
it, drawn by date as server-side SVG with a list that says the same."""

import datetime
import hashlib
import html
import itertools
import re

import pytest

from articles.models import Article, CopyKind, Source
from claims import spread
from claims.models import Claim, Mention, Position, Speaker
from claims.spread import story_position

DAY = datetime.date(2023, 5, 2)


def make_article(story, name, published=None, outlet=None, **fields):
    return Article.objects.create(
        story=story,
        source=Source.objects.get_or_create(name=outlet)[0] if outlet else None,
        title=f"Headline of {name}",
        file_name=f"{name}.txt",
        body=f"Body of {name}.",
        raw_text=f"Body of {name}.",
        content_hash=hashlib.sha256(name.encode()).hexdigest(),
        published=published,
        **fields,
    )


def mention(article, claim, stance, speaker=None):
    return Mention.objects.create(
        claim=claim, article=article, stance=stance, sentence="s", start=0, end=1, speaker=speaker
    )


def spread_page(client, story):
    response = client.get(f"/stories/{story.slug}/spread/")
    assert response.status_code == 200
    return response.content.decode()


def list_items(page):
    """The text alternative's items, tags stripped, in order."""
    listed = page[page.index('<ol class="spread-list">') : page.index("</ol>")]
    items = re.findall(r"<li>(.*?)</li>", listed, re.S)
    return [html.unescape(" ".join(re.sub(r"<[^>]+>", " ", item).split())) for item in items]


def edge_kinds(page):
    return re.findall(r'<path class="spread-edge spread-edge-(\w+)"', page)


@pytest.fixture
def spread_story(story):
    """A first report, an article that denies, one that reports both sides, a machine
    translation of the first report and a word-for-word copy of the denial."""
    claim = Claim.objects.create(story=story, text="The harbour will close for the winter")
    spokesman = Speaker.objects.create(name="Pell Arnaud")
    first = make_article(story, "first", DAY, "Coast Courier")
    mention(first, claim, "repeats")
    denial = make_article(story, "denial", DAY + datetime.timedelta(days=1), "Harbour Wire")
    mention(denial, claim, "denies")
    both = make_article(story, "both", DAY + datetime.timedelta(days=1), "Lantern Post")
    mention(both, claim, "repeats")
    mention(both, claim, "denies", speaker=spokesman)
    translation = make_article(
        story,
        "translation",
        DAY + datetime.timedelta(days=3),
        "Echo Digest",
        copy_of=first,
        copy_kind=CopyKind.TRANSLATED,
    )
    mention(translation, claim, "repeats")
    make_article(
        story, "copy", DAY + datetime.timedelta(days=3), copy_of=denial, copy_kind=CopyKind.VERBATIM
    )
    return story


def test_the_list_tells_what_each_article_did_from_the_first_report(client, spread_story):
    items = list_items(spread_page(client, spread_story))

    assert items == [
        "2 May 2023 Coast Courier , Headline of first : first report; repeats the story's claims.",
        "3 May 2023 Lantern Post , Headline of both : reports both sides.",
        "3 May 2023 Harbour Wire , Headline of denial : denies claims of the story.",
        "5 May 2023 outlet not given , Headline of copy : copies word for word the article by "
        "Harbour Wire of 3 May 2023; repeats the story's claims.",
        "5 May 2023 Echo Digest , Headline of translation : is a machine translation or rewording "
        "of the article by Coast Courier of 2 May 2023; repeats the story's claims.",
    ]


def picture(page):
    start = page.index('<svg class="spread-picture"')
    return page[start : page.index("</svg>", start)]


def test_each_article_is_a_linked_node_with_a_title_and_an_edge_of_its_kind(client, spread_story):
    page = spread_page(client, spread_story)

    svg = picture(page)
    links = re.findall(r'<a class="spread-node[^"]*" href="([^"]+)">\s*<title>', svg)
    articles = Article.objects.filter(story=spread_story)
    assert sorted(links) == sorted(
        f"/stories/{spread_story.slug}/articles/{a.pk}/" for a in articles
    )
    assert (
        "<title>Headline of translation (Echo Digest, 5 May 2023): is a machine translation or "
        "rewording of the article by Coast Courier of 2 May 2023; repeats the story&#x27;s claims."
        "</title>"
    ) in svg
    assert sorted(edge_kinds(svg)) == ["both", "copy", "denies", "translation"]
    # The legend names every kind of edge, copies and translations apart.
    for label in ["repeats", "denies", "reports both sides", "word-for-word copy"]:
        assert f"</svg>{label}</li>" in page
    assert "</svg>machine translation or rewording</li>" in page


def test_the_picture_has_no_inline_style_or_script(client, spread_story):
    page = spread_page(client, spread_story)

    body = page[page.index("<main") :]
    assert " style=" not in body
    assert "<script" not in body
    assert "<style" not in body


def test_the_days_are_columns_along_the_axis_and_undated_articles_stand_last(client, story):
    make_article(story, "undated", None, "Night Desk")
    make_article(story, "early", DAY, "Coast Courier")
    make_article(story, "later", DAY + datetime.timedelta(days=9), "Harbour Wire")

    page = spread_page(client, story)

    dates = re.findall(r'<text class="spread-date" x="(\d+)"[^>]*>([^<]+)</text>', page)
    assert [label for _, label in dates] == ["2 May 2023", "11 May 2023", "date not given"]
    assert [int(x) for x, _ in dates] == sorted(int(x) for x, _ in dates)
    assert re.findall(r'<text class="spread-day"[^>]*>([^<]+)</text>', page) == ["day 1", "day 10"]
    assert list_items(page)[-1].startswith("date not given Night Desk")


def test_labels_of_one_day_do_not_overlap(client, story):
    for number in range(4):
        make_article(story, f"same-day-{number}", DAY, f"Outlet {number}")

    nodes = re.findall(r"<a class=\"spread-node.*?</a>", picture(spread_page(client, story)), re.S)

    tops = []
    for node in nodes:
        circle_y = int(re.search(r'<circle cx="\d+" cy="(\d+)"', node).group(1))
        line_ys = [int(y) for y in re.findall(r'<text class="[^"]+" x="\d+" y="(\d+)"', node)]
        assert len(line_ys) == 3 and min(line_ys) > circle_y + spread.NODE_RADIUS
        tops.append((circle_y - spread.FIRST_RADIUS, max(line_ys)))
    # Each label's last line, descenders included, ends above the next circle.
    for (_, last_line), (next_top, _) in itertools.pairwise(sorted(tops)):
        assert last_line + 5 < next_top


def test_an_earliest_copy_of_a_later_article_makes_that_article_the_first_report(client, story):
    original = make_article(story, "original", DAY + datetime.timedelta(days=2), "Coast Courier")
    make_article(story, "early-copy", DAY, "Echo Digest", copy_of=original, copy_kind="verbatim")

    items = list_items(spread_page(client, story))

    assert items[1].startswith("4 May 2023 Coast Courier , Headline of original : first report")
    assert "copies word for word the article by Coast Courier" in items[0]


def test_how_an_article_stands_on_the_story():
    assert story_position({Position.REPEATS, Position.BOTH, Position.DENIES}) == Position.BOTH
    assert story_position({Position.DENIES}) == Position.DENIES
    # A denial beside claims it merely repeats still makes it deny.
    assert story_position({Position.REPEATS, Position.DENIES}) == Position.DENIES
    assert story_position({Position.REPEATS}) == Position.REPEATS
    assert story_position(set()) == Position.REPEATS


def test_an_article_that_carries_a_claim_and_denies_it_in_its_own_voice_denies(client, story):
    claim = Claim.objects.create(story=story, text="The bridge is closed")
    make_article(story, "first", DAY, "Coast Courier")
    debunk = make_article(story, "debunk", DAY + datetime.timedelta(days=1), "Fact Desk")
    mention(debunk, claim, "repeats")
    mention(debunk, claim, "denies")

    items = list_items(spread_page(client, story))

    assert items[1] == "3 May 2023 Fact Desk , Headline of debunk : denies claims of the story."


def test_the_timeline_links_to_the_spread(client, story):
    page = client.get(f"/stories/{story.slug}/").content.decode()

    assert f'<a href="/stories/{story.slug}/spread/">How it spread</a>' in page


def test_a_story_without_articles_says_so(client, story):
    page = spread_page(client, story)

    assert "This story has no articles yet." in page
    assert '<svg class="spread-picture"' not in page


def test_only_the_earliest_articles_are_drawn_past_the_limit(client, story, monkeypatch):
    monkeypatch.setattr(spread, "MAX_ARTICLES", 3)
    for number in range(5):
        make_article(story, f"article-{number}", DAY + datetime.timedelta(days=number))

    page = spread_page(client, story)

    assert "show the 3 earliest of the story's 5 articles" in page
    assert len(list_items(page)) == 3


def grow(story, articles):
    claim = Claim.objects.create(story=story, text=f"Claim {articles}")
    speaker = Speaker.objects.get_or_create(name="Pell Arnaud")[0]
    previous = None
    for number in range(articles):
        article = make_article(
            story,
            f"grown-{articles}-{number}",
            DAY + datetime.timedelta(days=number % 4) if number % 5 else None,
            f"Outlet {number % 3}",
            copy_of=previous if number % 4 == 3 else None,
            copy_kind=CopyKind.TRANSLATED if number % 4 == 3 else "",
        )
        mention(article, claim, "repeats")
        mention(article, claim, "denies", speaker=speaker if number % 2 else None)
        previous = article


def test_the_number_of_queries_does_not_grow_with_the_story(
    client, story, django_assert_num_queries
):
    grow(story, 3)
    with django_assert_num_queries(5):
        spread_page(client, story)

    grow(story, 30)
    with django_assert_num_queries(5):
        page = spread_page(client, story)
    assert len(list_items(page)) == 33
