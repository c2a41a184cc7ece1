"""A claim's page: its evidence, and its verdict as schema.org ClaimReview JSON-LD."""

import datetime
import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Source
from claims.evidence import OUTLETS_PER_PAGE
from claims.models import Claim, Mention, Speaker

# The claim, its outlets' positions and the editors' corrections, its deniers and their
# mentions, its outlets from the summary, the mentions shown and the outlets' wordings.
QUERIES = 9

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
    with django_assert_max_num_queries(QUERIES):
        assert client.get(f"/stories/{article.story.slug}/claims/{claim.pk}/").status_code == 200


def add_reports(claim, source, count, first_day=1, stance="repeats", speaker=None):
    """`count` articles of `source`, a day apart from `first_day` of March, each carrying
    the claim once."""
    for number in range(count):
        day = first_day + number
        body = f"{source.name} report {day:02d} said the talks were productive."
        other = Article.objects.create(
            story=claim.story,
            source=source,
            file_name=f"{source.pk}-{day:02d}.txt",
            body=body,
            raw_text=body,
            content_hash=f"{source.pk}-{day:02d}".ljust(64, "0"),
            published=datetime.date(2024, 3, day),
        )
        Mention.objects.create(
            claim=claim,
            article=other,
            stance=stance,
            sentence=body,
            start=0,
            end=len(body),
            speaker=speaker,
        )


def evidence(client, claim, **parameters):
    url = f"/stories/{claim.story.slug}/claims/{claim.pk}/"
    return client.get(url, parameters, headers={"HX-Request": "true"}).content.decode()


def outlet_headings(html):
    return [
        re.sub(r"<[^>]+>", "", heading).split("✔")[0].split("✖")[0].strip()
        for heading in re.findall(r'<h3 class="outlet-heading">(.*?)</h3>', html, re.S)
    ]


def test_the_evidence_shows_each_outlets_first_mention_and_links_to_the_rest(client, article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    add_reports(claim, article.source, 30)
    url = f"/stories/{article.story.slug}/claims/{claim.pk}/"

    first = evidence(client, claim)

    assert outlet_headings(first) == ["Daily Example"]
    assert "Daily Example report 01 said" in first and "report 02 said" not in first
    more = f'href="{url}?outlet={article.source.pk}" hx-get="{url}?outlet={article.source.pk}"'
    assert more in first and "29 more mentions from Daily Example" in first


def test_one_outlets_evidence_comes_a_page_at_a_time_by_date(client, article, db):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    add_reports(claim, article.source, 60 - 29)
    add_reports(claim, Source.objects.create(name="Evening Example"), 5)
    july = Article.objects.create(
        story=article.story,
        source=article.source,
        file_name="late.txt",
        body="x",
        raw_text="x",
        content_hash="l" * 64,
    )
    for number in range(29):
        Mention.objects.create(
            claim=claim,
            article=july,
            stance="repeats",
            sentence=f"Late line {number:02d}",
            start=number,
            end=number + 1,
        )
    outlet = article.source.pk

    first = evidence(client, claim, outlet=outlet).split('<details class="variants">')[0]
    second = evidence(client, claim, outlet=outlet, page=2)

    assert outlet_headings(first) == ["Daily Example"]
    assert "The evidence from Daily Example" in first
    assert "Mentions 1–50 of 60" in first
    assert "Daily Example report 31 said" in first and "Late line 18" in first
    assert "Late line 19" not in first and "Evening Example report" not in first
    assert "Mentions 51–60 of 60" in second and "Late line 28" in second
    assert "Later mentions" in first and "Earlier mentions" in second
    assert f"?outlet={outlet}&amp;page=2" in first
    assert "Every outlet's first mentions" in first
    url = f"/stories/{article.story.slug}/claims/{claim.pk}/"
    assert client.get(url, {"outlet": outlet, "page": "x"}).status_code == 400


def test_an_outlet_that_does_not_carry_the_claim_or_is_no_number_is_a_400(client, article):
    claim = claim_with_mention(article)
    quiet = Source.objects.create(name="Quiet Weekly")
    url = f"/stories/{article.story.slug}/claims/{claim.pk}/"

    silent = client.get(url, {"outlet": quiet.pk})
    wrong = client.get(url, {"outlet": "Daily"})

    assert silent.status_code == 400
    assert f"outlet: {quiet.pk} carries no mention of this claim" in silent.content.decode()
    assert wrong.status_code == 400
    assert "outlet: must be a whole number from 1" in wrong.content.decode()


def test_the_evidence_pages_by_outlets_the_earliest_first(client, article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    names = [f"Outlet {letter}" for letter in "LKJIHGFEDCBA"]
    for day, name in enumerate(names, start=1):
        add_reports(claim, Source.objects.create(name=name), 1, first_day=day)

    first = evidence(client, claim)
    second = evidence(client, claim, page=2)

    assert outlet_headings(first) == names[:OUTLETS_PER_PAGE]
    assert "Outlets 1–10 of 12, earliest first." in first and "Later outlets" in first
    assert outlet_headings(second) == names[OUTLETS_PER_PAGE:]
    assert "Outlets 11–12 of 12" in second and "Earlier outlets" in second
    assert "more mention" not in first


def test_an_outlet_shows_its_first_repetition_and_its_first_denials_up_front(client, article):
    claim = Claim.objects.create(story=article.story, text="The talks were productive")
    add_reports(claim, article.source, 1, stance="denies")
    envoy = Speaker.objects.create(name="The envoy")
    add_reports(claim, article.source, 5, first_day=2, stance="denies", speaker=envoy)
    add_reports(claim, article.source, 6, first_day=10)

    page, variants = evidence(client, claim).split('<details class="variants">')

    assert "report 01 said" in page and "report 02 said" in page and "report 10 said" in page
    assert "report 03 said" not in page and "report 11 said" not in page
    assert "9 more mentions from Daily Example" in page
    assert "Daily Example report 10" in variants


def claim_of_outlets(story, outlets):
    """A claim of the story that `outlets` outlets carry, each in three articles."""
    claim = Claim.objects.create(story=story, text=f"Claim of {outlets} outlets")
    for number in range(outlets):
        add_reports(claim, Source.objects.create(name=f"Outlet {outlets}-{number:02d}"), 3)
    return claim


def test_the_evidence_reads_as_much_for_a_large_claim_as_for_a_small_one(client, story):
    small, large = claim_of_outlets(story, 1), claim_of_outlets(story, 30)
    queries, shown = [], []

    for claim in (small, large):
        one_outlet = {"outlet": claim.mentions.first().article.source_id}
        for parameters in ({}, one_outlet):
            with CaptureQueriesContext(connection) as context:
                page = evidence(client, claim, **parameters)
            queries.append(len(context))
            shown.append(page.count('<li class="mention'))

    assert queries[:2] == queries[2:] and max(queries) <= QUERIES + 2
    assert shown == [1, 3, OUTLETS_PER_PAGE, 3]
