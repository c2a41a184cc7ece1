"""Finds a run's article files and their stories: folders with a story.toml, or files given
a story by its slug; the manifest's `[[articles]]` table states metadata of the files. Saved
web pages (.html) among them are read by extracting their main text."""

import codecs
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import trafilatura.utils
from django.utils.text import slugify

from .decoding import BYTE_ORDER_MARKS, UnreadableFile, decode_bytes, refuse_oversized
from .extraction import article_from_html
from .manifest import ArticleFile, read_article_table, with_stated
from .models import Story
from .reading import ArticleText

MANIFEST = "story.toml"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm"}
# A page declares its encoding in a <meta> tag near its top; this many bytes are searched.
CHARSET_SEARCH_BYTES = 4096
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
# Browsers read pages declared Latin-1 or ASCII as Windows-1252 (the HTML standard says so).
WEB_ENCODINGS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# How an HTML document begins, after any spaces: lets an upload without .html be recognised.
HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


class IngestError(Exception):
    """A problem with the whole run (no story, no files), not with one file."""


def story_files(paths, story_slug=None):
    """Each text file or saved page under `paths` as an ArticleFile, and (name, reason) for
    each bad entry of a manifest's `[[articles]]` table; the other files go on without it."""
    explicit_story = story_from_slug(story_slug) if story_slug else None
    found, problems = [], []
    for raw_path in paths:
        path = Path(raw_path)
        folder = path if path.is_dir() else path.parent
        has_manifest = (folder / MANIFEST).exists()
        if path.is_dir():
            story = explicit_story or _story_from_manifest(path)
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
                and p.name != MANIFEST
            )
        else:
            story = explicit_story or (_story_from_manifest(folder) if has_manifest else None)
            if story is None:
                raise IngestError(f"{path}: no story given; pass --story SLUG")
            files = [path]
        stated = {}
        if has_manifest:
            stated, bad_entries = _article_table(folder, files, listed_alone=not path.is_dir())
            problems.extend(bad_entries)
        found.extend(_article_file(file, story, stated.get(file.name)) for file in files)
    return found, problems


def _article_file(path, story, stated):
    kind = SavedPageFile if is_saved_page_name(path.name) else ArticleFile
    return kind(path, story, stated)


def _article_table(folder, files, listed_alone):
    """The manifest's stated metadata by file name; a file given alone is checked alone."""
    manifest_path = folder / MANIFEST
    try:
        manifest = _load(manifest_path)
    except IngestError as error:
        return {}, [(MANIFEST, str(error))]
    names = {p.name for p in folder.iterdir() if p.is_file()}
    # Entries of the folder's other files are no business of a run given one file.
    only = {file.name for file in files} if listed_alone else None
    return read_article_table(manifest, manifest_path, names, only)


def _load(manifest_path):
    try:
        return tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise IngestError(f"{manifest_path}: not a valid manifest ({error})") from error


def story_from_slug(slug):
    """The story of this slug, made (titled after the slug) if there is none yet."""
    story, _ = Story.objects.get_or_create(
        slug=slugify(slug), defaults={"title": slug.replace("-", " ").capitalize()}
    )
    return story


def _story_from_manifest(folder):
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise IngestError(f"{folder}: no {MANIFEST} manifest here; pass --story SLUG")
    manifest = _load(manifest_path)
    slug = slugify(manifest.get("slug") or folder.name)
    story, _ = Story.objects.get_or_create(
        slug=slug,
        defaults={
            "title": manifest.get("title") or folder.name,
            "description": manifest.get("description", ""),
        },
    )
    return story


# --- Saved web pages --------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedPageFile(ArticleFile):
    """A saved web page found for a run: its main text and metadata are extracted from the
    HTML, then the manifest's stated metadata wins as for a text file."""

    def content_hash(self, max_bytes: int) -> str:
        # The hash is of the extracted text, so a page whose adverts or scripts change but
        # whose article does not stays unchanged.
        return self.read(max_bytes).content_hash

    def read(self, max_bytes: int) -> ArticleText:
        return with_stated(read_saved_page(self.path, max_bytes), self.stated)


def is_saved_page_name(name: str) -> bool:
    return Path(name).suffix.lower() in HTML_SUFFIXES


def looks_like_html(content: bytes | str) -> bool:
    """Whether an upload, whatever its name, begins as an HTML document does."""
    start = content[:CHARSET_SEARCH_BYTES]
    if isinstance(start, bytes):
        start = start.decode("ascii", errors="ignore")
    return bool(HTML_START.match(start.lstrip("\ufeff")))


def read_saved_page(path: Path, max_bytes: int) -> ArticleText:
    """Reads one saved page, refusing it when too big, binary or without a main text."""
    name = path.name
    try:
        refuse_oversized(name, path.stat().st_size, max_bytes)
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableFile(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{name}: is a directory, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"{name}: cannot be read ({error.strerror})") from None
    refuse_oversized(name, len(data), max_bytes)
    return article_from_html(decode_html(data, name), file_name=name)


def decode_html(data: bytes, name: str) -> str:
    """A page's bytes as text: by byte order mark, else by the charset its <meta> tag
    declares, else by trafilatura's guess (UTF-8 first)."""
    if any(data.startswith(mark) for mark, _ in BYTE_ORDER_MARKS):
        return decode_bytes(data, name)
    if b"\x00" in data:
        raise UnreadableFile(f"{name}: looks binary, not a web page")
    declared = DECLARED_CHARSET.search(data[:CHARSET_SEARCH_BYTES])
    if declared:
        try:
            encoding = codecs.lookup(declared[1].decode("ascii")).name
            return data.decode(WEB_ENCODINGS.get(encoding, encoding))
        except (LookupError, UnicodeDecodeError):
            # A page that lies about its encoding is read as if it stated none.
            pass
    return trafilatura.utils.decode_file(data)
