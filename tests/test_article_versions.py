"""Revisions: a changed file or page becomes the article's next version, the old ones stay; the
reader compares two versions word by word and says where the article's position moved."""

import csv
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import Article, ArticleVersion, Story
from claims.ingestion import ingest_text, ingest_url
from claims.models import Claim, Mention, SetBy

from .test_article_reader import TreeBuilder

SLUG = "bridge-repairs"
FIRST = (
    "Title: Old bridge to close\n"
    "Outlet: The Harbour Courier\n"
    "Date: 2024-05-02\n\n"
    "The mayor said the old bridge would close in May for repairs.\n\n"
    "Traffic will move to the ferry while the work goes on.\n"
)
DENIAL = "The council denied that the old bridge would close in May."
# The second version puts the council's denial before the paragraph about the ferry.
SECOND = FIRST.replace("\n\nTraffic", f"\n\n{DENIAL}\n\nTraffic")
FERRY = "Traffic will move to the ferry while the work goes on."


def ingest(folder):
    call_command("ingest", str(folder), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def story_folder(tmp_path, db):
    """A story folder holding one article file, ingested once."""
    folder = tmp_path / SLUG
    folder.mkdir()
    (folder / "story.toml").write_text('title = "Bridge repairs"\n', encoding="utf-8")
    (folder / "bridge.txt").write_text(FIRST, encoding="utf-8")
    ingest(folder)
    return folder


def change_and_ingest(folder, text=SECOND):
    (folder / "bridge.txt").write_text(text, encoding="utf-8")
    ingest(folder)
    return Article.objects.get(story__slug=SLUG)


def page(client, article, query=""):
    response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200, response.content.decode()[:2000]
    builder = TreeBuilder()
    builder.feed(response.content.decode())
    return builder.root


def texts(root, tag):
    return [" ".join(e.text.split()) for e in root.find_all(lambda e: e.tag == tag)]


def export(*arguments):
    out = io.StringIO()
    call_command("export_csv", *arguments, stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_a_changed_file_ingested_again_becomes_version_2_and_keeps_version_1(story_folder):
    article = change_and_ingest(story_folder)
    ingest(story_folder)

    first, second = article.versions.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert DENIAL not in first.body and DENIAL in second.body
    assert article.body == second.body
    assert first.content_hash != second.content_hash == article.content_hash
    assert first.title == second.title == "Old bridge to close"
    assert first.positions and second.positions


def test_the_reader_shows_both_versions_the_added_words_and_the_new_denial(client, story_folder):
    article = change_and_ingest(story_folder)

    root = page(client, article)

    rows = [row for row in texts(root, "tr") if row[:1].isdigit()]
    assert [row[0] for row in rows] == ["1", "2"]
    assert "From version 1 to version 2" in texts(root, "h3")
    assert DENIAL in " ".join(texts(root, "ins"))
    assert texts(root, "del") == ["words taken out"]
    claim = Mention.objects.get(article=article, stance="denies").claim
    changes = [text for text in texts(root, "li") if text.startswith("version 2")]
    assert changes == [f"version 2 changed from repeats to reports both sides on: {claim.text}"]


def test_the_reader_compares_the_versions_asked_for(client, story_folder):
    change_and_ingest(story_folder)
    article = change_and_ingest(story_folder, SECOND.replace(f"{DENIAL}\n\n", ""))

    root = page(client, article, "?from=2&to=3")

    assert "From version 2 to version 3" in texts(root, "h3")
    assert DENIAL in " ".join(texts(root, "del"))
    claim = Mention.objects.get(article=article, stance="repeats").claim
    changes = [text for text in texts(root, "li") if text.startswith("version 3")]
    assert changes == [f"version 3 changed from reports both sides to repeats on: {claim.text}"]


def test_a_claim_a_new_version_no_longer_states_is_named_as_dropped(client, story_folder):
    (claim,) = Claim.objects.filter(story__slug=SLUG)
    article = change_and_ingest(story_folder, FIRST.replace("old bridge would close", "bridge is"))

    assert not Claim.objects.filter(pk=claim.pk).exists()
    changes = [text for text in texts(page(client, article), "li") if text.startswith("version 2")]
    assert f"version 2 dropped: {claim.text} (no longer in the story)" in changes


def test_a_version_number_the_article_does_not_have_is_a_400_naming_the_parameter(
    client, story_folder
):
    article = change_and_ingest(story_folder)

    bad = (("?from=7", "from"), ("?to=x", "to"), ("?from=0", "from"), ("?to=²", "to"))
    for query, named in bad:
        response = client.get(article.get_absolute_url() + query)
        assert response.status_code == 400
        message = response.content.decode()
        assert f"Bad parameter: {named}:" in message
        assert "is not a version of this article (it has versions 1 to 2)" in message


def test_an_editors_mention_stays_with_its_words_after_a_new_version(client, story_folder):
    article = Article.objects.get(story__slug=SLUG)
    claim = Claim.objects.create(
        story=article.story, text="Traffic moves to the ferry", set_by=SetBy.EDITOR
    )
    start = article.body.index(FERRY)
    Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=FERRY,
        start=start,
        end=start + len(FERRY),
        set_by=SetBy.EDITOR,
    )

    article = change_and_ingest(story_folder)

    kept = Mention.objects.get(claim=claim)
    assert article.body[kept.start : kept.end] == FERRY
    root = page(client, article)
    assert "Traffic moves to the ferry" in texts(root, "a")
    assert not [text for text in texts(root, "li") if "version 2" in text and "ferry" in text]


def test_an_article_stored_before_versions_keeps_its_old_text_as_version_1(article):
    changed = "Title: Leaders speak by phone\n\nThe minister said the talks were long."
    ingest_text_again(article, changed)

    first, second = article.versions.order_by("number")
    assert first.body == 'The minister said the talks were "productive".'
    assert "were long" in second.body


def ingest_text_again(article, text):
    assert ingest_text(article.story, article.file_name, text) == "updated"


def test_the_migration_gives_each_older_article_its_text_as_version_1(article):
    migration = importlib.import_module("articles.migrations.0005_first_version_of_each_article")

    migration.add_first_versions(apps, None)
    migration.add_first_versions(apps, None)

    (version,) = ArticleVersion.objects.filter(article=article)
    assert (version.number, version.body, version.title) == (1, article.body, article.title)
    assert version.positions == {}


def test_exports_count_and_list_each_articles_versions(client, admin_client, story_folder):
    article = change_and_ingest(story_folder)

    (row,) = export("articles", "--story", SLUG)
    assert row["versions"] == "2"
    versions = export("versions", "--story", SLUG)
    assert [(v["article_id"], v["version"]) for v in versions] == [
        (str(article.pk), "1"),
        (str(article.pk), "2"),
    ]
    assert [v["content_sha256"] for v in versions] == list(
        article.versions.order_by("number").values_list("content_hash", flat=True)
    )
    assert {v["fetched_at"] for v in versions} == {""}
    response = client.get(f"/stories/{SLUG}/export/versions.csv")
    assert response["Content-Type"].startswith("text/csv")
    web = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert web == versions
    action = admin_client.post(
        "/admin/articles/article/",
        {"action": "export_articles", "_selected_action": [str(article.pk)]},
    )
    (admin_row,) = csv.DictReader(io.StringIO(b"".join(action.streaming_content).decode()))
    assert admin_row["versions"] == "2"


def news_page(extra=""):
    """A news page as sites serve them: navigation and footer around one article."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends after three days</title>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Ferry strike ends after three days</h1>
<p>The union said "the ferries will sail again on Monday morning" after talks in the harbour
ended late on Friday. The port authority confirmed the timetable the same evening.</p>
<p>Passengers waited at the terminal for most of the week, the operator said, and many
travellers changed their plans or took the long road round the bay instead. {extra}</p>
</article>
<footer>Copyright Harbour Media.</footer>
<script>document.title = "run";</script>
</body></html>
"""


def test_a_page_fetched_again_with_a_changed_text_keeps_each_versions_page(
    client, db, local_site, settings
):
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True
    story = Story.objects.create(title="Ferry strike", slug="ferry-strike")
    local_site.page("/news/strike", news_page())
    url = local_site.url("/news/strike")
    ingest_url(story, url)
    assert ingest_url(story, url) == "unchanged"
    local_site.page("/news/strike", news_page("The first ferry left at six."))

    assert ingest_url(story, url) == "updated"

    article = Article.objects.get(story=story)
    first, second = article.versions.order_by("number")
    assert "<script>" in first.html and "left at six" in second.html
    assert first.fetched_at < second.fetched_at and second.fetched_url == url
    archive = client.get(f"/stories/{story.slug}/articles/{article.pk}/versions/1/archive.html")
    assert archive.status_code == 200
    assert archive["Content-Type"] == "text/plain; charset=utf-8"
    assert archive["Content-Disposition"].startswith("attachment;")
    assert archive["Content-Security-Policy"].startswith("sandbox")
    assert archive.content.decode() == first.html
    root = page(client, article)
    assert "left at six." in " ".join(texts(root, "ins"))
    assert url in texts(root, "a")
    archive_links = root.find_all(lambda e: e.tag == "a" and e.text == "HTML source")
    assert [link.attrs["href"] for link in archive_links] == [
        f"{article.get_absolute_url()}versions/{number}/archive.html" for number in (1, 2)
    ]
    (row,) = [v for v in export("versions", "--story", story.slug) if v["version"] == "2"]
    assert row["url"] == url and row["fetched_at"] == second.fetched_at.isoformat()


def test_a_version_without_a_fetched_page_has_no_archive(client, story_folder):
    article = change_and_ingest(story_folder)

    response = client.get(f"{article.get_absolute_url()}versions/1/archive.html")

    assert response.status_code == 404


def test_the_reader_queries_do_not_grow_with_versions_or_changed_claims(
    client, article, django_assert_max_num_queries
):
    claims = Claim.objects.bulk_create(
        Claim(story=article.story, text=f"Claim {n}") for n in range(12)
    )

    def add_versions(count):
        for number in range(article.versions.count() + 1, count + 1):
            ArticleVersion.objects.create(
                article=article,
                number=number,
                body=f"{article.body} Version {number}.",
                content_hash=f"{number:064x}",
                positions={str(claim.pk): "repeats" for claim in claims[:number]},
            )

    add_versions(3)
    with django_assert_max_num_queries(100) as small:
        page(client, article, "?from=1&to=2")
    add_versions(12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        root = page(client, article, "?from=1&to=11")
    assert len([t for t in texts(root, "li") if t.startswith("version 11 added")]) == 10
