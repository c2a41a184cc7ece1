"""Finds a run's article files and their stories: folders with a story.toml, or files given
a story by its slug."""

import tomllib
from pathlib import Path

from django.utils.text import slugify

from .models import Story

MANIFEST = "story.toml"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


class IngestError(Exception):
    """A problem with the whole run (no story, no files), not with one file."""


def story_files(paths, story_slug=None):
    """Each text file under `paths` with the story it belongs to."""
    explicit_story = _story_from_slug(story_slug) if story_slug else None
    found = []
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            story = explicit_story or _story_from_manifest(path)
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            found.extend((file_path, story) for file_path in files if file_path.name != MANIFEST)
        else:
            story = explicit_story or (
                _story_from_manifest(path.parent) if (path.parent / MANIFEST).exists() else None
            )
            if story is None:
                raise IngestError(f"{path}: no story given; pass --story SLUG")
            found.append((path, story))
    return found


def _story_from_slug(slug):
    story, _ = Story.objects.get_or_create(
        slug=slugify(slug), defaults={"title": slug.replace("-", " ").capitalize()}
    )
    return story


def _story_from_manifest(folder):
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        raise IngestError(f"{folder}: no {MANIFEST} manifest here; pass --story SLUG")
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise IngestError(f"{manifest_path}: not a valid manifest ({error})") from error
    slug = slugify(manifest.get("slug") or folder.name)
    story, _ = Story.objects.get_or_create(
        slug=slug,
        defaults={
            "title": manifest.get("title") or folder.name,
            "description": manifest.get("description", ""),
        },
    )
    return story
