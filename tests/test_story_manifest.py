"""A story folder's story.toml states each file's outlet, date, URL, title and author; it wins
over the text, its bad entries are named, and an editor's correction wins over it."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article

GAZETTE = (
    "THE LOWTOWN GAZETTE\n"
    "News | Harbour | Sport | Opinion\n\n"
    "Ferry strike ends after all-night talks\n"
    "By Mara Quill\n"
    "Published 3 March 2024\n\n"
    'The ferry strike ended on Sunday, harbour master Tomas Berg said. "Boats sail at six."\n'
)
BULLETIN = "Tolls rise on the coast road\n\nThe council raised tolls by a tenth on Monday.\n"


def make_folder(tmp_path, articles_table=""):
    folder = tmp_path / "ferry-strike"
    folder.mkdir()
    (folder / "001_gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (folder / "002_bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    write_manifest(folder, articles_table)
    return folder


def write_manifest(folder, articles_table):
    manifest = 'title = "Ferry strike"\n' + articles_table
    (folder / "story.toml").write_text(manifest, encoding="utf-8")


def ingest(folder):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", str(folder), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def stored(file_name):
    return Article.objects.select_related("source").get(file_name=file_name)


@pytest.mark.django_db
def test_without_a_table_the_metadata_comes_from_the_text(tmp_path):
    ingest(make_folder(tmp_path))

    gazette = stored("001_gazette.txt")
    assert gazette.title == "Ferry strike ends after all-night talks"
    assert gazette.source.name == "The Lowtown Gazette"
    assert gazette.author == "Mara Quill"
    assert gazette.published == datetime.date(2024, 3, 3)


@pytest.mark.django_db
def test_table_entry_wins_over_what_the_text_states(tmp_path):
    table = (
        '[[articles]]\nfile = "001_gazette.txt"\noutlet = "Lowtown Evening Gazette"\n'
        'published = 2024-03-04\nauthor = "Mara Quill and Ivo Lind"\n'
        '[[articles]]\nfile = "002_bulletin.txt"\npublished = "2024-03-05"\n'
        'url = "https://www.coast-bulletin.example/tolls"\ntitle = "Coast road tolls rise"\n'
    )

    out, _ = ingest(make_folder(tmp_path, table))

    assert "0 failed" in out
    gazette, bulletin = stored("001_gazette.txt"), stored("002_bulletin.txt")
    assert gazette.source.name == "Lowtown Evening Gazette"
    assert gazette.published == datetime.date(2024, 3, 4)
    assert gazette.author == "Mara Quill and Ivo Lind"
    assert gazette.title == "Ferry strike ends after all-night talks"
    assert bulletin.published == datetime.date(2024, 3, 5)
    assert bulletin.url == "https://www.coast-bulletin.example/tolls"
    assert bulletin.title == "Coast road tolls rise"
    assert bulletin.source.domain == "coast-bulletin.example"


@pytest.mark.django_db
def test_changed_entry_updates_the_article_and_an_unchanged_one_does_nothing(tmp_path):
    folder = make_folder(
        tmp_path, '[[articles]]\nfile = "002_bulletin.txt"\noutlet = "Coast Post"\n'
    )
    ingest(folder)

    out, _ = ingest(folder)
    assert "0 new, 0 updated, 2 unchanged" in out

    write_manifest(folder, '[[articles]]\nfile = "002_bulletin.txt"\noutlet = "Coast Courier"\n')
    out, _ = ingest(folder)
    assert "0 new, 1 updated, 1 unchanged" in out
    assert stored("002_bulletin.txt").source.name == "Coast Courier"


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ('file = "009_missing.txt"\noutlet = "Coast Post"', "file: no such article file"),
        ('file = "002_bulletin.txt"\npublished = "5 March"', "published: not a date"),
        ('file = "002_bulletin.txt"\neditor = "Ivo Lind"', "editor: unknown field"),
        ('outlet = "Coast Post"', "file: missing"),
    ],
)
@pytest.mark.django_db
def test_bad_entry_is_named_with_its_field_and_the_rest_is_ingested(tmp_path, entry, named):
    table = (
        '[[articles]]\nfile = "001_gazette.txt"\noutlet = "Gazette Weekly"\n'
        f"[[articles]]\n{entry}\n"
    )

    out, err = ingest(make_folder(tmp_path, table))

    assert "2 new" in out
    assert "story.toml: [[articles]] entry 2" in err
    assert named in err
    assert stored("001_gazette.txt").source.name == "Gazette Weekly"
    assert stored("002_bulletin.txt").title == "Tolls rise on the coast road"


@pytest.mark.django_db
def test_editors_correction_wins_over_a_changed_table(tmp_path):
    folder = make_folder(tmp_path, '[[articles]]\nfile = "002_bulletin.txt"\nauthor = "Ivo Lind"\n')
    ingest(folder)
    Article.objects.filter(file_name="002_bulletin.txt").update(
        author="Ada Berg", metadata_edited=True
    )

    write_manifest(folder, '[[articles]]\nfile = "002_bulletin.txt"\nauthor = "Ivo Linde"\n')
    ingest(folder)

    assert stored("002_bulletin.txt").author == "Ada Berg"


@pytest.mark.django_db
def test_one_file_given_alone_takes_its_entry_and_ignores_the_others(tmp_path):
    table = (
        '[[articles]]\nfile = "002_bulletin.txt"\noutlet = "Coast Post"\n'
        '[[articles]]\nfile = "009_missing.txt"\n'
    )
    folder = make_folder(tmp_path, table)

    out, err = ingest(folder / "002_bulletin.txt")

    assert "1 new" in out and "0 failed" in out
    assert "009_missing" not in err
    assert stored("002_bulletin.txt").source.name == "Coast Post"
