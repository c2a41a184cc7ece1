"""The review queue shows an editor, for each claim, where each outlet stands, who reported it
first and the evidence, contested claims first; a claim's mention rows do not repeat it."""

import hashlib
from datetime import date
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Source
from claims.models import Claim, Mention, Stance

QUEUE = "/admin/claims/reviewqueue/"


@pytest.fixture
def chief(client, db):
    client.force_login(User.objects.create_superuser("chief", password="x"))
    return client


class ResultCells(HTMLParser):
    """The text of each cell of each row of the change list, by the cell's field-… class."""

    def __init__(self):
        super().__init__()
        self.rows, self.field, self.text, self.in_results = [], None, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "result_list":
            self.in_results = True
        elif self.in_results and tag == "tr":
            self.rows.append({})
        elif self.in_results and tag in ("td", "th") and self.rows:
            classes = (attrs.get("class") or "").split()
            fields = [name.removeprefix("field-") for name in classes if name.startswith("field-")]
            self.field, self.text = (fields[0] if fields else None), []

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_results = False
        elif tag in ("td", "th") and self.field:
            self.rows[-1][self.field] = " ".join("".join(self.text).split())
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.text.append(data)


def queue_rows(client, **params):
    response = client.get(QUEUE, params)
    assert response.status_code == 200
    parser = ResultCells()
    parser.feed(response.content.decode())
    return [row for row in parser.rows if row]


def article_of(story, outlet, published, body, file_name=None):
    """An article of `outlet` (None: of no known outlet) whose whole body is `body`."""
    source = Source.objects.get_or_create(name=outlet)[0] if outlet else None
    content_hash = hashlib.sha256(f"{outlet}{file_name}{body}".encode()).hexdigest()
    return Article.objects.create(
        story=story,
        source=source,
        title=f"{outlet or file_name} on the call",
        file_name=file_name or f"{content_hash[:12]}.txt",
        body=body,
        raw_text=body,
        content_hash=content_hash,
        published=published,
    )


def mention(claim, article, stance=Stance.REPEATS, **fields):
    return Mention.objects.create(
        claim=claim,
        article=article,
        stance=stance,
        sentence=article.body,
        start=0,
        end=len(article.body),
        **fields,
    )


def a_claim(story, text):
    return Claim.objects.create(story=story, text=text)


def test_each_claim_names_its_outlets_with_their_positions_earliest_first(chief, story):
    claim = a_claim(story, "The talks were productive")
    mention(claim, article_of(story, "Morning Post", date(2024, 5, 2), "The talks went well."))
    mention(
        claim,
        article_of(story, "Evening Star", date(2024, 5, 3), "The talks were not productive."),
        Stance.DENIES,
    )

    (row,) = queue_rows(chief)

    assert row["text"] == "The talks were productive"
    assert row["outlet_positions"] == "Morning Post repeats · Evening Star denies"


def test_an_article_of_no_known_outlet_stands_as_an_outlet_named_by_its_file(chief, story):
    claim = a_claim(story, "The bridge will close")
    body = "The bridge will close in June."
    mention(claim, article_of(story, None, date(2024, 5, 2), body, file_name="bridge.txt"))

    (row,) = queue_rows(chief)

    assert row["outlet_positions"] == "bridge.txt repeats"


def test_the_first_report_is_the_earliest_outlet_that_carries_the_claim(chief, story):
    claim = a_claim(story, "The mayor resigned")
    early_denial = article_of(story, "Gazette", date(2024, 4, 30), "The mayor did not resign.")
    mention(claim, early_denial, Stance.DENIES)
    mention(claim, article_of(story, "Courier", date(2024, 5, 1), "The mayor resigned today."))
    mention(claim, article_of(story, "Herald", date(2024, 5, 4), "The mayor resigned, it says."))

    (row,) = queue_rows(chief)

    assert row["first_report"] == "1 May 2024, Courier"


def test_a_first_report_of_no_known_date_says_so(chief, story):
    claim = a_claim(story, "The mayor resigned")
    mention(claim, article_of(story, "Courier", None, "The mayor resigned today."))

    (row,) = queue_rows(chief)

    assert row["first_report"] == "Courier, date unknown"


def test_the_evidence_is_the_first_mentions_sentence_shortened_to_about_a_line(chief, story):
    claim = a_claim(story, "The harbour will be dredged")
    first = (
        "Officials said on Monday that the harbour will be dredged this summer, after years "
        "of complaints from fishermen whose boats ran aground at low tide."
    )
    mention(claim, article_of(story, "Herald", date(2024, 5, 4), "The harbour gets dredged."))
    mention(claim, article_of(story, "Courier", date(2024, 5, 1), first))

    (row,) = queue_rows(chief)

    assert row["evidence_preview"].startswith("Officials said on Monday that the harbour")
    assert row["evidence_preview"].endswith("…")
    assert len(row["evidence_preview"]) <= 80
    assert "low tide" not in row["evidence_preview"]


def test_a_short_sentence_is_shown_whole(chief, story):
    claim = a_claim(story, "The harbour will be dredged")
    mention(claim, article_of(story, "Courier", date(2024, 5, 1), "The harbour gets dredged."))

    (row,) = queue_rows(chief)

    assert row["evidence_preview"] == "The harbour gets dredged."


def test_contested_claims_come_first_then_those_in_the_newest_articles(chief, story):
    old = a_claim(story, "An old claim nobody denies")
    mention(old, article_of(story, "Courier", date(2024, 5, 1), "An old claim."))
    contested = a_claim(story, "A claim someone denies")
    mention(contested, article_of(story, "Gazette", date(2024, 5, 2), "A claim."))
    mention(contested, article_of(story, "Herald", date(2024, 5, 3), "Not so."), Stance.DENIES)
    new = a_claim(story, "A new claim nobody denies")
    mention(new, article_of(story, "Star", date(2024, 5, 4), "A new claim."))

    rows = queue_rows(chief)

    assert [row["text"] for row in rows] == [contested.text, new.text, old.text]
    counts = [(row["repeats"], row["denials"]) for row in rows]
    assert counts == [("1", "1"), ("1", "0"), ("1", "0")]


def test_reviewed_and_merged_claims_leave_the_queue(chief, story):
    for text in ("Still to review", "Already confirmed", "Merged away"):
        claim = a_claim(story, text)
        mention(claim, article_of(story, f"Outlet {len(text)}", date(2024, 5, 1), text + "."))
    Claim.objects.filter(text="Already confirmed").update(verdict=Claim.Verdict.CONFIRMED)
    Claim.objects.filter(text="Merged away").update(
        merged_into=Claim.objects.get(text="Still to review")
    )

    assert [row["text"] for row in queue_rows(chief)] == ["Still to review"]


def claims_with_outlets(story, numbers):
    for number in numbers:
        claim = a_claim(story, f"Claim number {number}")
        for outlet in ("Courier", "Gazette"):
            body = f"{outlet} reports claim {number}."
            mention(claim, article_of(story, outlet, date(2024, 5, 1 + number % 20), body))


def queries_for_a_page_of_the_queue(client):
    with CaptureQueriesContext(connection) as queries:
        rows = queue_rows(client)
    return len(rows), len(queries)


def test_a_page_of_the_queue_costs_the_same_queries_for_two_claims_or_twenty(chief, story):
    claims_with_outlets(story, range(2))
    shown, few = queries_for_a_page_of_the_queue(chief)
    assert shown == 2

    claims_with_outlets(story, range(2, 20))
    shown, many = queries_for_a_page_of_the_queue(chief)

    assert shown == 20
    assert many == few


def mentions_group(page):
    return page.split('id="mentions-group"')[1].split("</fieldset>")[0]


def test_a_claims_mention_rows_do_not_repeat_the_claim(chief, story):
    claim = a_claim(story, "The ferry service ends in June")
    for outlet in ("Courier", "Gazette"):
        body = f"The {outlet} says the last ferry sails on 30 June."
        mention(claim, article_of(story, outlet, date(2024, 5, 1), body), via="a spokesman")

    page = chief.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()

    rows = mentions_group(page)
    assert claim.text not in rows
    assert rows.count("the last ferry sails on 30 June.</textarea>") == 2
    assert rows.count("a spokesman</textarea>") == 2
    assert rows.count(">read</a>") == 2
