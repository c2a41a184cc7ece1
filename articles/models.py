"""Stories, the outlets that cover them and the articles they published."""

import secrets

from django.conf import settings
from django.db import connection, models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


def new_revision():
    """A revision no story had before: random, so that none repeats after a restore."""
    return secrets.randbits(62)


class StoryQuerySet(models.QuerySet):
    def mark_changed(self):
        """Give these stories a new revision: what their pages showed is out of date."""
        return self.update(revision=new_revision())


class Story(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Changes whenever anything the story's public pages show changes: pages are kept rendered
    # under the revision they were drawn at (claims.page_cache).
    revision = models.BigIntegerField(default=new_revision, editable=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "stories"
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="story_slug_not_empty"),
        ]

    def __str__(self):
        return self.title


def lock_story_writes(story_id):
    """Serialise writers of one story across processes, until the transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [story_id])


class Source(models.Model):
    """An outlet: a newspaper, broadcaster, agency or aggregator, known by its name."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="source_name_not_empty"),
        ]

    def __str__(self):
        return self.name


# Words of the first sentence that stand for the title of an article that has none.
HEADLINE_WORDS = 12


class CopyKind(models.TextChoices):
    """How an article copies the one in `copy_of`: a reader trusts a word-for-word copy's
    quotations, a translation's only as far as the translation goes."""

    VERBATIM = "verbatim", "word-for-word copy"
    TRANSLATED = "translated", "machine translation or rewording"


class Article(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(max_length=500, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    file_name = models.CharField(max_length=255)
    # Every character offset stored anywhere in the app points into this text.
    body = models.TextField()
    raw_text = models.TextField()
    content_hash = models.CharField(max_length=64)
    copy_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    copy_kind = models.CharField(max_length=10, choices=CopyKind.choices, blank=True)
    language = models.CharField(max_length=20, blank=True)
    # Once an editor corrects the metadata, ingestion updates only the text.
    metadata_edited = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who changed the metadata and when; the texts are never edited, so not kept twice.
    history = HistoricalRecords(excluded_fields=["body", "raw_text"])

    class Meta:
        ordering = ["published", "file_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "content_hash"], name="article_unique_content_per_story"
            ),
            models.UniqueConstraint(
                fields=["story", "file_name"], name="article_unique_file_per_story"
            ),
            models.CheckConstraint(
                condition=~Q(copy_of=F("pk")), name="article_not_copy_of_itself"
            ),
            models.CheckConstraint(condition=~Q(file_name=""), name="article_file_name_not_empty"),
        ]
        indexes = [models.Index(fields=["story", "published"], name="article_story_published")]

    def __str__(self):
        return self.title or self.file_name

    def save(self, *args, update_fields=None, **kwargs):
        super().save(*args, update_fields=update_fields, **kwargs)
        if update_fields is None or "body" in update_fields:
            # Copy detection reads the other articles' stored words, never their texts: the
            # words follow the text however it is saved.
            ArticleParagraphTerms.objects.index(self)

    def get_absolute_url(self):
        return reverse("claims:article_reader", args=[self.story.slug, self.pk])

    @property
    def headline(self):
        """The title, or for an article that gives none, the start of its first sentence: a
        reader recognises an article by its words, not by the name of the file it came in."""
        if self.title:
            return self.title
        words = self.body.split("\n", 1)[0].split()
        if not words:
            return self.file_name
        lede = " ".join(words[:HEADLINE_WORDS])
        return lede + ("…" if len(words) > HEADLINE_WORDS else "")

    @property
    def word_count(self):
        return len(self.body.split())


class ArticleVersion(models.Model):
    """One text an article has had: ingesting a changed file, or fetching a changed page,
    adds a version and keeps the old ones. The article holds the newest."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    content_hash = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    # The archive copy of a fetched page: its HTML, when it was fetched and where it ended up.
    html = models.TextField(blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    fetched_url = models.URLField(max_length=2000, blank=True)
    # Where the article stood on each claim in this version: {claim id: position}.
    positions = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="article_version_unique_number"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="article_version_from_one"),
        ]

    def __str__(self):
        return f"{self.article} v{self.number}"


class Feed(models.Model):
    """An RSS or Atom feed a story follows: its new entries that match are fetched and
    ingested."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=2000)
    # Space-separated; an entry matches when its title or summary holds any of them. None: all.
    keywords = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "url"]
        constraints = [
            models.UniqueConstraint(fields=["story", "url"], name="feed_unique_url_per_story"),
        ]

    def __str__(self):
        return self.title or self.url


class FeedEntry(models.Model):
    """An entry a feed has listed, kept so the next poll skips it."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    # The entry's id in the feed, or its link when it gives none.
    key = models.CharField(max_length=500)
    link = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    matched = models.BooleanField(default=False)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["feed", "-seen_at"]
        verbose_name_plural = "feed entries"
        constraints = [
            models.UniqueConstraint(fields=["feed", "key"], name="feed_entry_unique_key"),
        ]

    def __str__(self):
        return self.title or self.link or self.key


class IngestKind(models.TextChoices):
    URL = "url", "web address"
    FILE = "file", "uploaded file"
    TEXT = "text", "pasted text"


class IngestStatus(models.TextChoices):
    QUEUED = "queued", "waiting"
    RUNNING = "running", "working"
    RETRYING = "retrying", "failed, will retry"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class IngestJob(models.Model):
    """One item sent for ingestion in the background (a URL, an uploaded file or a pasted
    text), with its progress and result for editors to see."""

    Kind = IngestKind
    Status = IngestStatus

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="ingest_jobs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The URL, or the name of the file or pasted text.
    target = models.CharField(max_length=2000)
    # An uploaded file's or a pasted text's content, until it is ingested.
    content = models.BinaryField(blank=True, default=b"")
    # Metadata an editor gave with the item: outlet, title, published, url.
    given = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    outcome = models.CharField(max_length=20, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_jobs"
    )
    feed_entry = models.ForeignKey(
        FeedEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["story", "-created_at"], name="ingest_job_story_recent")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=IngestKind.values), name="ingest_job_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=IngestStatus.values), name="ingest_job_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.target} ({self.get_status_display()})"


# Down here because they refer to the models above; importing them here registers them.
from .copy_index import ArticleParagraphTerms, ArticleTerm, StoryTerm  # noqa: E402, F401
