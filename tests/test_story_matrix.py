"""The matrix: each claim against each outlet, contested claims first, a symbol per position."""

import datetime
import re

from articles.models import Article, Source, Story
from claims.models import Claim, Mention, Position, PositionCorrection, Speaker, Stance
from claims.views import MATRIX_OUTLETS_PAGE_SIZE, MATRIX_PAGE_SIZE

# The story, the claims counted and a page of them, the outlets counted and a page of them,
# the page's positions and the editors' corrections of them.
QUERIES = 8


def add_outlet(story, name):
    """An outlet with one article in the story; returns the article."""
    return Article.objects.create(
        story=story,
        source=Source.objects.create(name=name),
        file_name=f"{name}.txt",
        body=name,
        raw_text=name,
        content_hash=f"{story.pk}-{name}".ljust(64, "0"),
    )


def mention(claim, article, stance=Stance.REPEATS, start=0, **fields):
    return Mention.objects.create(
        claim=claim,
        article=article,
        stance=stance,
        sentence="s",
        start=start,
        end=start + 1,
        **fields,
    )


def text_of(html):
    return re.sub(r"<[^>]+>", "", html).strip()


def seen(cell):
    """What a sighted reader sees in a cell: its text without the screen readers' words."""
    return text_of(re.sub(r'<span class="matrix-hidden">.*?</span>', "", cell))


def heard(cell):
    """What a screen reader says of a cell: its text without what is hidden from it."""
    return text_of(re.sub(r'<span aria-hidden="true">.*?</span>', "", cell))


def matrix_page(client, story, page=1, **parameters):
    url = f"/stories/{story.slug}/matrix/"
    return client.get(url, {"page": page, **parameters}).content.decode()


def outlet_names(html):
    """The heading of each outlet column, left to right."""
    head = html[html.index("<thead>") : html.index("</thead>")]
    return [
        text_of(cell) for cell in re.findall(r'<th scope="col" class="matrix-outlet.*?</th>', head)
    ]


def matrix_rows(html):
    """Each row of the table as (claim text, [cell markup, one per outlet])."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        (
            text_of(re.search(r'<th scope="row".*?</th>', row, re.S).group()),
            re.findall(r"<td[^>]*>(.*?)</td>", row, re.S),
        )
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_matrix_cells_show_a_symbol_and_tell_screen_readers_the_word(client, article):
    gazette = add_outlet(article.story, "The Gazette")
    both = Claim.objects.create(story=article.story, text="Claim both")
    Claim.objects.create(story=article.story, text="Claim nobody")
    mention(Claim.objects.create(story=article.story, text="Claim of the Gazette"), gazette)
    mention(both, article)
    mention(both, article, Stance.DENIES, start=2, speaker=Speaker.objects.create(name="I. Marr"))

    html = matrix_page(client, article.story)

    rows = dict(matrix_rows(html))
    assert [seen(cell) for cell in rows["Claim both"]] == ["±", ""]
    assert [heard(cell) for cell in rows["Claim both"]] == ["reports both sides", ""]
    assert "The Gazette" in html


def test_silent_cells_are_empty(client, article):
    gazette = add_outlet(article.story, "The Gazette")
    mention(Claim.objects.create(story=article.story, text="Claim of the Daily"), article)
    mention(Claim.objects.create(story=article.story, text="Claim of the Gazette"), gazette)
    Claim.objects.create(story=article.story, text="Claim nobody")

    rows = dict(matrix_rows(matrix_page(client, article.story)))

    assert rows["Claim nobody"] == ["", ""]


def test_the_columns_are_the_outlets_carrying_a_claim_then_articles_of_no_known_outlet(
    client, article
):
    story = article.story
    claim = Claim.objects.create(story=story, text="Claim carried")
    mention(claim, article)
    add_outlet(story, "Quiet Weekly")
    unknown = Article.objects.create(
        story=story, file_name="unsigned.txt", body="x", raw_text="x", content_hash="u" * 64
    )
    mention(claim, unknown, Stance.DENIES)
    Article.objects.create(
        story=story, file_name="blank.txt", body="y", raw_text="y", content_hash="v" * 64
    )

    html = matrix_page(client, story)

    assert outlet_names(html) == ["Daily Example", "unsigned.txt"]
    assert [seen(cell) for cell in dict(matrix_rows(html))["Claim carried"]] == ["✔", "✖"]


def test_an_outlet_denying_in_its_own_voice_denies(client, article):
    claim = Claim.objects.create(story=article.story, text="Claim checked")
    mention(claim, article)
    mention(claim, article, Stance.DENIES, start=2)

    [cell] = dict(matrix_rows(matrix_page(client, article.story)))["Claim checked"]

    assert (seen(cell), heard(cell)) == ("✖", "denies")


def test_the_legend_above_the_table_explains_each_symbol(client, article):
    Claim.objects.create(story=article.story, text="Claim nobody")

    html = matrix_page(client, article.story)

    legend = html[html.index('<ul class="matrix-legend"') : html.index("</ul>")]
    assert html.index("matrix-legend") < html.index("<table")
    items = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", legend, re.S)]
    assert items[:3] == ["✔ repeats", "✖ denies", "± reports both sides"]
    assert items[3].startswith("empty: silent")


def test_contested_claims_come_first_then_the_widely_carried_then_by_date(client, story):
    first, second = add_outlet(story, "Outlet One"), add_outlet(story, "Outlet Two")

    def claim(text, day, *stances):
        made = Claim.objects.create(
            story=story, text=text, event_date=day and datetime.date(2024, 3, day)
        )
        for article, stance in zip((first, second), stances, strict=True):
            if stance:
                mention(made, article, stance)

    claim("Undated quiet", None, Stance.REPEATS, None)
    claim("Early quiet", 1, Stance.REPEATS, None)
    claim("Late wide", 5, Stance.REPEATS, Stance.REPEATS)
    claim("Denied narrow", 9, None, Stance.DENIES)
    claim("Denied wide", 12, Stance.REPEATS, Stance.DENIES)

    claims = [text for text, _ in matrix_rows(matrix_page(client, story))]

    assert claims == ["Denied wide", "Denied narrow", "Late wide", "Early quiet", "Undated quiet"]


def test_the_matrix_pages_by_claims_and_a_contested_one_leads_page_one(client, article):
    for number in range(MATRIX_PAGE_SIZE):
        Claim.objects.create(story=article.story, text=f"Quiet claim {number}")
    denied = Claim.objects.create(story=article.story, text="Denied claim")
    mention(denied, article, Stance.DENIES)

    page_one = matrix_rows(matrix_page(client, article.story))
    page_two = matrix_rows(matrix_page(client, article.story, page=2))

    assert len(page_one) == MATRIX_PAGE_SIZE and len(page_two) == 1
    assert page_one[0][0] == "Denied claim"


def a_story(slug, outlets, claims):
    """A story whose every claim each outlet repeats, and the first outlet denies."""
    story = Story.objects.create(title=slug, slug=slug)
    articles = [add_outlet(story, f"Outlet {slug} {number:02d}") for number in range(outlets)]
    for number in range(claims):
        claim = Claim.objects.create(story=story, text=f"Claim {number}")
        for article in articles:
            mention(claim, article)
        mention(claim, articles[0], Stance.DENIES, start=2)
    return story


def test_the_number_of_queries_and_cells_stay_the_same_as_the_story_grows(
    client, db, django_assert_num_queries
):
    small, large = a_story("small", outlets=1, claims=2), a_story("large", outlets=26, claims=40)

    for story in (small, large):
        with django_assert_num_queries(QUERIES):
            rows = matrix_rows(matrix_page(client, story))
        assert rows
    assert len(rows) == MATRIX_PAGE_SIZE
    assert {len(cells) for _, cells in rows} == {MATRIX_OUTLETS_PAGE_SIZE}


def test_the_matrix_pages_by_outlets_and_its_links_keep_both_pages(client, story):
    outlets = [add_outlet(story, f"Outlet {number:02d}") for number in range(25)]
    for number in range(MATRIX_PAGE_SIZE + 1):
        claim = Claim.objects.create(story=story, text=f"Claim {number:02d}")
        for article in outlets:
            mention(claim, article, Stance.DENIES if article is outlets[-1] else Stance.REPEATS)

    first = matrix_page(client, story)
    second = matrix_page(client, story, page=2, outlets=2)

    assert outlet_names(first) == [f"Outlet {n:02d}" for n in range(MATRIX_OUTLETS_PAGE_SIZE)]
    assert "Outlets 1–20 of 25" in first and "Page 1 of 2: claims 1–30 of 31" in first
    assert '<a href="?page=1&amp;outlets=2">Next outlets</a>' in first
    assert '<a href="?page=2&amp;outlets=1">Next claims</a>' in first
    assert outlet_names(second) == [f"Outlet {n:02d}" for n in range(20, 25)]
    assert "Outlets 21–25 of 25" in second and "Page 2 of 2: claims 31–31 of 31" in second
    assert '<a href="?page=2&amp;outlets=1">Previous outlets</a>' in second
    assert '<a href="?page=1&amp;outlets=2">Previous claims</a>' in second
    [(_, cells)] = matrix_rows(second)
    assert [seen(cell) for cell in cells] == ["✔"] * 4 + ["✖"]


def test_an_outlets_page_that_is_no_number_is_a_400_naming_it(client, article):
    response = client.get(f"/stories/{article.story.slug}/matrix/", {"outlets": "0"})

    assert response.status_code == 400
    assert "outlets: must be a whole number from 1" in response.content.decode()


def test_an_outlet_an_editor_placed_on_a_claim_has_its_column(client, article):
    claim = Claim.objects.create(story=article.story, text="Claim placed")
    mention(claim, article)
    wire = Source.objects.create(name="Wire Service")
    PositionCorrection.objects.create(claim=claim, source=wire, position=Position.DENIES)

    html = matrix_page(client, article.story)

    assert outlet_names(html) == ["Daily Example", "Wire Service"]
    assert [seen(cell) for cell in dict(matrix_rows(html))["Claim placed"]] == ["✔", "✖"]
