"""What copy detection compares, stored with each article (see articles/copies.py): the terms
of its paragraphs, the articles under each term, and how many of a story's articles hold each."""

from django.db import connection, models, transaction
from django.db.models import Count, F
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .copies import INDEXED_TERM_CHARS, indexed_terms, paragraph_terms
from .models import Article, Story, lock_story_writes

# Terms read in one query: databases cap a query's parameters (SQLite at 32,766),
# and an article of a few megabytes can hold more distinct words.
TERMS_PER_QUERY = 5000


def _chunks(terms):
    return [
        terms[start : start + TERMS_PER_QUERY] for start in range(0, len(terms), TERMS_PER_QUERY)
    ]


class ArticleParagraphTermsQuerySet(models.QuerySet):
    def index(self, article):
        """Store what copy detection compares of `article`'s body in place of what its earlier
        body gave: the terms of each paragraph, the article under each term, and the story's
        count of articles holding each. Under the story's lock, so the counts stay exact."""
        paragraphs = paragraph_terms(article.body)
        with transaction.atomic(savepoint=False):
            lock_story_writes(article.story_id)
            self.bulk_create(
                [
                    ArticleParagraphTerms(
                        article=article, paragraphs=[sorted(p) for p in paragraphs]
                    )
                ],
                update_conflicts=True,
                unique_fields=["article"],
                update_fields=["paragraphs"],
            )
            _forget_terms(article.pk)
            _count_terms(article, sorted(indexed_terms(paragraphs)))

    def by_article(self, article_ids):
        """The terms of each paragraph of these articles, by article id."""
        rows = self.filter(article_id__in=article_ids).values_list("article_id", "paragraphs")
        return {pk: [frozenset(terms) for terms in paragraphs] for pk, paragraphs in rows}


class ArticleParagraphTerms(models.Model):
    """The content words of each paragraph of an article, as copy detection compares them, so a
    new article is compared without reading the others' texts."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="paragraph_terms"
    )
    # A list of paragraphs, each the sorted list of its terms.
    paragraphs = models.JSONField(default=list)

    objects = ArticleParagraphTermsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "article paragraph terms"

    def __str__(self):
        return f"terms of {self.article_id}"


class ArticleTermQuerySet(models.QuerySet):
    def sharing_most(self, terms, limit):
        """The ids of the `limit` articles holding most of these terms, the older first."""
        grouped = self.filter(term__in=terms).values("article_id")
        ranked = grouped.annotate(shared=Count("term")).order_by("-shared", "article_id")
        return list(ranked.values_list("article_id", flat=True)[:limit])


class ArticleTerm(models.Model):
    """A term an article's paragraphs hold: copy detection finds the stored articles a new one
    may copy by looking up its rarest terms here."""

    # A new article is compared with its own story's articles only.
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+", db_index=False)
    term = models.CharField(max_length=INDEXED_TERM_CHARS)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="terms")

    objects = ArticleTermQuerySet.as_manager()

    class Meta:
        constraints = [
            # Also the index every look-up goes through: a story's articles holding a term.
            models.UniqueConstraint(
                fields=["story", "term", "article"], name="article_term_unique_per_story"
            ),
        ]

    def __str__(self):
        return self.term


class StoryTermQuerySet(models.QuerySet):
    def counts(self, story_id, terms):
        """How many of the story's articles hold each of these terms, for those some holds."""
        counts = {}
        for chunk in _chunks(sorted(terms)):
            held = self.filter(story_id=story_id, term__in=chunk, articles__gt=0)
            counts.update(held.values_list("term", "articles"))
        return counts


class StoryTerm(models.Model):
    """How many of a story's articles hold a term, kept as they are indexed: counting their
    ArticleTerm rows would read more rows the larger the story grows."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+", db_index=False)
    term = models.CharField(max_length=INDEXED_TERM_CHARS)
    articles = models.PositiveIntegerField(default=0)

    objects = StoryTermQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "term"], name="story_term_unique"),
        ]

    def __str__(self):
        return f"{self.term}: {self.articles}"


def _count_terms(article, terms):
    """Index the article under each term, and count it in the story's count of each. Plain
    SQL, one statement repeated per term: building a model row for each of an article's
    hundreds of terms costs more than the database's work."""
    story_terms, article_terms = StoryTerm._meta.db_table, ArticleTerm._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {story_terms} (story_id, term, articles) VALUES (%s, %s, 1)"
            f" ON CONFLICT (story_id, term)"
            f" DO UPDATE SET articles = {story_terms}.articles + 1",
            [(article.story_id, term) for term in terms],
        )
        cursor.executemany(
            f"INSERT INTO {article_terms} (story_id, term, article_id) VALUES (%s, %s, %s)",
            [(article.story_id, term, article.pk) for term in terms],
        )


def _forget_terms(article_id):
    """Take an article's terms out of the index and out of its story's counts."""
    held = ArticleTerm.objects.filter(article_id=article_id)
    counted = StoryTerm.objects.filter(story__in=held.values("story"), term__in=held.values("term"))
    counted.update(articles=F("articles") - 1)
    held.delete()


@receiver(pre_delete, sender=Article)
def _uncount_deleted_article(sender, instance, origin=None, **kwargs):
    # A deleted story's counts go with it: no need to update them article by article.
    if isinstance(origin, Story) or getattr(origin, "model", None) is Story:
        return
    lock_story_writes(instance.story_id)
    _forget_terms(instance.pk)
