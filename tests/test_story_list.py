"""The home page lists the stories in the app."""

from articles.models import Story


def test_home_lists_each_story_with_its_article_count(client, article):
    Story.objects.create(title="An empty story", slug="empty")
    page = client.get("/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "A phone call" in text
    assert "1 article" in text
    assert "An empty story" in text


def test_home_escapes_story_titles(client, db):
    Story.objects.create(title="<script>alert(1)</script>", slug="x")
    text = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;" in text
