"""A story follows RSS and Atom feeds: each poll ingests the new entries that match the feed's
keywords and skips those seen before; a feed that cannot be read says why, and the others are
still read. Editors manage feeds with `manage.py feeds` and in the admin."""

import io
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Feed, FeedEntry, IngestJob, Story
from claims.feeds import poll_all, poll_feed

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feeds"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml"
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def fetching(settings):
    """Feeds and pages come from 127.0.0.1; tasks run at once, on either database."""
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def bridge(db):
    return Story.objects.create(title="Mill Bridge closure", slug="mill-bridge")


def serve_feed(local_site, name, path, content_type):
    """Serve the fixture feed `name` at `path`, its links pointing at the local site."""
    site = local_site.url("")
    local_site.page(path, (FIXTURES / name).read_text().replace("{{site}}", site), content_type)
    return local_site.url(path)


def serve_courier(local_site):
    """The RSS feed of one outlet and its two pages about the bridge and the ferry; the
    feed's other entries have no page."""
    serve_pages(local_site, "courier")
    return serve_feed(local_site, "riverside-courier.rss", "/courier/feed.rss", RSS_TYPE)


def serve_daily(local_site):
    """The Atom feed of another outlet and the pages of its three entries."""
    serve_pages(local_site, "daily")
    return serve_feed(local_site, "northgate-daily.atom", "/daily/feed.atom", ATOM_TYPE)


def serve_pages(local_site, outlet):
    for page in (FIXTURES / "pages" / outlet).glob("*.html"):
        local_site.page(f"/{outlet}/{page.stem}", page.read_text())


def requested(local_site):
    return [path for path, _ in local_site.requests]


def public_page(client, story, path=""):
    response = client.get(reverse("claims:story_timeline", args=[story.slug]) + path)
    assert response.status_code == 200
    return response.content.decode()


def reader_pages(client, story):
    """The text of each of the story's article pages, as a journalist reads them."""
    return [
        client.get(reverse("claims:article_reader", args=[story.slug, pk])).content.decode()
        for pk in Article.objects.filter(story=story).order_by("pk").values_list("pk", flat=True)
    ]


def run_feeds(*arguments):
    """`manage.py feeds ...`: its output, its errors and the CommandError it ended with."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("feeds", *arguments, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_poll_ingests_the_new_entries_and_skips_the_one_seen_before(
    client, bridge, local_site, fetching
):
    feed = Feed.objects.create(story=bridge, url=serve_daily(local_site))
    FeedEntry.objects.create(
        feed=feed, key="tag:northgate-daily.example,2024:entry-75", title="Harbour walk reopens"
    )

    report = poll_feed(feed)

    assert (report.new, report.matched, report.submitted, report.skipped) == (2, 2, 2, 1)
    assert report.errors == []
    assert "<strong>2</strong> articles" in public_page(client, bridge)
    pages = reader_pages(client, bridge)
    assert any("Ferry fares frozen until the spring" in page for page in pages)
    assert any("Inspectors return to the Mill Bridge" in page for page in pages)
    assert "/daily/harbour-walk-reopens" not in requested(local_site)
    feed.refresh_from_db()
    assert feed.title == "Northgate Daily"
    assert feed.last_polled_at is not None and feed.last_error == ""


def test_a_second_poll_submits_nothing(bridge, local_site, fetching):
    feed = Feed.objects.create(story=bridge, url=serve_daily(local_site))
    poll_feed(feed)

    again = poll_feed(feed)

    assert (again.new, again.submitted, again.skipped) == (0, 0, 3)
    assert IngestJob.objects.count() == 3
    assert Article.objects.filter(story=bridge).count() == 3


def test_keywords_leave_out_entries_without_one_of_them_as_a_whole_word(
    client, bridge, local_site, fetching
):
    feed = Feed.objects.create(story=bridge, url=serve_courier(local_site), keywords="bridge ferry")

    report = poll_feed(feed)

    # The library budget names neither word; "Bridgeport" and "Ferrybank" are other words.
    assert (report.new, report.matched, report.submitted) == (4, 2, 2)
    assert report.errors == []
    titles = set(FeedEntry.objects.filter(feed=feed, matched=False).values_list("title", flat=True))
    assert titles == {
        "Council approves the new library budget",
        "Bridgeport Rovers win the valley cup",
    }
    assert "<strong>2</strong> articles" in public_page(client, bridge)
    pages = reader_pages(client, bridge)
    assert any("Old Mill Bridge closes for urgent repairs" in page for page in pages)
    # Matched by "FERRY" in its summary, the title naming no keyword.
    assert any("Extra crossings while the river road is shut" in page for page in pages)
    assert "/courier/library-budget" not in requested(local_site)
    assert "/courier/rovers-cup" not in requested(local_site)


def test_a_feed_that_cannot_be_read_says_why_and_the_other_feeds_are_still_polled(
    bridge, local_site, fetching
):
    missing = local_site.url("/gone/feed.rss")
    local_site.page("/notes.xml", "this is not a feed at all", "application/xml")
    not_a_feed = local_site.url("/notes.xml")
    Feed.objects.create(story=bridge, url=missing)
    Feed.objects.create(story=bridge, url=not_a_feed)
    Feed.objects.create(story=bridge, url=serve_daily(local_site))

    reports = {report.feed.url: report for report in poll_all()}

    assert reports[missing].errors == [f"{missing}: HTTP 404 Not Found"]
    assert reports[not_a_feed].errors[0].startswith(f"{not_a_feed}: not an RSS or Atom feed")
    assert Feed.objects.get(url=missing).last_error == f"{missing}: HTTP 404 Not Found"
    assert Feed.objects.get(url=not_a_feed).last_polled_at is not None
    assert Article.objects.filter(story=bridge).count() == 3


def test_an_entry_whose_page_fails_is_reported_and_the_others_are_ingested(
    bridge, local_site, fetching
):
    url = serve_daily(local_site)
    del local_site.pages["/daily/inspectors-return"]
    feed = Feed.objects.create(story=bridge, url=url)

    report = poll_feed(feed)

    gone = local_site.url("/daily/inspectors-return")
    assert report.submitted == 3
    [error] = report.errors
    assert error.startswith(f"{gone}: ") and "HTTP 404 Not Found" in error
    assert Article.objects.filter(story=bridge).count() == 2
    feed.refresh_from_db()
    assert feed.last_error == error


def test_feeds_add_follows_a_feed_and_adding_it_again_changes_its_keywords(bridge):
    url = "https://courier.example/feed.rss"

    out, _, error = run_feeds("add", url, "--story", "mill-bridge", "--keywords", "bridge", "ferry")
    assert error is None
    assert out == f"Added feed {url} to story mill-bridge (keywords: bridge ferry).\n"

    out, _, error = run_feeds("add", url, "--story", "mill-bridge", "--keywords", "ferry")
    assert error is None
    assert "already in story mill-bridge; updated its keywords from bridge ferry to ferry" in out
    assert list(Feed.objects.values_list("url", "keywords")) == [(url, "ferry")]


def test_feeds_add_refuses_an_unknown_story_and_a_bad_address(bridge):
    _, _, error = run_feeds("add", "https://courier.example/feed.rss", "--story", "no-such")
    assert "--story: no story with the slug 'no-such' (stories: mill-bridge)" in str(error)

    _, _, error = run_feeds("add", "ftp://courier.example/feed.rss", "--story", "mill-bridge")
    assert "FEED_URL 'ftp://courier.example/feed.rss' is not a web address" in str(error)
    assert not Feed.objects.exists()


def test_feeds_list_shows_each_feed_with_its_last_poll(bridge, local_site, fetching):
    url = serve_courier(local_site)
    missing = local_site.url("/gone/feed.rss")
    run_feeds("add", url, "--story", "mill-bridge", "--keywords", "bridge", "ferry")
    run_feeds("add", missing, "--story", "mill-bridge")

    out, _, _ = run_feeds("list")
    assert f"mill-bridge  {url}\n" in out
    assert "keywords: bridge ferry; last polled: never; entries seen: 0" in out

    run_feeds("poll")
    out, _, _ = run_feeds("list")
    assert "keywords: bridge ferry; last polled: 20" in out
    assert "entries seen: 4" in out
    assert "keywords: (none: every entry)" in out
    assert f"last error: {missing}: HTTP 404 Not Found" in out


def test_feeds_poll_prints_each_feed_and_fails_naming_the_one_it_could_not_read(
    bridge, local_site, fetching
):
    url = serve_courier(local_site)
    missing = local_site.url("/gone/feed.rss")
    Feed.objects.create(story=bridge, url=url, keywords="bridge ferry")
    Feed.objects.create(story=bridge, url=missing)

    out, err, error = run_feeds("poll")

    assert (
        f"{url} (mill-bridge): 4 new, 2 matched, 2 submitted, 0 skipped, 0 errors"
        in out.splitlines()
    )
    assert f"{missing} (mill-bridge): 0 new, 0 matched, 0 submitted, 0 skipped, 1 error" in out
    assert f"error: {missing}: HTTP 404 Not Found" in err
    assert str(error) == f"1 of 2 feed(s) could not be read: {missing}"
    assert Article.objects.filter(story=bridge).count() == 2

    out, _, error = run_feeds("poll")
    assert f"{url} (mill-bridge): 0 new, 0 matched, 0 submitted, 4 skipped, 0 errors" in out


def test_feeds_watch_polls_in_this_process_with_the_immediate_backend(bridge, local_site, fetching):
    Feed.objects.create(story=bridge, url=serve_daily(local_site))

    out, _, error = run_feeds("watch", "--every", "1", "--rounds", "2")

    assert error is None
    assert "Polling feeds every 1 s, in this process" in out
    assert "round 1: 1 feed(s) polled, 3 new entries, 3 submitted, 0 error(s)" in out
    assert "round 2: 1 feed(s) polled, 0 new entries, 0 submitted, 0 error(s)" in out
    assert Article.objects.filter(story=bridge).count() == 3


@pytest.mark.django_db(transaction=True)
def test_feeds_watch_queues_a_poll_that_a_worker_runs(local_site, fetching, settings):
    settings.TASKS = DATABASE_TASKS
    bridge = Story.objects.create(title="Mill Bridge closure", slug="mill-bridge")
    Feed.objects.create(story=bridge, url=serve_daily(local_site))

    out, _, error = run_feeds("watch", "--rounds", "1")

    assert error is None
    assert "round 1: feed polling queued (task " in out
    assert DBTaskResult.objects.get().task_path == "claims.feeds.poll_feeds_task"
    assert not Article.objects.exists()
    # The worker polls the feed, which queues a job for each entry, which it then runs.
    for _ in range(3):
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0",
            verbosity=0,
        )  # fmt: skip
    assert Article.objects.filter(story=bridge).count() == 3
    assert set(IngestJob.objects.values_list("status", flat=True)) == {"done"}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has one writer at a time; two pollers racing is PostgreSQL's case",
)
@pytest.mark.django_db(transaction=True)
def test_two_pollers_at_once_submit_each_entry_once(local_site, fetching, settings):
    settings.TASKS = DATABASE_TASKS
    bridge = Story.objects.create(title="Mill Bridge closure", slug="mill-bridge")
    feed = Feed.objects.create(story=bridge, url=serve_daily(local_site))
    start = threading.Barrier(2)
    reports = []

    def poller():
        start.wait()
        try:
            reports.append(poll_feed(Feed.objects.select_related("story").get(pk=feed.pk)))
        finally:
            connection.close()

    threads = [threading.Thread(target=poller) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(report.submitted for report in reports) == 3
    assert sum(report.skipped for report in reports) == 3
    assert IngestJob.objects.count() == 3
    assert FeedEntry.objects.filter(feed=feed).count() == 3


@pytest.fixture
def editor(client, db):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_an_editor_polls_selected_feeds_from_the_admin_and_sees_the_report(
    editor, bridge, local_site, fetching
):
    url = serve_courier(local_site)
    missing = local_site.url("/gone/feed.rss")
    courier = Feed.objects.create(story=bridge, url=url, keywords="bridge ferry")
    gone = Feed.objects.create(story=bridge, url=missing)
    changelist = reverse("admin:articles_feed_changelist")

    response = editor.post(
        changelist,
        {"action": "poll_feeds_now", "_selected_action": [courier.pk, gone.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Polled {url} (mill-bridge): 4 new, 2 matched, 2 submitted, 0 skipped, 0 errors" in page
    assert f"Failed: {missing}: HTTP 404 Not Found" in page
    assert "4 entries" in page
    assert Article.objects.filter(story=bridge).count() == 2
    entries = editor.get(
        reverse("admin:articles_feedentry_changelist") + f"?feed__id__exact={courier.pk}"
    )
    entries_page = entries.content.decode()
    assert entries.status_code == 200
    assert "Old Mill Bridge closes for urgent repairs" in entries_page
    assert "Council approves the new library budget" in entries_page


def test_an_editor_adds_a_feed_in_the_admin(editor, bridge):
    response = editor.post(
        reverse("admin:articles_feed_add"),
        {
            "story": bridge.pk,
            "url": "https://courier.example/feed.rss",
            "keywords": "bridge",
            "active": "on",
        },
        follow=True,
    )

    assert response.status_code == 200
    assert Feed.objects.get().keywords == "bridge"
    assert "https://courier.example/feed.rss" in response.content.decode()


def test_an_editor_deletes_a_feed_with_its_entries(editor, bridge):
    feed = Feed.objects.create(story=bridge, url="https://courier.example/feed.rss")
    FeedEntry.objects.create(feed=feed, key="entry-1", title="Old Mill Bridge closes")
    delete = reverse("admin:articles_feed_delete", args=[feed.pk])

    confirmation = editor.get(delete).content.decode()
    assert "Old Mill Bridge closes" in confirmation
    assert "permission to delete" not in confirmation
    editor.post(delete, {"post": "yes"})

    assert not Feed.objects.exists()
    assert not FeedEntry.objects.exists()


def test_a_viewer_sees_the_feeds_but_cannot_poll_them(client, bridge):
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.groups.add(Group.objects.get(name="Viewers"))
    client.force_login(viewer)
    feed = Feed.objects.create(story=bridge, url="https://courier.example/feed.rss")
    changelist = reverse("admin:articles_feed_changelist")

    page = client.get(changelist).content.decode()
    assert "https://courier.example/feed.rss" in page
    assert "Poll selected feeds now" not in page
    response = client.post(changelist, {"action": "poll_feeds_now", "_selected_action": [feed.pk]})
    assert response.status_code == 403
    assert Feed.objects.get().last_polled_at is None
