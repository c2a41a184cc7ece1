"""Finds a run's article files and their stories: folders with a story.toml, or files given
a story by its slug; the manifest's `[[articles]]` table states metadata of the files."""

import tomllib
from pathlib import Path

from django.utils.text import slugify

from .manifest import ArticleFile, read_article_table
from .models import Story

MANIFEST = "story.toml"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


class IngestError(Exception):
    """A problem with the whole run (no story, no files), not with one file."""


def story_files(paths, story_slug=None):
    """Each text file under `paths` as an ArticleFile, and (name, reason) for each bad entry
    of a manifest's `[[articles]]` table; the other files go on without it."""
    explicit_story = _story_from_slug(story_slug) if story_slug else None
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
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and p.name != MANIFEST
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
        found.extend(ArticleFile(file, story, stated.get(file.name)) for file in files)
    return found, problems


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


def _story_from_slug(slug):
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
