"""An editor gives web addresses on the admin's "Add articles" page: the page returns at once to
a list of the story's jobs that follows them, showing each one's article or why it failed."""

import html
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, IngestJob, IngestStatus, Story

from .test_ingest_urls import article_page, serve_page

ADD_ARTICLES = "/admin/claims/claim/add-articles/"
JOBS_ADMIN = "/admin/articles/ingestjob/"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("chief", password="x"))
    return client


@pytest.fixture
def harbour(db):
    return Story.objects.create(title="Harbour strike", slug="harbour-strike")


@pytest.fixture
def fetching(settings):
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True
    settings.NEWSROOM_FETCH_RETRY_SECONDS = 0.01
    settings.NEWSROOM_FETCH_ATTEMPTS = 4


@pytest.fixture
def immediate(settings):
    settings.TASKS = IMMEDIATE_TASKS


def progress_url(story):
    return reverse("admin:claims_add_articles_progress", args=[story.pk])


def add(client, story, **fields):
    return client.post(ADD_ARTICLES, {"story": story.pk, **fields}, follow=True)


def job_rows(page):
    """The progress table as an editor reads it: one list of cell texts per job."""
    table = re.search(r'<div id="ingest-jobs".*?</div>', page, re.DOTALL)[0]
    rows = re.findall(r"<tr class=\"ingest-job-\w+\">(.*?)</tr>", table, re.DOTALL)
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
        ]
        for row in rows
    ]


def test_a_web_address_is_ingested_and_the_progress_page_links_its_article(
    editor, harbour, local_site, fetching, immediate
):
    url = serve_page(local_site, "/news/ferry", article_page())

    response = add(editor, harbour, urls=f"{url}\n")

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == progress_url(harbour)
    assert f"Ingested {url}: new." in page
    article = Article.objects.get(story=harbour)
    assert job_rows(page) == [
        [url, "web address", "done", "1", "new: Ferry strike ends after three days", ""]
    ]
    assert f'<a href="{article.get_absolute_url()}">' in page
    # Everything is finished: the list does not ask to be refreshed.
    assert "hx-trigger" not in page


def test_a_page_that_keeps_failing_shows_failed_its_attempts_and_the_reason(
    editor, harbour, local_site, fetching, immediate
):
    url = serve_page(local_site, "/busy", "Busy", status=503)

    page = add(editor, harbour, urls=url).content.decode()

    reason = f"gave up after 4 attempts: {url}: HTTP 503 Service Unavailable"
    assert job_rows(page) == [[url, "web address", "failed", "4", "", reason]]
    assert f"Not added: {reason}" in page
    assert not Article.objects.exists()


def test_with_workers_the_page_returns_at_once_and_follows_the_queued_jobs(
    editor, harbour, settings
):
    settings.TASKS = DATABASE_TASKS
    upload = SimpleUploadedFile("ferry.html", article_page().encode(), content_type="text/html")

    page = add(
        editor,
        harbour,
        urls="https://news.example/ferry\n\nhttps://news.example/bridge",
        files=[upload],
        text='The mayor said "the bridge will reopen before the summer."',
    ).content.decode()

    assert "4 item(s) sent to the workers" in page
    rows = job_rows(page)
    assert sorted(row[:4] for row in rows) == [
        ["(pasted text)", "pasted text", "waiting", "0"],
        ["ferry.html", "uploaded file", "waiting", "0"],
        ["https://news.example/bridge", "web address", "waiting", "0"],
        ["https://news.example/ferry", "web address", "waiting", "0"],
    ]
    progress = progress_url(harbour)
    assert f'hx-get="{progress}" hx-trigger="every 2s"' in page
    assert not Article.objects.exists()

    # What htmx asks for every two seconds: the list alone, still refreshing.
    fragment = editor.get(progress, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="ingest-jobs"')
    assert "<html" not in fragment
    assert 'hx-trigger="every 2s"' in fragment

    IngestJob.objects.update(status=IngestStatus.DONE)
    fragment = editor.get(progress, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in fragment


def test_the_progress_page_loads_htmx_from_static_files_and_runs_no_inline_script(
    editor, harbour, settings
):
    settings.TASKS = DATABASE_TASKS
    page = add(editor, harbour, urls="https://news.example/ferry").content.decode()
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.DOTALL)
    assert scripts and all(body.strip() == "" for body in scripts)
    assert re.search(r'<script src="[^"]*htmx[^"]*\.js"', page)
    assert 'style="' not in page


def test_a_bad_web_address_is_a_form_error_naming_its_line_and_nothing_is_queued(editor, harbour):
    lines = [
        "https://news.example/ferry",
        "news.example bridge",
        "ftp://x.example/",
        "https://news.example/" + "a" * 2000,
    ]
    page = html.unescape(add(editor, harbour, urls="\n".join(lines)).content.decode())
    assert "Web addresses, line 2: 'news.example bridge' is not a web address" in page
    assert "Web addresses, line 3: 'ftp://x.example/' is not a web address" in page
    assert "Web addresses, line 4: longer than 2,000 characters" in page
    assert not IngestJob.objects.exists()


def test_an_empty_form_asks_for_a_file_a_text_or_a_web_address(editor, harbour):
    page = add(editor, harbour).content.decode()
    assert "Upload at least one file, paste a text or give a web address." in page


def test_an_uploaded_saved_page_is_read_as_html(editor, harbour, immediate):
    upload = SimpleUploadedFile("ferry.html", article_page().encode(), content_type="text/html")
    page = add(editor, harbour, files=[upload]).content.decode()
    assert "Ingested ferry.html: new." in page
    article = Article.objects.get(story=harbour)
    assert article.title == "Ferry strike ends after three days"
    assert "<p>" not in article.body


def test_the_jobs_admin_lists_jobs_read_only_with_filters(editor, harbour, settings):
    settings.TASKS = DATABASE_TASKS
    add(editor, harbour, urls="https://news.example/ferry")
    add(editor, Story.objects.create(title="Bridge", slug="bridge"), text="The mayor spoke.")
    job = IngestJob.objects.get(story=harbour)

    listing = editor.get(JOBS_ADMIN).content.decode()
    assert "https://news.example/ferry" in listing
    for filter_name in ("status", "kind", "story"):
        assert f"?{filter_name}__" in listing or f"?{filter_name}=" in listing
    assert f"{JOBS_ADMIN}add/" not in listing
    detail = editor.get(f"{JOBS_ADMIN}{job.pk}/change/").content.decode()
    assert 'name="target"' not in detail
    assert editor.post(f"{JOBS_ADMIN}{job.pk}/change/", {"target": "x"}).status_code == 403


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_browser_the_list_follows_a_job_until_it_is_done(page, live_server, settings):
    """htmx refreshes the list under the Content-Security-Policy, then stops asking."""
    settings.TASKS = DATABASE_TASKS
    harbour = Story.objects.create(title="Harbour strike", slug="harbour-strike")
    User.objects.create_superuser("chief", "chief@example.com", "a-long-password")
    violations = []
    page.on("console", lambda message: message.type == "error" and violations.append(message.text))
    page.add_init_script(
        """document.addEventListener('securitypolicyviolation', event =>
            console.error(`CSP ${event.violatedDirective} ${event.blockedURI}`));"""
    )
    page.goto(f"{live_server.url}/admin/login/?next={ADD_ARTICLES}")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    page.select_option("#id_story", str(harbour.pk))
    page.fill("#id_urls", "https://news.example/ferry")
    page.click("input[type=submit][value='Add to the story']")

    row = page.locator("#ingest-jobs tbody tr").first
    expect(row).to_contain_text("waiting")
    IngestJob.objects.update(status=IngestStatus.DONE, outcome="unchanged", attempts=1)
    expect(row).to_contain_text("done", timeout=6000)
    expect(page.locator("#ingest-jobs")).not_to_have_attribute("hx-trigger", "every 2s")
    assert violations == []
