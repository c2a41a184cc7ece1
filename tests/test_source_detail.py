"""An outlet's page: what it repeated, what it denied, its articles."""

from claims.models import Claim, Mention


def test_outlet_page_lists_what_it_repeats_and_denies(client, article):
    repeated = Claim.objects.create(story=article.story, text="The talks were productive")
    denied = Claim.objects.create(story=article.story, text="The talks collapsed")
    Mention.objects.create(
        claim=repeated, article=article, stance="repeats", sentence="s", start=0, end=1
    )
    Mention.objects.create(
        claim=denied, article=article, stance="denies", sentence="s", start=2, end=3
    )

    page = client.get(
        f"/stories/{article.story.slug}/sources/{article.source.pk}/"
    ).content.decode()

    repeats, denies = page.split("What it denied")
    assert "The talks were productive" in repeats and "The talks collapsed" not in repeats
    assert "The talks collapsed" in denies
    assert "Leaders speak by phone" in denies


def test_outlet_page_queries_do_not_grow_with_claims(
    client, article, django_assert_max_num_queries
):
    for number in range(40):
        claim = Claim.objects.create(story=article.story, text=f"Claim {number}")
        Mention.objects.create(
            claim=claim, article=article, stance="repeats", sentence="s", start=0, end=1
        )
    with django_assert_max_num_queries(8):
        url = f"/stories/{article.story.slug}/sources/{article.source.pk}/"
        assert client.get(url).status_code == 200
