"""A claim's history credits each change to who made it: ingestion, named with the file that
caused it, or the editor, whose entries show only what the editor changed."""

import io
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from claims.history import INGESTION_USERNAME
from claims.models import Claim, Mention

from .test_admin import DEMO, inline_data, user_in


@pytest.fixture
def editor(client, db):
    client.force_login(user_in("Editors", "editor"))
    return client


@pytest.fixture
def demo(db):
    call_command("ingest", str(DEMO), stdout=io.StringIO())


class TableCells(HTMLParser):
    """The text of each cell of each body row of an HTML table."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[-1].append(" ".join(" ".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def history_rows(client, claim):
    """Each row of the claim's history page as (changed by, reason, changes), newest first."""
    page = client.get(f"/admin/claims/claim/{claim.pk}/history/").content.decode()
    table = page.split('id="change-history"')[1].split("</table>")[0]
    parser = TableCells()
    parser.feed(table)
    return [tuple(row[-3:]) for row in parser.rows if row]


def a_dated_claim():
    return (
        Claim.objects.current()
        .exclude(event_date=None)
        .exclude(origin_speaker=None)
        .order_by("pk")
        .first()
    )


def test_ingestions_changes_are_credited_to_ingestion_with_the_file(editor, demo):
    claim = a_dated_claim()
    file_names = set(claim.mentions.values_list("article__file_name", flat=True))

    rows = history_rows(editor, claim)

    assert rows
    for changed_by, reason, _ in rows:
        assert changed_by.endswith(INGESTION_USERNAME)
        assert reason.startswith("ingestion of ")
    assert any(name in reason for _, reason, _ in rows for name in file_names)
    created = claim.history.earliest()
    assert created.history_user.username == INGESTION_USERNAME
    assert claim.history.latest().event_date == claim.event_date
    assert claim.history.latest().timeline_position == claim.timeline_position


def test_an_editors_entry_shows_only_what_the_editor_changed(editor, demo):
    claim = a_dated_claim()

    response = editor.post(
        f"/admin/claims/claim/{claim.pk}/change/", inline_data(claim, {"verdict": "false"})
    )

    assert response.status_code == 302
    latest = history_rows(editor, claim)[0]
    assert latest[0] == "editor"
    changes = latest[2]
    assert "Verdict" in changes or "verdict" in changes
    for machine_field in ("Event date", "Timeline position", "Origin speaker", "Deleted"):
        assert machine_field.lower() not in changes.lower()


def test_mentions_made_by_ingestion_have_its_history(demo):
    mention = Mention.objects.order_by("pk").first()

    entry = mention.history.get()

    assert entry.history_user.username == INGESTION_USERNAME
    assert entry.history_change_reason == f"ingestion of {mention.article.file_name}"


def test_the_ingestion_account_cannot_log_in(client, demo):
    assert not client.login(username=INGESTION_USERNAME, password="")
