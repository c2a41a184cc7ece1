"""Keeps the story summary right after changes made one row at a time: an editor's mention,
an article whose outlet or date changes, an article deleted (an outlet with articles cannot
be). Ingestion and the claims' merges and splits refresh it themselves."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from articles.models import Article

from .models import Mention
from .summary import is_refreshed_by_caller, refresh_article, refresh_claims

# The article fields the summary depends on.
SUMMED_FIELDS = ("source_id", "published")


def _claims_of_article(article):
    return set(Mention.objects.filter(article=article).values_list("claim_id", flat=True))


@receiver(pre_save, sender=Article)
def note_summed_fields_changing(sender, instance, raw=False, update_fields=None, **kwargs):
    """Mark an article whose outlet or date is about to change, for the receiver below."""
    # A save of other fields only (a copy link, a version's metadata) cannot change them.
    summed = {"source", "source_id", "published"}
    saves_summed = update_fields is None or summed & set(update_fields)
    if raw or instance.pk is None or not saves_summed:
        return
    before = Article.objects.filter(pk=instance.pk).values_list(*SUMMED_FIELDS).first()
    now = tuple(getattr(instance, field) for field in SUMMED_FIELDS)
    instance._summary_is_stale = before is not None and before != now


@receiver(post_save, sender=Article)
def refresh_after_article_change(sender, instance, raw=False, **kwargs):
    if not raw and getattr(instance, "_summary_is_stale", False):
        instance._summary_is_stale = False
        refresh_claims(_claims_of_article(instance))


@receiver(pre_delete, sender=Article)
def note_claims_of_deleted_article(sender, instance, **kwargs):
    instance._summary_claims = _claims_of_article(instance)


@receiver(post_delete, sender=Article)
def refresh_after_article_deleted(sender, instance, **kwargs):
    refresh_claims(getattr(instance, "_summary_claims", ()))


@receiver(pre_save, sender=Mention)
def note_where_mention_was(sender, instance, raw=False, **kwargs):
    """Remember the claim and article a changed mention had, to refresh both places."""
    if raw or instance.pk is None or is_refreshed_by_caller():
        return
    instance._summary_before = (
        Mention.objects.filter(pk=instance.pk).values_list("claim_id", "article_id").first()
    )


@receiver(post_save, sender=Mention)
def refresh_after_mention_saved(sender, instance, raw=False, **kwargs):
    """One mention saved on its own, by an editor or in the shell: its outlet's row of its
    claim, and of the claim it left, are summed up again."""
    if raw or is_refreshed_by_caller():
        return
    before = getattr(instance, "_summary_before", None) or (instance.claim_id, instance.article_id)
    claim_ids = {instance.claim_id, before[0]}
    if before[1] == instance.article_id:
        refresh_article(claim_ids, instance.article)
    else:
        refresh_claims(claim_ids)


@receiver(post_delete, sender=Mention)
def refresh_after_mention_deleted(sender, instance, **kwargs):
    """A mention deleted on its own. When its article went too, the article's receiver
    above refreshes its claims once."""
    if is_refreshed_by_caller():
        return
    article = Article.objects.filter(pk=instance.article_id).only("source_id").first()
    if article is not None:
        refresh_article([instance.claim_id], article)
