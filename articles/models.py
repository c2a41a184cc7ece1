"""Stories, the outlets that cover them and the articles they published."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Story(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "stories"
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="story_slug_not_empty"),
        ]

    def __str__(self):
        return self.title


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
