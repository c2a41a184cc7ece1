"""Research exports: CSV that round-trips through Python's csv module, safe in spreadsheets."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.csv_export import ARTICLE_COLUMNS
from articles.models import Article, Source, Story
from claims.export import CLAIM_COLUMNS, MENTION_COLUMNS, POSITION_COLUMNS, QUOTE_COLUMNS
from claims.models import Claim, Mention, Quote, Speaker
from newsroom.csv_streaming import spreadsheet_safe

DEMO = Path(__file__).resolve().parent.parent / "data" / "stories" / "biden-zelensky-call"

CONTRACT = {
    "articles": ARTICLE_COLUMNS,
    "quotes": QUOTE_COLUMNS[:11],
    "claims": CLAIM_COLUMNS[:9],
    "mentions": MENTION_COLUMNS[:14],
    "positions": POSITION_COLUMNS[:6],
}


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return b"".join(response.streaming_content).decode("utf-8")


def read_rows(text):
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.fixture
def tricky_story(db):
    """Rows whose text has quotes, commas, newlines, non-Latin script and formula starts."""
    story = Story.objects.create(title='Мост, "закрыт"', slug="bridge")
    source = Source.objects.create(name='=HYPERLINK("http://evil")', domain="evil.example")
    body = 'Мэр сказал: "Мост закрыт, до весны".\n\n-5 cars, +3 boats; @noon it reopened.'
    article = Article.objects.create(
        story=story,
        source=source,
        title='Line one\nline "two", three',
        file_name="мост.txt",
        body=body,
        raw_text=body,
        content_hash="b" * 64,
        published=datetime.date(2023, 3, 1),
    )
    speaker = Speaker.objects.create(name="@Мэр", kind="person")
    quote_text = "Мост закрыт, до весны"
    quote_start = body.index(quote_text)
    quote = Quote.objects.create(
        article=article,
        speaker=speaker,
        text=quote_text,
        start=quote_start,
        end=quote_start + len(quote_text),
        cue="say",
    )
    claim = Claim.objects.create(
        story=story, text='-The bridge is closed, "until spring"', editor_note="=1+1"
    )
    second = body.split("\n\n")[1]
    Mention.objects.create(
        claim=claim,
        article=article,
        stance="repeats",
        sentence=body.split("\n\n")[0],
        start=0,
        end=len(body.split("\n\n")[0]),
        speaker=speaker,
        quote=quote,
    )
    Mention.objects.create(
        claim=claim,
        article=article,
        stance="denies",
        sentence=second,
        start=body.index(second),
        end=len(body),
    )
    return story


@pytest.mark.parametrize("table", ["articles", "quotes", "claims", "mentions", "positions"])
def test_every_table_starts_with_its_contracted_columns(client, tricky_story, table):
    rows = read_rows(download(client, f"/stories/bridge/export/{table}.csv"))
    assert list(rows[0])[: len(CONTRACT[table])] == CONTRACT[table]


def test_tricky_text_round_trips_and_formulas_are_defused(client, tricky_story):
    (article_row,) = read_rows(download(client, "/stories/bridge/export/articles.csv"))
    article = Article.objects.get()
    assert article_row["title"] == 'Line one\nline "two", three'
    assert article_row["source"] == '\'=HYPERLINK("http://evil")'
    assert article_row["file_name"] == "мост.txt"
    assert article_row["published"] == "2023-03-01"
    assert article_row["word_count"] == str(len(article.body.split()))

    (claim_row,) = read_rows(download(client, "/stories/bridge/export/claims.csv"))
    assert claim_row["text"] == '\'-The bridge is closed, "until spring"'
    assert claim_row["editor_note"] == "'=1+1"
    # The outlet denies the claim in its own voice: it stands on the denying side only.
    assert (claim_row["repeat_outlets"], claim_row["deny_outlets"]) == ("0", "1")
    assert claim_row["both_outlets"] == "0"

    mention_rows = read_rows(download(client, "/stories/bridge/export/mentions.csv"))
    assert {row["sentence"] for row in mention_rows} == {
        'Мэр сказал: "Мост закрыт, до весны".',
        "'-5 cars, +3 boats; @noon it reopened.",
    }


def test_exported_offsets_point_at_the_exported_text(client, db):
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    bodies = dict(Article.objects.values_list("pk", "body"))
    story = Story.objects.get().slug

    quotes = read_rows(download(client, f"/stories/{story}/export/quotes.csv"))
    mentions = read_rows(download(client, f"/stories/{story}/export/mentions.csv"))

    assert len(quotes) == Quote.objects.count() > 50
    assert len(mentions) == Mention.objects.count() > 50
    for row in quotes:
        body = bodies[int(row["article_id"])]
        assert spreadsheet_safe(body[int(row["start"]) : int(row["end"])]) == row["text"]
    for row in mentions:
        body = bodies[int(row["article_id"])]
        assert spreadsheet_safe(body[int(row["start"]) : int(row["end"])]) == row["sentence"]


def test_every_row_matches_the_database(client, db):
    call_command("ingest", str(DEMO), stdout=io.StringIO())
    story = Story.objects.get()

    for row in read_rows(download(client, f"/stories/{story.slug}/export/mentions.csv")):
        mention = Mention.objects.select_related("article__source", "speaker", "claim").get(
            pk=row["mention_id"]
        )
        assert row["claim_id"] == str(mention.claim_id)
        assert row["stance"] == mention.stance
        assert row["speaker"] == spreadsheet_safe(mention.speaker.name if mention.speaker else "")
        assert row["source"] == (mention.article.source.name if mention.article.source else "")
        assert row["set_by"] == mention.set_by
    for row in read_rows(download(client, f"/stories/{story.slug}/export/claims.csv")):
        claim = Claim.objects.get(pk=row["claim_id"])
        assert row["text"] == spreadsheet_safe(claim.text)
        assert row["verdict"] == claim.verdict
        assert row["event_date"] == (claim.event_date.isoformat() if claim.event_date else "")


def test_excel_option_adds_a_byte_order_mark(client, tricky_story):
    assert download(client, "/stories/bridge/export/claims.csv?excel=1").startswith("\ufeff")
    assert not download(client, "/stories/bridge/export/claims.csv").startswith("\ufeff")


def test_filters_choose_the_rows(client, tricky_story):
    rows = read_rows(download(client, "/stories/bridge/export/mentions.csv?stance=denies"))
    assert [row["stance"] for row in rows] == ["denies"]
    outlet = Source.objects.get().pk
    assert client.get(f"/stories/bridge/export/articles.csv?outlet={outlet + 1}").status_code == 400
    rows = read_rows(download(client, "/stories/bridge/export/claims.csv?q=bridge"))
    assert len(rows) == 1


@pytest.mark.parametrize(
    "query",
    ["outlet=abc", "speaker=-1", "stance=maybe", "verdict=true", "from=2022-13-01", "to=yesterday"],
)
def test_bad_filter_is_a_400_naming_the_parameter(client, tricky_story, query):
    response = client.get(f"/stories/bridge/export/mentions.csv?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.content.decode()


def test_unknown_table_and_story(client, tricky_story):
    assert client.get("/stories/bridge/export/secrets.csv").status_code == 400
    assert client.get("/stories/nowhere/export/claims.csv").status_code == 404


def test_queries_do_not_grow_with_rows(client, tricky_story, django_assert_max_num_queries):
    article = Article.objects.get()
    claim = Claim.objects.get()
    Mention.objects.bulk_create(
        Mention(claim=claim, article=article, stance="repeats", sentence="x", start=i, end=i + 1)
        for i in range(10, 3010)
    )
    for table in ("articles", "quotes", "claims", "mentions", "positions"):
        with django_assert_max_num_queries(6):
            download(client, f"/stories/bridge/export/{table}.csv")


def test_command_writes_a_table_to_a_file(tricky_story, tmp_path):
    target = tmp_path / "mentions.csv"
    call_command("export_csv", "mentions", "--story", "bridge", "--output", str(target))
    rows = read_rows(target.read_text(encoding="utf-8"))
    assert len(rows) == 2


def test_command_writes_to_standard_output_with_a_bom_for_excel(tricky_story):
    out = io.StringIO()
    call_command("export_csv", "claims", "--excel", stdout=out)
    assert out.getvalue().startswith("\ufeff")
    assert read_rows(out.getvalue())[0]["claim_id"] == str(Claim.objects.get().pk)


def test_command_names_an_unknown_story(db):
    with pytest.raises(CommandError, match="--story"):
        call_command("export_csv", "claims", "--story", "nowhere", stdout=io.StringIO())


@pytest.mark.parametrize(
    "model, action",
    [
        ("articles/article", "export_articles"),
        ("claims/quote", "export_quotes"),
        ("claims/claim", "export_claims"),
        ("claims/mention", "export_mentions"),
    ],
)
def test_admin_action_exports_the_selected_rows(admin_client, tricky_story, model, action):
    app_label, model_name = model.split("/")
    model_class = {"article": Article, "quote": Quote, "claim": Claim, "mention": Mention}[
        model_name
    ]
    selected = [str(pk) for pk in model_class.objects.values_list("pk", flat=True)[:1]]
    response = admin_client.post(
        f"/admin/{app_label}/{model_name}/",
        {"action": action, "_selected_action": selected},
    )
    assert response.status_code == 200
    rows = read_rows(b"".join(response.streaming_content).decode())
    assert len(rows) == 1


def test_positions_table_gives_each_outlet_one_side_of_each_claim(client, tricky_story):
    speaker = Speaker.objects.create(name="Ines Marr")
    for denial in Mention.objects.filter(stance="denies"):
        denial.speaker = speaker
        denial.save()

    (row,) = read_rows(download(client, "/stories/bridge/export/positions.csv"))
    assert row["claim_id"] == str(Claim.objects.get().pk)
    assert row["source_id"] == str(Source.objects.get().pk)
    assert row["source"] == '\'=HYPERLINK("http://evil")'
    assert row["position"] == "both"
    assert row["mentions"] == "2"
    assert row["first_published"] == "2023-03-01"


def test_mentions_table_names_who_relayed_the_words(client, tricky_story):
    Mention.objects.filter(stance="repeats").update(via="the Lowtown Gazette")
    rows = read_rows(download(client, "/stories/bridge/export/mentions.csv"))
    assert sorted(row["via"] for row in rows) == ["", "the Lowtown Gazette"]


def test_timeline_links_to_the_positions_table(client, tricky_story):
    page = client.get("/stories/bridge/").content.decode()
    assert 'href="/stories/bridge/export/positions.csv"' in page
    rows = read_rows(download(client, "/stories/bridge/export/positions.csv"))
    assert [row["position"] for row in rows] == ["denies"]
