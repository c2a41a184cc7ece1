"""Live updates: an open timeline learns cheaply whether articles arrived since it loaded."""

import re

import pytest

from articles.models import Article, Story

UPDATES = "/stories/a-phone-call/updates/"


def add_article(story, number):
    body = f"Report number {number}: the minister spoke again."
    return Article.objects.create(
        story=story,
        file_name=f"report-{number}.txt",
        body=body,
        raw_text=body,
        content_hash=f"{number:064d}",
    )


def version_on_the_page(client):
    """The version the timeline page polls from, as the browser reads it."""
    page = client.get("/stories/a-phone-call/").content.decode()
    return re.search(r'name="since" value="(\d+)"', page)[1]


def notice(response):
    """The words of the fragment, as a reader sees them."""
    return re.sub(r"<[^>]+>", "", response.content.decode()).strip()


@pytest.fixture(autouse=True)
def quick_polls(settings):
    settings.NEWSROOM_POLL_SECONDS = 1


def test_the_timeline_polls_from_its_newest_article_every_few_seconds(client, article):
    page = client.get("/stories/a-phone-call/").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert f'hx-get="{UPDATES}"' in page
    assert f'name="since" value="{article.pk}"' in page


def test_nothing_new_is_an_empty_answer_and_then_a_304_with_the_same_etag(client, article):
    since = version_on_the_page(client)

    first = client.get(UPDATES, {"since": since})
    again = client.get(UPDATES, {"since": since}, headers={"if-none-match": first["ETag"]})

    assert first.status_code == 200
    assert notice(first) == ""
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_an_article_added_after_the_page_loaded_is_announced_with_a_link_to_the_timeline(
    client, article
):
    since = version_on_the_page(client)
    unchanged = client.get(UPDATES, {"since": since})

    add_article(article.story, 1)
    one = client.get(UPDATES, {"since": since}, headers={"if-none-match": unchanged["ETag"]})
    add_article(article.story, 2)
    two = client.get(UPDATES, {"since": since}, headers={"if-none-match": one["ETag"]})

    assert one.status_code == 200
    assert notice(one) == "1 new article: show"
    assert 'href="/stories/a-phone-call/"' in one.content.decode()
    assert two.status_code == 200
    assert notice(two) == "2 new articles: show"
    assert len({unchanged["ETag"], one["ETag"], two["ETag"]}) == 3


def test_show_counts_from_the_newest_article_it_showed(client, article):
    since = version_on_the_page(client)
    newest = add_article(article.story, 1)

    announced = client.get(UPDATES, {"since": since}).content.decode()

    assert f'data-version="{newest.pk}"' in announced
    assert notice(client.get(UPDATES, {"since": newest.pk})) == ""


def test_the_etag_depends_on_the_version_polled_from(client, article):
    newest = add_article(article.story, 1)

    from_newest = client.get(UPDATES, {"since": newest.pk})
    from_older = client.get(
        UPDATES, {"since": article.pk}, headers={"if-none-match": from_newest["ETag"]}
    )

    assert from_older.status_code == 200
    assert notice(from_older) == "1 new article: show"


def test_articles_of_other_stories_are_not_news(client, article):
    since = version_on_the_page(client)
    add_article(Story.objects.create(title="Another story", slug="another"), 1)

    assert notice(client.get(UPDATES, {"since": since})) == ""


@pytest.mark.parametrize("articles", [1, 30])
def test_the_poll_takes_two_queries_whatever_the_story_holds(
    client, story, django_assert_num_queries, articles
):
    added = [add_article(story, number) for number in range(articles)]
    since = added[len(added) // 2 - 1].pk if articles > 1 else 0
    with django_assert_num_queries(2):
        news = client.get(UPDATES, {"since": since})
    with django_assert_num_queries(2):
        unchanged = client.get(UPDATES, {"since": since}, headers={"if-none-match": news["ETag"]})
    assert news.status_code == 200
    assert notice(news).startswith(f"{articles - articles // 2} new article")
    assert unchanged.status_code == 304


def test_the_timeline_fragment_that_filters_swap_in_brings_no_second_poller(client, article):
    fragment = client.get("/stories/a-phone-call/", headers={"hx-request": "true"})
    assert 'name="since"' not in fragment.content.decode()


@pytest.mark.parametrize("since", ["abc", "-1", "1.5", "9" * 40])
def test_a_version_that_is_not_a_whole_number_is_a_400(client, article, since):
    response = client.get(UPDATES, {"since": since})
    assert response.status_code == 400
    assert "since" in response.content.decode()


def test_an_unknown_story_is_not_found_and_the_poll_only_reads(client, article):
    assert client.get("/stories/nowhere/updates/").status_code == 404
    assert client.post(UPDATES).status_code == 405
