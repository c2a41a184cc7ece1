"""Copy detection finds what a new article copies from the words stored with each article, so
a run that adds one article to a large story reads neither the story's texts nor more rows."""

import hashlib
import importlib
import random
import threading

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from articles.copies import indexed_terms, paragraph_terms
from articles.copy_index import ArticleParagraphTerms, ArticleTerm, StoryTerm
from articles.models import Article, CopyKind, Story
from articles.reading import ArticleText
from articles.store import ArticleStore, lock_story

# Invented words, so that no two generated articles share more than chance gives.
SYLLABLES = ["bra", "cel", "dor", "fen", "gal", "hur", "kem", "lis", "mov", "nar", "pet", "rus"]
WORDS = sorted({a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES})
PARAGRAPHS, WORDS_PER_PARAGRAPH = 5, 14


def invented_body(seed):
    rng = random.Random(seed)
    return "\n\n".join(
        " ".join(rng.sample(WORDS, WORDS_PER_PARAGRAPH)) + "." for _ in range(PARAGRAPHS)
    )


def scraped(body):
    """The body as a scraper copies it: each paragraph's last word changed, a line added."""
    paragraphs = [p.rsplit(" ", 1)[0] + " copied." for p in body.split("\n\n")]
    return "\n\n".join([*paragraphs, "Read more on our site."])


def text_of(file_name, body):
    return ArticleText(
        file_name=file_name,
        raw_text=body,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def ingested(story, file_name, body, store=None):
    """The article after a run (a new store, unless given) stored it and looked for a copy."""
    store = store or ArticleStore(story)
    existing = Article.objects.filter(story=story, file_name=file_name).first()
    article = store.save(
        existing or Article(story=story, file_name=file_name), text_of(file_name, body)
    )
    store.mark_copy(article)
    article.refresh_from_db()
    return article


def stored_counts():
    """The stored counts of the articles holding each term, by (story, term)."""
    held = StoryTerm.objects.filter(articles__gt=0).values_list("story", "term", "articles")
    return {(story, term): articles for story, term, articles in held}


def counted_again():
    """The counts of articles holding each term, counted from the index itself."""
    grouped = ArticleTerm.objects.values("story", "term").annotate(n=Count("article"))
    return {(row["story"], row["term"]): row["n"] for row in grouped}


def story_of(size, slug):
    story = Story.objects.create(title=slug, slug=slug)
    store = ArticleStore(story)
    for number in range(size):
        ingested(story, f"{number:03}.txt", invented_body(f"{slug}-{number}"), store)
    return story


def test_a_run_finds_the_copy_of_an_article_an_earlier_run_stored(story):
    original = ingested(story, "original.txt", invented_body("original"))

    copy = ingested(story, "copy.txt", scraped(original.body))

    assert copy.copy_of == original
    assert copy.copy_kind == CopyKind.VERBATIM
    assert original.copy_of is None


def test_starting_a_run_reads_no_article_text(story):
    ingested(story, "original.txt", invented_body("original"))

    with CaptureQueriesContext(connection) as queries:
        ArticleStore(story)

    assert len(queries) == 1
    assert "body" not in queries[0]["sql"]


def test_a_changed_article_is_found_by_its_new_words_only(story):
    first_body, second_body = invented_body("first"), invented_body("second")
    changed = ingested(story, "changed.txt", first_body)
    ingested(story, "changed.txt", second_body)

    copy_of_old_text = ingested(story, "old-copy.txt", scraped(first_body))
    copy_of_new_text = ingested(story, "new-copy.txt", scraped(second_body))

    assert copy_of_old_text.copy_of is None
    assert copy_of_new_text.copy_of == changed
    stored_terms = set(ArticleTerm.objects.filter(article=changed).values_list("term", flat=True))
    assert stored_terms == indexed_terms(paragraph_terms(second_body))
    assert stored_counts() == counted_again()


def test_a_deleted_article_is_no_longer_found(story):
    deleted = ingested(story, "deleted.txt", invented_body("deleted"))
    body = deleted.body
    deleted.delete()

    copy = ingested(story, "copy.txt", scraped(body))

    assert copy.copy_of is None
    assert not ArticleTerm.objects.filter(article_id=deleted.pk).exists()
    assert stored_counts() == counted_again()


def queries_to_add_a_copy(story):
    """How many queries a new run makes to store a copy of the story's first article."""
    original = Article.objects.get(story=story, file_name="000.txt")
    with CaptureQueriesContext(connection) as queries:
        copy = ingested(story, "copy.txt", scraped(original.body))
    assert copy.copy_of == original
    return len(queries)


def test_adding_an_article_makes_as_many_queries_in_a_large_story_as_in_a_small_one(db):
    small, large = story_of(5, "small"), story_of(40, "large")

    assert queries_to_add_a_copy(large) == queries_to_add_a_copy(small)


def test_the_migration_indexes_stored_articles_as_ingestion_does(story):
    original = ingested(story, "original.txt", invented_body("original"))
    ingested(story, "other.txt", invented_body("other"))
    indexed_by_ingestion = sorted(ArticleTerm.objects.values_list("story", "article", "term"))
    paragraphs_by_ingestion = sorted(ArticleParagraphTerms.objects.values_list("pk", "paragraphs"))
    counts_by_ingestion = stored_counts()
    ArticleTerm.objects.all().delete()
    ArticleParagraphTerms.objects.all().delete()
    StoryTerm.objects.all().delete()
    migration = importlib.import_module("articles.migrations.0006_copy_index")

    migration.fill_copy_index(apps, None)
    # Articles already indexed are left as they are: filling again changes nothing.
    migration.fill_copy_index(apps, None)

    assert sorted(ArticleTerm.objects.values_list("story", "article", "term")) == (
        indexed_by_ingestion
    )
    assert sorted(ArticleParagraphTerms.objects.values_list("pk", "paragraphs")) == (
        paragraphs_by_ingestion
    )
    assert stored_counts() == counts_by_ingestion
    assert ingested(story, "copy.txt", scraped(original.body)).copy_of == original


def test_deleting_a_story_deletes_its_index(db):
    kept, deleted = story_of(2, "kept"), story_of(2, "deleted")
    counts_kept = {key: n for key, n in stored_counts().items() if key[0] == kept.pk}

    deleted.delete()

    assert not ArticleTerm.objects.filter(story_id=deleted.pk).exists()
    assert not StoryTerm.objects.filter(story_id=deleted.pk).exists()
    assert stored_counts() == counts_kept == counted_again()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers itself; the advisory lock is PostgreSQL's",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_storing_one_story_at_once_keep_its_counts_exact_and_find_copies():
    story = Story.objects.create(title="Shared", slug="shared")
    bodies = [invented_body(f"shared-{number}") for number in range(8)]

    def worker(name, texts):
        try:
            store = ArticleStore(story)
            for number, body in enumerate(texts):
                with transaction.atomic():
                    lock_story(story)
                    ingested(story, f"{name}-{number}.txt", body, store)
        finally:
            connection.close()

    # Each worker stores the copies of the articles the other one stores.
    workers = [
        threading.Thread(target=worker, args=("a", bodies[:4] + [scraped(b) for b in bodies[4:]])),
        threading.Thread(target=worker, args=("b", bodies[4:] + [scraped(b) for b in bodies[:4]])),
    ]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()

    assert stored_counts() == counted_again()
    linked = Article.objects.filter(story=story, copy_of__isnull=False)
    pairs = {frozenset((a.body, a.copy_of.body)) for a in linked.select_related("copy_of")}
    assert pairs == {frozenset((body, scraped(body))) for body in bodies}
