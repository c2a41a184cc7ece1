"""Bad files are refused by name, the good ones go in, and nothing stored before changes."""

import io
import time
import tracemalloc

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from articles.models import Article, Source, Story
from claims.models import Claim, Mention, Quote, Speaker, SpeakerAlias

GOOD = 'Harbour master Tomas Berg said "the port will reopen on Monday after the storm."\n'
MEGABYTE = 1024 * 1024


def snapshot():
    return [
        list(Model.objects.order_by("pk").values_list("pk", flat=True))
        for Model in (Article, Quote, Claim, Mention)
    ]


def stored_rows():
    """Every stored row, field by field: what "unchanged" is checked against. A story's
    revision is left out: it changes with every article added, as its pages do."""
    rows = {
        Model.__name__: list(Model.objects.order_by("pk").values())
        for Model in (Story, Source, Article, Speaker, SpeakerAlias, Quote, Claim, Mention)
    }
    for story in rows["Story"]:
        del story["revision"]
    return rows


@pytest.fixture
def folder(tmp_path, db):
    story = tmp_path / "harbour"
    story.mkdir()
    (story / "story.toml").write_text('title = "The harbour"\n')
    (story / "a-good.txt").write_text(GOOD)
    call_command("ingest", str(story), stdout=io.StringIO())
    return story


def test_every_kind_of_bad_file_is_named_and_the_rest_ingested(folder, settings):
    settings.NEWSROOM_MAX_FILE_BYTES = 1_000_000
    before = snapshot()
    rows_before = stored_rows()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "huge.txt").write_bytes(b"word " * 400_000)
    (folder / "chrome-only.txt").write_text("Skip to content\nShare this article\nAdvertisement\n")
    (folder / "legacy.txt").write_bytes(
        "The mayor said \u201cthe caf\u00e9 stays open\u201d on Friday.\n".encode("cp1252")
    )
    (folder / "utf16.txt").write_bytes(
        'The ferry captain said "we sail at dawn every day this week."\n'.encode("utf-16")
    )
    (folder / "marks.txt").write_text("The minister said " + '"' * 500 + " and left.\n")
    (folder / "html.txt").write_text(
        'The council said "<script>alert(1)</script> is not a policy" in a <b>memo</b>.\n'
    )
    err = io.StringIO()

    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=err)

    for name in ("empty.txt", "binary.txt", "huge.txt", "chrome-only.txt"):
        assert name in str(failure.value)
        assert f"{name}:" in err.getvalue()
    stored = set(Article.objects.values_list("file_name", flat=True))
    assert {"legacy.txt", "utf16.txt", "marks.txt", "html.txt"} <= stored
    assert "café" in Article.objects.get(file_name="legacy.txt").body
    assert "<script>" in Article.objects.get(file_name="html.txt").body
    after = snapshot()
    for old, new in zip(before, after, strict=True):
        assert set(old) <= set(new)
    # The rows stored before are not only there: every field of them is as it was.
    rows_after = stored_rows()
    for model, rows in rows_before.items():
        kept = {row["id"]: row for row in rows_after[model]}
        for row in rows:
            assert kept[row["id"]] == row, model


def test_a_path_that_does_not_exist_is_named(folder):
    with pytest.raises(CommandError, match="missing.txt"):
        call_command(
            "ingest", str(folder / "missing.txt"), "--story", "harbour", stdout=io.StringIO()
        )
    assert Article.objects.count() == 1


def test_a_file_that_changes_while_being_read_is_refused(folder, monkeypatch):
    """The file grows between the size check and the read: the reader must notice."""
    from articles import reading

    growing = folder / "growing.txt"
    growing.write_text(GOOD)
    real_open = reading.pathlib.Path.open

    def open_and_grow(path, *args, **kwargs):
        stream = real_open(path, *args, **kwargs)
        if path.name == "growing.txt":
            with real_open(path, "a") as appender:
                appender.write("More text arrives.\n" * 10)
        return stream

    monkeypatch.setattr(reading.pathlib.Path, "open", open_and_grow)
    err = io.StringIO()
    with pytest.raises(CommandError, match="growing.txt"):
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=err)
    assert "changed while being read" in err.getvalue()


def test_bad_files_leave_every_stored_row_unchanged(folder, settings):
    """Only bad files this time, one of them the stored article's file gone bad: nothing that
    was stored changes, not even a timestamp."""
    settings.NEWSROOM_MAX_FILE_BYTES = 1_000_000
    before = stored_rows()
    assert before["Article"] and before["Quote"] and before["Claim"] and before["Mention"]
    (folder / "a-good.txt").write_bytes(b"\x00\xff\x10" * 300)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\t\n")
    (folder / "huge.txt").write_bytes(b"word " * 400_000)
    (folder / "chrome-only.txt").write_text("Skip to content\nShare this article\nAdvertisement\n")
    (folder / "bad-utf16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)
    err = io.StringIO()

    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=err)

    for name in (
        "a-good.txt",
        "empty.txt",
        "blank.txt",
        "huge.txt",
        "chrome-only.txt",
        "bad-utf16.txt",
    ):
        assert name in str(failure.value)
        assert f"{name}:" in err.getvalue()
    assert stored_rows() == before


def test_a_missing_path_or_a_changing_file_leaves_stored_rows_unchanged(folder, monkeypatch):
    from articles import reading

    before = stored_rows()
    with pytest.raises(CommandError, match="missing.txt"):
        call_command(
            "ingest", str(folder / "missing.txt"), "--story", "harbour", stdout=io.StringIO()
        )
    assert stored_rows() == before

    growing = folder / "a-good.txt"
    real_open = reading.pathlib.Path.open

    def open_and_grow(path, *args, **kwargs):
        stream = real_open(path, *args, **kwargs)
        if path.name == "a-good.txt" and "r" in (args[0] if args else kwargs.get("mode", "r")):
            with real_open(path, "a") as appender:
                appender.write("A late correction arrives.\n")
        return stream

    # The stored file is rewritten with new content while being read.
    growing.write_text(GOOD + "An update.\n")
    monkeypatch.setattr(reading.pathlib.Path, "open", open_and_grow)
    err = io.StringIO()
    with pytest.raises(CommandError, match="a-good.txt"):
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=err)
    assert "changed while being read" in err.getvalue()
    assert stored_rows() == before


def test_a_50_megabyte_file_is_refused_by_name_without_being_read(folder):
    """With the default limit, a 50 MB file is named and refused from its size alone: the
    command never holds more than a small part of it in memory."""
    limit = django_settings.NEWSROOM_MAX_FILE_BYTES
    assert limit == 5 * MEGABYTE
    big = folder / "fifty-megabytes.txt"
    line = b"The harbour master said the port would reopen on Monday after the storm.\n"
    with big.open("wb") as stream:
        for _ in range(50 * MEGABYTE // len(line) + 1):
            stream.write(line)
    size = big.stat().st_size
    assert size >= 50 * MEGABYTE
    before = stored_rows()
    err = io.StringIO()

    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(CommandError, match="fifty-megabytes.txt"):
            call_command("ingest", str(big), "--story", "harbour", stdout=io.StringIO(), stderr=err)
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert f"fifty-megabytes.txt: {size:,} bytes is over the {limit:,}-byte limit" in err.getvalue()
    assert peak < MEGABYTE, f"peak {peak:,} bytes: the file was read"
    assert seconds < 5
    assert stored_rows() == before


def test_an_upload_over_the_limit_is_refused_by_name_in_the_admin(folder, client, settings):
    settings.NEWSROOM_MAX_FILE_BYTES = 10_000
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    story = Story.objects.get(slug="harbour")
    before = stored_rows()
    big = SimpleUploadedFile("big.txt", GOOD.encode() * 200)
    response = client.post(
        "/admin/claims/claim/add-articles/",
        {"story": story.pk, "files": [big]},
        follow=True,
    )
    page = response.content.decode()
    assert f"Not added: big.txt: {len(GOOD) * 200:,} bytes is over the 10,000-byte limit" in page
    response = client.post(
        "/admin/claims/claim/add-articles/",
        {"story": story.pk, "file_name": "pasted.txt", "text": "x" * 10_001},
        follow=True,
    )
    page = response.content.decode()
    assert "Not added: pasted.txt: 10,001 bytes is over the 10,000-byte limit" in page
    assert stored_rows() == before


def test_a_nul_character_inside_a_utf16_file_is_named_and_the_rest_ingested(folder):
    text = 'The ferry captain said "we sail at dawn,\x00 every day this week."\n'
    (folder / "nul.txt").write_bytes(text.encode("utf-16"))
    (folder / "b-good.txt").write_text(GOOD.replace("Monday", "Tuesday"))
    err = io.StringIO()

    with pytest.raises(CommandError, match="nul.txt"):
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=err)

    assert "nul.txt: holds a NUL character" in err.getvalue()
    assert not Article.objects.filter(file_name="nul.txt").exists()
    assert Article.objects.filter(file_name="b-good.txt").exists()
