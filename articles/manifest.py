"""Reads the `[[articles]]` table of a story folder's story.toml: the outlet, date, URL, title
and author stated for each file, which win over what its text suggests."""

import dataclasses
import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

from .decoding import read_text_file, text_hash
from .reading import ArticleText, read_article_file

TEXT_FIELDS = ("outlet", "url", "title", "author")
ENTRY_KEYS = {"file", "published", *TEXT_FIELDS}


@dataclasses.dataclass(frozen=True)
class StatedMetadata:
    """What the manifest states about one file; empty fields state nothing."""

    outlet: str = ""
    published: datetime.date | None = None
    url: str = ""
    title: str = ""
    author: str = ""


class BadEntry(ValueError):
    """An `[[articles]]` entry that cannot be used, with the reason."""


def read_article_table(
    manifest: dict, manifest_path: Path, file_names: set[str], only: set[str] | None = None
) -> tuple[dict[str, StatedMetadata], list[tuple[str, str]]]:
    """The stated metadata of each listed file, and a (name, reason) problem per bad entry.

    A bad entry is left out whole, so that its file is read from its text alone. With `only`,
    the entries of other files are passed over.
    """
    entries = manifest.get("articles", [])
    if not isinstance(entries, list):
        problem = f"{manifest_path}: `articles` must be a list of [[articles]] tables"
        return {}, [(manifest_path.name, problem)]
    stated, problems = {}, []
    for number, entry in enumerate(entries, start=1):
        if only is not None and not (isinstance(entry, dict) and entry.get("file") in only):
            continue
        try:
            file_name, metadata = _read_entry(entry, file_names)
        except BadEntry as error:
            where = f"[[articles]] entry {number}"
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                where += f" (file = {entry['file']!r})"
            problems.append((manifest_path.name, f"{manifest_path}: {where}: {error}"))
            continue
        stated[file_name] = metadata
    return stated, problems


def _read_entry(entry: object, file_names: set[str]) -> tuple[str, StatedMetadata]:
    if not isinstance(entry, dict):
        raise BadEntry("is not a table")
    unknown = sorted(set(entry) - ENTRY_KEYS)
    if unknown:
        known = ", ".join(sorted(ENTRY_KEYS))
        raise BadEntry(f"{unknown[0]}: unknown field; an entry's fields are {known}")
    file_name = entry.get("file")
    if not isinstance(file_name, str) or not file_name:
        raise BadEntry("file: missing; every entry names its file")
    if file_name not in file_names:
        raise BadEntry(f"file: no such article file in the folder: {file_name!r}")
    fields = {}
    for name in TEXT_FIELDS:
        value = entry.get(name, "")
        if not isinstance(value, str):
            raise BadEntry(f"{name}: must be a string, not {value!r}")
        fields[name] = value.strip()
    return file_name, StatedMetadata(published=_read_date(entry.get("published")), **fields)


def _read_date(value: object) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadEntry(f"published: not a date (write 2025-04-08): {value!r}")


def stated_hash(raw_text: str, stated: StatedMetadata | None) -> str:
    """The hash an article is stored under: its text's, and what the manifest states of it, so
    that a changed entry updates the article."""
    if stated is None or stated == StatedMetadata():
        return text_hash(raw_text)
    fields = {key: str(value) for key, value in dataclasses.asdict(stated).items() if value}
    return text_hash(raw_text + "\n" + json.dumps(fields, sort_keys=True))


def with_stated(text: ArticleText, stated: StatedMetadata | None) -> ArticleText:
    """The text with the manifest's metadata in place of what was read from it."""
    if stated is None:
        return text
    changes = {
        name: getattr(stated, name)
        for name in ("title", "author", "url", "outlet", "published")
        if getattr(stated, name)
    }
    if stated.url:
        changes["outlet_domain"] = _domain(stated.url)
    return dataclasses.replace(text, **changes, content_hash=stated_hash(text.raw_text, stated))


def _domain(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


@dataclasses.dataclass(frozen=True)
class ArticleFile:
    """An article file found for a run, its story, and what the manifest states about it."""

    path: Path
    story: object
    stated: StatedMetadata | None = None

    def content_hash(self, max_bytes: int) -> str:
        return stated_hash(read_text_file(self.path, max_bytes), self.stated)

    def read(self, max_bytes: int) -> ArticleText:
        return with_stated(read_article_file(self.path, max_bytes), self.stated)
