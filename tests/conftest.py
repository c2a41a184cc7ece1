"""Shared fixtures: small real rows that tests build on."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from articles.models import Article, Source, Story
from claims.analysis.pipeline import build_pipeline

from .browser import DEMO, SLUG
from .local_web import local_site  # noqa: F401 -- a fixture: tests fetch from a local web site


@pytest.fixture(scope="session")
def nlp():
    """The analysis pipeline alone, for tests of the analysis: no database, no models."""
    return build_pipeline(django_settings.NEWSROOM_SPACY_MODEL)


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Serve static files by their plain names: tests run without collectstatic."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def story(db):
    return Story.objects.create(title="A phone call", slug="a-phone-call")


@pytest.fixture
def source(db):
    return Source.objects.create(name="Daily Example", domain="example.com")


@pytest.fixture
def article(story, source):
    return Article.objects.create(
        story=story,
        source=source,
        title="Leaders speak by phone",
        file_name="call.txt",
        body='The minister said the talks were "productive".',
        raw_text='The minister said the talks were "productive".',
        content_hash="a" * 64,
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright's own browser download does not work here."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def demo(live_server):
    """The demo story, ingested afresh: each browser test starts from an empty database."""
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    return Story.objects.get(slug=SLUG)


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
