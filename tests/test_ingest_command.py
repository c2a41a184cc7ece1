"""`manage.py ingest`: files in, outlets, articles, quotes, claims and stances stored, safely."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Source, Story
from claims.models import Claim, Mention, Quote, SetBy, Speaker

DEMO = Path(__file__).resolve().parent.parent / "data" / "stories" / "biden-zelensky-call"


def ingest(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def demo_copy(tmp_path):
    folder = tmp_path / "biden-zelensky-call"
    shutil.copytree(DEMO, folder)
    return folder


def article(prefix):
    return Article.objects.get(file_name__startswith=prefix)


def contested_claim():
    """The claim that Kyiv could be sacked, found through its evidence, not its id."""
    mention = Mention.objects.filter(sentence__contains="sacked", stance="repeats").first()
    return mention.claim


@pytest.mark.django_db
def test_demo_story_links_the_contested_claim_to_outlets_that_repeat_and_deny_it():
    out, _ = ingest(DEMO)

    assert "5 files read: 5 new" in out
    claim = contested_claim()
    repeating = {m.article.file_name[:3] for m in claim.mentions.filter(stance="repeats")}
    denying = {m.article.file_name[:3] for m in claim.mentions.filter(stance="denies")}
    assert {"000", "001", "002"} <= repeating
    assert {"000", "001", "002", "004"} <= denying
    # The translation that made "sacked" into "fired" is the same claim.
    assert claim.mentions.filter(sentence__contains="fired", article=article("001")).exists()


@pytest.mark.django_db
def test_demo_denial_without_shared_words_answers_the_report_in_its_article():
    ingest(DEMO)

    denial = Mention.objects.get(
        article=article("002"), sentence__contains="This is not true", stance="denies"
    )
    assert denial.claim == contested_claim()
    assert denial.speaker.name == "Emily Horne"


@pytest.mark.django_db
def test_demo_spelling_variants_are_one_speaker():
    ingest(DEMO)

    horne = Speaker.objects.get(name="Emily Horne")
    assert horne.kind == "person"
    assert Quote.objects.filter(speaker=horne).values("article").distinct().count() >= 4
    assert not Speaker.objects.filter(name__in=["Emily Horn", "Horn", "Horne"]).exists()
    zaytsev = Speaker.objects.get(aliases__name="Alexei Zaitsev")
    assert zaytsev.name == "Alexey Zaytsev"
    assert not Speaker.objects.filter(name__in=["Alexei Zaitsev", "Zaitsev"]).exists()


@pytest.mark.django_db
def test_demo_metadata_outlets_and_copies():
    ingest(DEMO)

    assert article("004").published.isoformat() == "2022-01-28"
    assert article("004").source.domain == "news.yahoo.com"
    assert article("003").source.name == "News Today"
    assert article("001").author == "Catabella Roberts"
    assert article("001").copy_of == article("000")
    assert article("000").copy_of is None


@pytest.mark.django_db
def test_demo_claim_origin_is_the_outlet_credited_for_it():
    ingest(DEMO)

    origins = set(
        Claim.objects.exclude(origin_source=None).values_list("origin_source__name", flat=True)
    )
    assert "CNN" in origins
    # CNN has no article in the corpus: it is stored as an outlet with no articles.
    assert not Source.objects.get(name="CNN").articles.exists()


@pytest.mark.django_db
def test_every_stored_offset_points_at_its_text():
    ingest(DEMO)

    for quote in Quote.objects.select_related("article"):
        assert quote.article.body[quote.start : quote.end] == quote.text
    for mention in Mention.objects.select_related("article"):
        assert mention.article.body[mention.start : mention.end] == mention.sentence


@pytest.mark.django_db
def test_reingesting_the_same_files_changes_nothing():
    ingest(DEMO)
    before = [Model.objects.count() for Model in (Article, Quote, Claim, Mention, Speaker, Source)]

    out, _ = ingest(DEMO)

    assert "0 new, 0 updated, 5 unchanged, 0 failed" in out
    after = [Model.objects.count() for Model in (Article, Quote, Claim, Mention, Speaker, Source)]
    assert after == before


@pytest.mark.django_db
def test_reingest_keeps_editor_stance_verdict_and_note(tmp_path):
    folder = demo_copy(tmp_path)
    ingest(folder)
    claim = contested_claim()
    claim.verdict = Claim.Verdict.DISPUTED
    claim.editor_note = "Only one anonymous source."
    claim.save()
    edited = Mention.objects.filter(article=article("004"), claim=claim).first()
    edited.stance = "repeats"
    edited.set_by = SetBy.EDITOR
    edited.save()
    changed = next(folder.glob("004_*.txt"))
    changed.write_text(changed.read_text() + "\nThe story was updated on Friday.\n")

    out, _ = ingest(folder)

    assert "0 new, 1 updated, 4 unchanged" in out
    claim.refresh_from_db()
    assert (claim.verdict, claim.editor_note) == ("disputed", "Only one anonymous source.")
    edited.refresh_from_db()
    assert (edited.stance, edited.set_by, edited.claim_id) == ("repeats", "editor", claim.pk)
    assert article("004").body.endswith("The story was updated on Friday.")


@pytest.mark.django_db
def test_changed_file_replaces_what_the_machine_found_in_it(tmp_path):
    folder = demo_copy(tmp_path)
    ingest(folder)
    changed = next(folder.glob("002_*.txt"))
    changed.write_text('The minister said "the harbour will close for repairs next spring."\n')

    ingest(folder)

    quotes = list(Quote.objects.filter(article=article("002")).values_list("text", flat=True))
    assert quotes == ["the harbour will close for repairs next spring."]


@pytest.mark.django_db
def test_bad_files_are_reported_by_name_and_the_others_ingested(tmp_path, settings):
    settings.NEWSROOM_MAX_FILE_BYTES = 10_000
    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "story.toml").write_text('title = "The harbour"\n')
    (folder / "good.txt").write_text(
        'Harbour master Tomas Berg said "the port will reopen on Monday after the storm."\n'
    )
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "huge.txt").write_text("word " * 5_000)
    Story.objects.create(title="Kept", slug="kept")

    with pytest.raises(CommandError, match="3 file"):
        ingest(folder)

    assert list(Article.objects.values_list("file_name", flat=True)) == ["good.txt"]
    assert Story.objects.filter(slug="kept").exists()


@pytest.mark.django_db
def test_bad_file_messages_name_each_file(tmp_path, capsys):
    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "story.toml").write_text('title = "The harbour"\n')
    (folder / "empty.txt").write_text("")
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=err)

    assert "empty.txt: file is empty" in err.getvalue()


@pytest.mark.django_db
def test_missing_path_is_reported(tmp_path):
    with pytest.raises(CommandError, match="nowhere.txt"):
        ingest(tmp_path / "nowhere.txt", story="harbour")


@pytest.mark.django_db
def test_story_option_creates_the_story(tmp_path):
    (tmp_path / "a.txt").write_text(
        'The harbour master said "the port will reopen on Monday after the storm."\n'
    )

    ingest(tmp_path / "a.txt", story="harbour-storm")

    assert Story.objects.get(slug="harbour-storm").articles.count() == 1


@pytest.mark.django_db
def test_folder_without_manifest_needs_a_story(tmp_path):
    (tmp_path / "a.txt").write_text("The harbour reopened on Monday after the storm.\n")

    with pytest.raises(CommandError, match="--story"):
        ingest(tmp_path)


@pytest.mark.django_db
def test_dry_run_stores_nothing():
    out, _ = ingest(DEMO, dry_run=True)

    assert out.startswith("dry run, nothing stored")
    assert not Article.objects.exists()
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_an_unseen_story_links_a_denial_to_the_report_it_answers(tmp_path):
    folder = tmp_path / "museum-loan"
    folder.mkdir()
    (folder / "story.toml").write_text('title = "The museum loan"\n')
    (folder / "a.txt").write_text(
        "Museum to return statues\n\n"
        "The city museum will return the bronze statues to Greece next year, a senior curator "
        "told the Harbour Gazette on Monday.\n\n"
        "The museum's director, Ines Varga, disputed the curator's account. \"No decision has "
        'been made," she said.\n'
    )
    (folder / "b.txt").write_text(
        "The city museum will send the bronze statues back to Greece next year, the Harbour "
        "Gazette reported, citing a senior curator.\n\n"
        'Director Ines Varga said the report was "completely false."\n'
    )

    ingest(folder)

    statues = Mention.objects.filter(stance="repeats", sentence__contains="statues").first().claim
    assert set(statues.mentions.values_list("article__file_name", "stance")) >= {
        ("a.txt", "repeats"),
        ("a.txt", "denies"),
        ("b.txt", "repeats"),
        ("b.txt", "denies"),
    }
    assert statues.origin_source.name == "Harbour Gazette"
    varga = Speaker.objects.get(name="Ines Varga")
    assert statues.mentions.filter(stance="denies", speaker=varga).count() == 2
