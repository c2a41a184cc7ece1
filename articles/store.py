"""Stores one story's articles and their outlets, keeping the metadata editors give, and marks
the articles that copy others."""

import datetime
from dataclasses import asdict, dataclass, replace
from urllib.parse import urlsplit

from django.db.models import Max
from django.utils.text import slugify

from .copies import (
    MAX_CANDIDATES,
    best_copied,
    copied_word_for_word,
    indexed_terms,
    paragraph_terms,
    rarest_terms,
)
from .copy_index import ArticleParagraphTerms, ArticleTerm, StoryTerm
from .models import Article, ArticleVersion, CopyKind, Source, lock_story_writes
from .reading import ArticleText

# The metadata fields of an ArticleText that storing writes into its Article.
METADATA_FIELDS = frozenset({"title", "author", "published", "url", "outlet"})
# How long the outlet and title parts of a made-up file name may be, to keep it readable.
MAX_NAME_PART_CHARS = 60
HASH_CHARS_IN_NAME = 8


@dataclass(frozen=True)
class GivenMetadata:
    """Metadata an editor gives with a text; each field given wins over what the text states."""

    outlet: str = ""
    title: str = ""
    published: datetime.date | None = None
    url: str = ""


def with_given_metadata(text: ArticleText, given: GivenMetadata) -> ArticleText:
    """The text with the fields given in place of those read from it, marked as given."""
    changes = {name: value for name, value in asdict(given).items() if value}
    if not changes:
        return text
    given_names = text.given.union(changes)
    if given.outlet or given.url:
        # An outlet learns its domain from the address the editor gave, never from a guessed one.
        changes["outlet_domain"] = (urlsplit(given.url).hostname or "").removeprefix("www.")
    return replace(text, **changes, given=given_names)


def file_name_for(text: ArticleText) -> str:
    """A readable name for a text that came without one: its outlet, date and title, then the
    start of its hash, so the same text always gets the same name and other texts another."""
    parts = [
        _shortened(slugify(text.outlet, allow_unicode=True)),
        text.published.isoformat() if text.published else "",
        _shortened(slugify(text.title, allow_unicode=True)),
        text.content_hash[:HASH_CHARS_IN_NAME],
    ]
    return "-".join(part for part in parts if part) + ".txt"


def _shortened(slug: str) -> str:
    if len(slug) <= MAX_NAME_PART_CHARS:
        return slug
    return slug[: MAX_NAME_PART_CHARS + 1].rsplit("-", 1)[0][:MAX_NAME_PART_CHARS]


def lock_story(story):
    """Serialise writers of one story across processes, so two ingests make no duplicates."""
    lock_story_writes(story.pk)


def source_named(name, domain=""):
    """The outlet of this name, made if new; a domain learnt later is filled in. A site known
    so far by its address alone is the same outlet: it gets the name, or keeps standing for
    texts that give only its address."""
    name = name[:200]
    source = Source.objects.filter(name=name).first()
    if source is None and domain:
        source = Source.objects.filter(domain=domain).order_by("pk").first()
        if source is not None and source.name != domain and name != domain:
            # Two outlets named apart may share a site: a domain alone never merges them.
            source = None
        elif source is not None and source.name == domain and name != domain:
            source.name = name
            source.save(update_fields=["name"])
    if source is None:
        source, _ = Source.objects.get_or_create(name=name, defaults={"domain": domain})
    if domain and not source.domain:
        source.domain = domain
        source.save(update_fields=["domain"])
    return source


def _source_for(text):
    if text.outlet:
        return source_named(text.outlet, text.outlet_domain)
    if text.outlet_domain:
        return source_named(text.outlet_domain, text.outlet_domain)
    return None


def _write_metadata(article, text, fields):
    columns = {
        "title": text.title[:500],
        "author": text.author[:200],
        "published": text.published,
        "url": text.url[:2000],
    }
    for name in fields & columns.keys():
        setattr(article, name, columns[name])
    if "outlet" in fields:
        article.source = _source_for(text)


def _add_version(article, text, earlier):
    """Store the text as the article's next version; an article made before versions were
    kept (or outside ingestion) first gets its earlier text, `(body, hash, title)`, as
    version 1. Callers hold the story lock, so the numbers do not race."""
    last = article.versions.aggregate(number=Max("number"))["number"] or 0
    if last == 0 and earlier is not None:
        body, content_hash, title = earlier
        ArticleVersion.objects.create(
            article=article, number=1, body=body, content_hash=content_hash, title=title
        )
        last = 1
    ArticleVersion.objects.create(
        article=article,
        number=last + 1,
        body=text.body,
        content_hash=text.content_hash,
        title=text.title[: ArticleVersion._meta.get_field("title").max_length],
        html=text.html,
        fetched_at=text.fetched_at,
        fetched_url=text.fetched_url[: ArticleVersion._meta.get_field("fetched_url").max_length],
    )


def _copied_article(article, paragraphs):
    """The id of the story's stored article that these paragraphs of `article` copy most, or
    None. Only the articles holding most of the paragraphs' rarest terms are compared, and
    only their stored terms are read, so the cost does not grow with the story."""
    if not paragraphs:
        return None
    # The counts include the article itself: saving it indexed it.
    counts = StoryTerm.objects.counts(article.story_id, indexed_terms(paragraphs))
    rarest = rarest_terms({term: held - 1 for term, held in counts.items() if held > 1})
    others = ArticleTerm.objects.filter(story_id=article.story_id).exclude(article_id=article.pk)
    candidates = others.sharing_most(rarest, MAX_CANDIDATES + 1)
    stored = ArticleParagraphTerms.objects.by_article(candidates)
    return best_copied(paragraphs, [(pk, stored[pk]) for pk in candidates if pk in stored])


class ArticleStore:
    """Writes one story's articles, and keeps the story's earliest date to date statements.
    What copy detection compares is stored with each article (copy_index.py), so what other
    ingests store is seen at once."""

    def __init__(self, story):
        self.story = story
        self.catch_up()

    def catch_up(self):
        """Read the story's earliest date again: another ingest may have stored an earlier
        article since."""
        self.reference_date = (
            Article.objects.filter(story=self.story, published__isnull=False)
            .order_by("published")
            .values_list("published", flat=True)
            .first()
        )

    def is_stored(self, text: ArticleText):
        return Article.objects.filter(story=self.story, content_hash=text.content_hash).exists()

    def stored_under_name(self, text: ArticleText):
        return Article.objects.filter(story=self.story, file_name=text.file_name).first()

    def save(self, article, text: ArticleText):
        """Write the text into `article` (new, or stored under the file's name); corrected
        metadata stays the editor's, and so does the metadata an editor gives with the text.
        A new text, or a changed one, becomes the article's next version; the old ones stay."""
        earlier = (
            None if article.pk is None else (article.body, article.content_hash, article.title)
        )
        article.body = text.body
        article.raw_text = text.raw_text
        article.content_hash = text.content_hash
        _write_metadata(article, text, text.given if article.metadata_edited else METADATA_FIELDS)
        article.metadata_edited = article.metadata_edited or bool(text.given)
        article.save()
        if earlier is None or earlier[0] != text.body:
            _add_version(article, text, earlier)
        if article.published and (
            self.reference_date is None or article.published < self.reference_date
        ):
            self.reference_date = article.published
        return article

    def mark_copy(self, article):
        """Set `copy_of` between this article and a stored one it copies, the later one copying,
        and `copy_kind`, whether it copies word for word or translates."""
        copied = _copied_article(article, paragraph_terms(article.body))
        if copied is None:
            return
        original = Article.objects.get(pk=copied)
        copy = article
        if original.published and article.published and original.published > article.published:
            original, copy = article, original
        if copy.metadata_edited or original.copy_of_id == copy.pk:
            return
        kind = (
            CopyKind.VERBATIM
            if copied_word_for_word(copy.body, original.body)
            else CopyKind.TRANSLATED
        )
        if (copy.copy_of_id, copy.copy_kind) != (original.pk, kind):
            copy.copy_of = original
            copy.copy_kind = kind
            copy.save(update_fields=["copy_of", "copy_kind", "updated_at"])
