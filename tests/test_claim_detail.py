"""A claim's page: its evidence, and its verdict as schema.org ClaimReview JSON-LD."""

import json
import re

from articles.models import Article, Source
from claims.models import Claim, Mention, Speaker

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def claim_with_mention(article, **fields):
    claim = Claim.objects.create(story=article.story, text="The talks were productive", **fields)
    Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=article.body,
        start=0,
        end=len(article.body),
        speaker=Speaker.objects.create(name="The minister"),
    )
    return claim


def test_claim_page_shows_the_evidence_and_who_says_it(client, article):
    claim = claim_with_mention(article)

    page = client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").content.decode()

    assert "The talks were productive" in page
    assert "The minister" in page
    assert "Daily Example" in page
    assert "repeats" in page


def test_the_evidence_is_grouped_by_outlet_with_each_outlets_position(client, article):
    claim = claim_with_mention(article)
    other = Article.objects.create(
        story=article.story,
        source=Source.objects.create(name="Evening Example"),
        file_name="later.txt",
        body="Nobody called the talks productive, the envoy said.",
        raw_text="Nobody called the talks productive, the envoy said.",
        content_hash="b" * 64,
    )
    Mention.objects.create(
        claim=claim, article=other, stance="denies", sentence=other.body, start=0, end=51
    )

    page = client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").content.decode()

    headings = [
        " ".join(re.sub(r"<[^>]+>", "", heading).split())
        for heading in re.findall(r'<h3 class="outlet-heading">(.*?)</h3>', page, re.S)
    ]
    assert headings == ["Daily Example ✔ repeats", "Evening Example ✖ denies"]
    assert "Denied by <strong>Evening Example</strong>" in page


def test_wording_variants_sit_behind_their_own_toggle(client, article):
    claim = claim_with_mention(article)

    page = client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").content.decode()

    variants = page[page.index('<details class="variants">') :]
    assert variants.index("<summary>How outlets worded it (1 variant)</summary>") < variants.index(
        "Daily Example:"
    )


def test_reviewed_claim_carries_claim_review_json_ld(client, article):
    claim = claim_with_mention(article, verdict="false", editor_note="No source confirms it.")

    page = client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").content.decode()

    review = json.loads(LD_JSON.search(page).group(1))
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "The talks were productive"
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewBody"] == "No source confirms it."


def test_unreviewed_claim_has_no_review(client, article):
    claim = claim_with_mention(article)
    page = client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").content.decode()
    assert not LD_JSON.search(page)


def test_claim_text_cannot_break_out_of_the_json_ld(client, article):
    claim = claim_with_mention(article, verdict="disputed")
    claim.text = "</script><script>alert(1)</script>"
    claim.save()

    page = client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").content.decode()

    assert "<script>alert(1)" not in page
    review = json.loads(LD_JSON.search(page).group(1))
    assert review["claimReviewed"] == "</script><script>alert(1)</script>"


def test_claim_of_another_story_is_not_found(client, article):
    claim = claim_with_mention(article)
    assert client.get(f"/stories/other/claims/{claim.pk}/").status_code == 404


def test_claim_page_queries_do_not_grow_with_mentions(
    client, article, django_assert_max_num_queries
):
    claim = claim_with_mention(article)
    for number in range(40):
        Mention.objects.create(
            claim=claim, article=article, stance="denies", sentence="The", start=number, end=50
        )
    with django_assert_max_num_queries(8):
        assert client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").status_code == 200


def test_a_claim_with_many_mentions_shows_its_evidence_a_page_at_a_time(client, article, db):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    for number in range(60):
        other = Article.objects.create(
            story=article.story,
            source=article.source,
            file_name=f"copy-{number:02d}.txt",
            body=f"Report number {number} said the talks were productive.",
            content_hash=f"{number:064d}",
        )
        Mention.objects.create(
            claim=claim,
            article=other,
            stance="repeats",
            sentence=other.body,
            start=0,
            end=len(other.body),
        )
    url = f"/stories/{article.story.slug}/claims/{claim.pk}/"

    first = client.get(url, headers={"HX-Request": "true"}).content.decode()
    second = client.get(url, {"page": 2}, headers={"HX-Request": "true"}).content.decode()

    assert "Mentions 1–50 of 60" in first
    assert "Report number 49 said" in first and "Report number 50 said" not in first
    assert "Mentions 51–60 of 60" in second and "Report number 59 said" in second
    assert "Later mentions" in first and "Earlier mentions" in second
    assert client.get(url, {"page": "x"}).status_code == 400
