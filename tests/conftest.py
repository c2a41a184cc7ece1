"""Shared fixtures: small real rows that tests build on."""

import pytest

from articles.models import Article, Source, Story


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
