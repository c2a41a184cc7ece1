"""The database itself refuses rows that break the model's invariants, on SQLite and PostgreSQL."""

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, Source
from claims.models import Claim, Mention, Quote, Speaker


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_source_names_are_unique(source):
    refused(lambda: Source.objects.create(name=source.name))


def test_same_content_is_stored_once_per_story(article):
    refused(
        lambda: Article.objects.create(
            story=article.story,
            file_name="other-name.txt",
            body="x",
            raw_text="x",
            content_hash=article.content_hash,
        )
    )


def test_same_content_may_belong_to_two_stories(article, django_user_model):
    from articles.models import Story

    other_story = Story.objects.create(title="Another", slug="another")
    copy = Article.objects.create(
        story=other_story,
        file_name=article.file_name,
        body=article.body,
        raw_text=article.raw_text,
        content_hash=article.content_hash,
    )
    assert copy.pk != article.pk


def test_article_cannot_be_a_copy_of_itself(article):
    article.copy_of_id = article.pk
    refused(article.save)


def test_quote_offsets_must_be_ordered(article):
    refused(lambda: Quote.objects.create(article=article, text="x", start=10, end=10))
    refused(lambda: Quote.objects.create(article=article, text="x", start=10, end=4))


def test_quote_offsets_cannot_be_negative(article):
    refused(lambda: Quote.objects.create(article=article, text="x", start=-1, end=4))


def test_mention_stance_must_be_repeats_or_denies(article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    refused(
        lambda: Mention.objects.create(
            claim=claim, article=article, stance="doubts", sentence="s", start=0, end=5
        )
    )


def test_mention_offsets_must_be_ordered(article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    refused(
        lambda: Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence="s", start=9, end=3
        )
    )


def test_mention_set_by_must_be_machine_or_editor(article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    refused(
        lambda: Mention.objects.create(
            claim=claim,
            article=article,
            stance="repeats",
            sentence="s",
            start=0,
            end=3,
            set_by="robot",
        )
    )


def test_claim_verdict_must_be_known(story):
    refused(lambda: Claim.objects.create(story=story, text="x", verdict="maybe"))


def test_speaker_kind_must_be_known(db):
    refused(lambda: Speaker.objects.create(name="Someone", kind="alien"))


def test_a_valid_mention_is_stored_with_its_evidence(article):
    speaker = Speaker.objects.create(name="The minister")
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    mention = Mention.objects.create(
        claim=claim,
        article=article,
        stance=Mention.Stance.REPEATS,
        sentence=article.body,
        start=0,
        end=len(article.body),
        speaker=speaker,
    )
    mention.refresh_from_db()
    assert article.body[mention.start : mention.end] == mention.sentence
    assert mention.set_by == "machine"
