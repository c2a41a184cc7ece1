"""Two `ingest` processes at once on PostgreSQL store every row once and lose no editor's work."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from articles.models import Article, Source
from claims.models import Claim, Mention, SetBy, Speaker

PROJECT = Path(__file__).resolve().parent.parent
DEMO = PROJECT / "data" / "stories" / "biden-zelensky-call"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers itself; the advisory lock is PostgreSQL's",
)


def start_ingest(*paths):
    """An ingest in its own process, on the test database this test is using."""
    db = connection.settings_dict
    env = dict(os.environ)
    env["DATABASE_URL"] = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    command = [sys.executable, "manage.py", "ingest", *map(str, paths), "--story", "call"]
    return subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def finish(process):
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    return output


@pytest.mark.django_db(transaction=True)
def test_two_ingests_of_overlapping_files_store_each_row_once():
    files = sorted(DEMO.glob("*.txt"))
    first = start_ingest(*files[:4])
    second = start_ingest(*files[1:])
    finish(first)
    finish(second)

    assert Article.objects.count() == 5
    assert not Source.objects.values("name").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert not Speaker.objects.values("name").annotate(n=Count("pk")).filter(n__gt=1).exists()
    duplicated_claims = Claim.objects.values("text").annotate(n=Count("pk")).filter(n__gt=1)
    assert not duplicated_claims.exists()
    for mention in Mention.objects.select_related("article"):
        assert mention.article.body[mention.start : mention.end] == mention.sentence


@pytest.mark.django_db(transaction=True)
def test_editor_edit_made_during_an_ingest_is_kept(tmp_path):
    shutil.copytree(DEMO, tmp_path / "call")
    finish(start_ingest(tmp_path / "call"))
    claim = Mention.objects.filter(sentence__contains="sacked").first().claim
    for path in (tmp_path / "call").glob("*.txt"):
        path.write_text(path.read_text() + "\nThis article was updated.\n")

    running = start_ingest(tmp_path / "call")
    claim.verdict = Claim.Verdict.FALSE
    claim.editor_note = "Denied by the White House; single anonymous source."
    claim.set_by = SetBy.EDITOR
    claim.save()
    output = finish(running)

    assert "5 updated" in output
    claim.refresh_from_db()
    assert claim.verdict == "false"
    assert claim.editor_note == "Denied by the White House; single anonymous source."
    assert claim.set_by == "editor"
