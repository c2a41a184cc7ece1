"""Bad files are refused by name, the good ones go in, and nothing stored before changes."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims.models import Claim, Mention, Quote

GOOD = 'Harbour master Tomas Berg said "the port will reopen on Monday after the storm."\n'


def snapshot():
    return [
        list(Model.objects.order_by("pk").values_list("pk", flat=True))
        for Model in (Article, Quote, Claim, Mention)
    ]


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
