"""The article reader: the body with claim sentences and quotes marked, metadata and lineage."""

from claims.models import Claim, Mention, Quote, Speaker


def test_reader_marks_claim_sentences_and_quotes(client, article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    mention = Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=article.body,
        start=0,
        end=len(article.body),
    )
    start = article.body.index("productive")
    Quote.objects.create(
        article=article,
        speaker=Speaker.objects.create(name="The minister"),
        text="productive",
        start=start,
        end=start + len("productive"),
        kind="scare",
    )

    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()

    assert f'id="m-{mention.pk}"' in page
    assert f'href="/stories/{article.story.slug}/claims/{claim.pk}/"' in page
    assert '<q class="quote quote-scare" title="The minister">productive</q>' in page
    assert "Daily Example" in page
    assert "The talks were productive" in page


def test_reader_shows_copy_lineage(client, article):
    copy = article.__class__.objects.create(
        story=article.story,
        file_name="copy.txt",
        body="x y",
        raw_text="x y",
        content_hash="c" * 64,
        copy_of=article,
        title="A translated copy",
    )
    original_page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/")
    copy_page = client.get(f"/stories/{article.story.slug}/articles/{copy.pk}/")
    assert "A translated copy" in original_page.content.decode()
    assert "Copied from" in copy_page.content.decode()


def test_article_html_shows_as_text(client, article):
    article.body = 'Before <script>alert("x")</script> <b>bold</b>\n\nAfter'
    article.save()
    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "<b>bold</b>" not in page
    assert "</p><p>After" in page


def test_overlapping_quote_and_sentence_still_nest(client, article):
    article.body = 'He said "one. Two." Then more.'
    article.save()
    claim = Claim.objects.create(story=article.story, text="One")
    Mention.objects.create(
        claim=claim, article=article, stance="denies", sentence='He said "one.', start=0, end=13
    )
    Quote.objects.create(article=article, text="one. Two.", start=9, end=18)
    page = client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").content.decode()
    body = page[
        page.index('<div class="body">') : page.index("</div>", page.index('<div class="body">'))
    ]
    # The quote runs past the sentence: both are cut where they cross, so the HTML nests.
    assert body.count("<q ") == body.count("</q>") == 2
    assert body.count("<a ") == body.count("</a>") == 2
    assert body.count('id="m-') == 1


def test_reader_queries_do_not_grow_with_mentions(client, article, django_assert_max_num_queries):
    for number in range(40):
        claim = Claim.objects.create(story=article.story, text=f"Claim {number}")
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence="The", start=0, end=3
        )
        Quote.objects.create(article=article, text="x", start=number + 4, end=number + 5)
    with django_assert_max_num_queries(6):
        assert (
            client.get(f"/stories/{article.story.slug}/articles/{article.pk}/").status_code == 200
        )
