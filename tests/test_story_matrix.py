"""The matrix: each claim against each outlet, repeats / denies / both / silent."""

from articles.models import Article, Source
from claims.models import Claim, Mention, Speaker


def test_matrix_cells_say_who_says_what(client, article, django_assert_max_num_queries):
    other = Source.objects.create(name="The Gazette")
    Article.objects.create(
        story=article.story,
        source=other,
        file_name="b.txt",
        body="b",
        raw_text="b",
        content_hash="d" * 64,
    )
    both = Claim.objects.create(story=article.story, text="Claim both")
    Claim.objects.create(story=article.story, text="Claim nobody")
    Mention.objects.create(
        claim=both, article=article, stance="repeats", sentence="s", start=0, end=1
    )
    Mention.objects.create(
        claim=both,
        article=article,
        stance="denies",
        sentence="t",
        start=2,
        end=3,
        speaker=Speaker.objects.create(name="Ines Marr"),
    )

    with django_assert_max_num_queries(8):
        page = client.get(f"/stories/{article.story.slug}/matrix/").content.decode()

    both_row = page[page.index("Claim both") : page.index("</tr>", page.index("Claim both"))]
    assert "± both" in both_row and "· silent" in both_row
    nobody_row = page[page.index("Claim nobody") : page.index("</tr>", page.index("Claim nobody"))]
    assert nobody_row.count("· silent") == 2
    assert "The Gazette" in page


def test_an_outlet_denying_in_its_own_voice_denies(client, article):
    claim = Claim.objects.create(story=article.story, text="Claim checked")
    Mention.objects.create(
        claim=claim, article=article, stance="repeats", sentence="s", start=0, end=1
    )
    Mention.objects.create(
        claim=claim, article=article, stance="denies", sentence="t", start=2, end=3
    )
    page = client.get(f"/stories/{article.story.slug}/matrix/").content.decode()
    row = page[page.index("Claim checked") : page.index("</tr>", page.index("Claim checked"))]
    assert "✖ denies" in row and "± both" not in row
