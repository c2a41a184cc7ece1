"""An outlet's page: what it repeated, what it denied, its articles a page at a time."""

import datetime

from articles.models import Article
from claims.models import Claim, Mention
from claims.views import SOURCE_ARTICLES_PAGE_SIZE

# The story, the outlet, its summary rows, the claims it has an editor's position on, the
# editors' positions, the claims, the claims credited to it, its articles counted and a page.
QUERIES = 10


def outlet_page(client, article, **parameters):
    url = f"/stories/{article.story.slug}/sources/{article.source.pk}/"
    return client.get(url, parameters)


def add_articles(article, count, first=0):
    """`count` more articles of the article's outlet, numbered from `first`, a day apart,
    each repeating a claim."""
    claim = Claim.objects.create(story=article.story, text="The talks went on")
    for number in range(first, first + count):
        other = Article.objects.create(
            story=article.story,
            source=article.source,
            title=f"Report number {number:02d}",
            file_name=f"report-{number:02d}.txt",
            body="The talks went on.",
            raw_text="The talks went on.",
            content_hash=f"{number:064d}",
            published=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )
        Mention.objects.create(
            claim=claim, article=other, stance="repeats", sentence="s", start=0, end=1
        )


def test_outlet_page_lists_what_it_repeats_and_denies(client, article):
    repeated = Claim.objects.create(story=article.story, text="The talks were productive")
    denied = Claim.objects.create(story=article.story, text="The talks collapsed")
    Mention.objects.create(
        claim=repeated, article=article, stance="repeats", sentence="s", start=0, end=1
    )
    Mention.objects.create(
        claim=denied, article=article, stance="denies", sentence="s", start=2, end=3
    )

    page = outlet_page(client, article).content.decode()

    repeats, denies = page.split("What it denied")
    assert "The talks were productive" in repeats and "The talks collapsed" not in repeats
    assert "The talks collapsed" in denies
    assert "Leaders speak by phone" in denies


def test_outlet_page_queries_do_not_grow_with_claims(
    client, article, django_assert_max_num_queries
):
    for number in range(40):
        claim = Claim.objects.create(story=article.story, text=f"Claim {number}")
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence="s", start=0, end=1
        )
    with django_assert_max_num_queries(QUERIES):
        assert outlet_page(client, article).status_code == 200


def test_the_outlets_articles_come_a_page_at_a_time_earliest_first(client, article):
    add_articles(article, SOURCE_ARTICLES_PAGE_SIZE + 4)

    first = outlet_page(client, article).content.decode()
    second = outlet_page(client, article, page=2).content.decode()

    assert f"Articles 1–{SOURCE_ARTICLES_PAGE_SIZE} of {SOURCE_ARTICLES_PAGE_SIZE + 5}" in first
    assert "Report number 00" in first and "Report number 49" in first
    assert "Report number 50" not in first and "Leaders speak by phone" not in first
    assert '<a href="?page=2">Later articles</a>' in first and "Earlier articles" not in first
    assert "Report number 53" in second and "Leaders speak by phone" in second
    assert "Report number 49" not in second
    assert '<a href="?page=1">Earlier articles</a>' in second


def test_an_outlet_with_few_articles_shows_them_without_pages(client, article):
    page = outlet_page(client, article).content.decode()

    assert "Leaders speak by phone" in page
    assert "Page 1 of" not in page and "Articles 1–" not in page


def test_a_page_that_is_no_number_is_a_400_naming_it(client, article):
    response = outlet_page(client, article, page="two")

    assert response.status_code == 400
    assert "page: must be a whole number from 1" in response.content.decode()


def test_the_outlet_page_reads_as_much_for_a_long_story_as_for_a_short_one(
    client, article, django_assert_num_queries
):
    add_articles(article, 3)
    with django_assert_num_queries(QUERIES):
        short = outlet_page(client, article).content.decode()
    add_articles(article, 3 * SOURCE_ARTICLES_PAGE_SIZE, first=3)
    with django_assert_num_queries(QUERIES):
        long = outlet_page(client, article).content.decode()

    assert short.count("Report number") == 3
    assert long.count("Report number") == SOURCE_ARTICLES_PAGE_SIZE
