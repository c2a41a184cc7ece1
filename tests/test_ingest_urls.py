"""`manage.py ingest` takes web addresses and saved pages (.html) besides text files: each page's
article is stored, and a URL that fails is named with its reason while the others go in."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, IngestJob, Story

STORY_SLUG = "harbour-strike"


def article_page(town="the harbour", extra=""):
    """A news page as sites serve them: navigation and footer around one article."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends after three days</title>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ferry strike ends after three days</h1>
<p>The union said "the ferries will sail again on Monday morning" after talks in {town} ended
late on Friday. The port authority confirmed the timetable for {town} the same evening.</p>
<p>Passengers waited at the terminal for most of the week, the operator said, and many
travellers to {town} changed their plans or took the long road round the bay instead.</p>
<p>The mayor of {town} said the strike had cost local shops dearly and called for a review of
how the ferry service is run. {extra}</p>
</article>
<footer>Copyright Harbour Media. All rights reserved.</footer>
</body></html>
"""


def serve_page(local_site, path, body, status=200, content_type="text/html; charset=utf-8"):
    """Serve `body` with this status at `path` from the local site; its full URL."""
    local_site.pages[path] = (status, content_type, body.encode("utf-8"), {})
    return local_site.url(path)


@pytest.fixture
def private_fetching(settings):
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def run_ingest(*arguments, **options):
    """The command's output and errors, and the CommandError it ended with, if any."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *arguments, stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_failing_url_is_named_with_its_reason_and_the_other_is_ingested(
    db, local_site, private_fetching
):
    good = serve_page(local_site, "/news/ferry-strike", article_page())
    missing = serve_page(local_site, "/news/gone", "Not here", status=404)

    out, err, error = run_ingest(good, missing, story=STORY_SLUG)

    assert f"failed: {missing}: HTTP 404" in err
    assert missing in str(error)
    assert "2 web addresses read: 1 new" in out
    article = Article.objects.get(story__slug=STORY_SLUG)
    assert article.title == "Ferry strike ends after three days"
    assert "the ferries will sail again on Monday morning" in article.body
    assert "Copyright" not in article.body


def test_fetching_the_same_url_again_changes_nothing(db, local_site, private_fetching):
    url = serve_page(local_site, "/news/ferry-strike", article_page())
    run_ingest(url, story=STORY_SLUG)

    out, _, error = run_ingest(url, story=STORY_SLUG)

    assert error is None
    assert "1 web addresses read: 0 new, 0 updated, 1 unchanged" in out
    assert Article.objects.count() == 1


def test_a_url_needs_a_story(db):
    _, _, error = run_ingest("https://news.example/ferry")
    assert "https://news.example/ferry: a web address needs a story; pass --story SLUG" in str(
        error
    )


def test_a_saved_page_is_ingested_from_its_html_under_its_file_name(db, tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(article_page(), encoding="utf-8")

    out, _, error = run_ingest(str(page), story=STORY_SLUG)

    assert error is None
    assert "1 files read: 1 new" in out
    article = Article.objects.get(story__slug=STORY_SLUG)
    assert article.file_name == "ferry.html"
    assert article.title == "Ferry strike ends after three days"
    assert "Passengers waited at the terminal" in article.body
    assert "<p>" not in article.body


def test_a_saved_page_is_decoded_by_the_charset_it_declares(db, tmp_path):
    page = tmp_path / "cafe.htm"
    html = article_page(extra="The café owner said the queues were “longer than ever”.")
    page.write_bytes(html.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252"))

    run_ingest(str(page), story=STORY_SLUG)

    assert "The café owner said the queues were “longer than ever”." in Article.objects.get().body


def test_a_folder_of_text_files_and_saved_pages_ingests_both(db, tmp_path):
    (tmp_path / "story.toml").write_text('title = "Harbour strike"\n', encoding="utf-8")
    (tmp_path / "ferry.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(
        'Bridge repairs begin\n\nThe mayor said "the bridge will reopen before the summer."\n',
        encoding="utf-8",
    )

    out, _, error = run_ingest(str(tmp_path))

    assert error is None
    assert "2 files read: 2 new" in out
    names = set(Article.objects.values_list("file_name", flat=True))
    assert names == {"ferry.html", "bridge.txt"}


def test_a_saved_page_with_no_article_in_it_is_reported_by_name(db, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<!doctype html><html><body><nav>Home</nav></body></html>", encoding="utf-8")

    _, err, error = run_ingest(str(page), story=STORY_SLUG)

    assert "empty.html" in err
    assert "empty.html" in str(error)
    assert not Article.objects.exists()


def test_background_queues_a_job_for_each_file_and_url_and_says_how_to_run_them(
    db, tmp_path, database_tasks
):
    page = tmp_path / "ferry.html"
    page.write_text(article_page(), encoding="utf-8")

    out, _, error = run_ingest(
        str(page), "https://news.example/ferry", story=STORY_SLUG, background=True
    )

    assert error is None
    assert "2 job(s) queued" in out
    assert "manage.py db_worker" in out
    jobs = IngestJob.objects.filter(story=Story.objects.get(slug=STORY_SLUG))
    assert sorted(jobs.values_list("kind", "target", "status")) == [
        ("file", "ferry.html", "queued"),
        ("url", "https://news.example/ferry", "queued"),
    ]
    assert not Article.objects.exists()


def test_background_keeps_what_the_manifest_states_for_a_file(db, tmp_path, database_tasks):
    (tmp_path / "story.toml").write_text(
        'title = "Harbour strike"\n\n[[articles]]\nfile = "ferry.html"\n'
        'outlet = "Harbour Herald"\npublished = 2024-03-01\n',
        encoding="utf-8",
    )
    (tmp_path / "ferry.html").write_text(article_page(), encoding="utf-8")

    run_ingest(str(tmp_path), background=True)

    job = IngestJob.objects.get()
    assert job.given["stated"] == {"outlet": "Harbour Herald", "published": "2024-03-01"}


def test_background_without_workers_is_refused_with_what_to_do(db, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _, _, error = run_ingest("https://news.example/ferry", story=STORY_SLUG, background=True)
    assert "--background needs workers: set NEWSROOM_TASKS=database" in str(error)
    assert not IngestJob.objects.exists()
