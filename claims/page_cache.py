"""A story's public pages kept rendered until something they show changes: every change gives
the story a new revision, and a page is kept under the revision it was drawn at."""

import functools
import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse

from articles.models import Article, ArticleVersion, Source, Story

from .models import Claim, DismissedMention, Mention, PositionCorrection, Quote, Speaker
from .summary import is_refreshed_by_caller

# The response headers a kept page is given back with; the middleware adds the rest.
KEPT_HEADERS = ("Content-Type", "Vary", "Content-Language")


def rendered_until_story_changes(view):
    """Answer a story page's GET from the page kept for the story's current revision, drawing
    and keeping it when there is none. Only whole 200 answers that set no cookie are kept."""

    @functools.wraps(view)
    def answer(request, slug, *args, **kwargs):
        story = Story.objects.filter(slug=slug).values_list("pk", "revision").first()
        if story is None:
            return view(request, slug, *args, **kwargs)
        key = _page_key(request, *story)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            return HttpResponse(content, headers=headers)
        response = view(request, slug, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers))
        return response

    return answer


def _page_key(request, story_id, revision):
    """What a page's content depends on: the story's revision, the address asked for, and
    who asks (staff see more) and how (htmx asks for a fragment, and names its target)."""
    htmx = request.htmx
    asked = "\n".join(
        [
            request.get_host(),
            request.get_full_path(),
            str(request.user.is_staff),
            str(bool(htmx)),
            (htmx.target or "") if htmx else "",
        ]
    )
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return f"story-page:{story_id}:{revision}:{digest}"


# Ingestion marks its story changed once per article and once at the end of a run
# (claims.store), so the rows it writes one by one mark nothing.
def _left_to_caller(raw):
    return raw or is_refreshed_by_caller()


@receiver([post_save, post_delete], sender=Claim)
def claim_changed(sender, instance, raw=False, **kwargs):
    if not _left_to_caller(raw):
        Story.objects.filter(pk=instance.story_id).mark_changed()


@receiver([post_save, post_delete], sender=Mention)
@receiver([post_save, post_delete], sender=Quote)
@receiver([post_save, post_delete], sender=DismissedMention)
@receiver([post_save, post_delete], sender=ArticleVersion)
def article_row_changed(sender, instance, raw=False, **kwargs):
    if not _left_to_caller(raw):
        Story.objects.filter(articles=instance.article_id).mark_changed()


@receiver([post_save, post_delete], sender=PositionCorrection)
def position_correction_changed(sender, instance, raw=False, **kwargs):
    if not _left_to_caller(raw):
        Story.objects.filter(claims=instance.claim_id).mark_changed()


@receiver([post_save, post_delete], sender=Article)
def article_changed(sender, instance, raw=False, **kwargs):
    if not _left_to_caller(raw):
        Story.objects.filter(pk=instance.story_id).mark_changed()


@receiver(post_save, sender=Story)
def story_changed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        Story.objects.filter(pk=instance.pk).mark_changed()


# An outlet or a speaker may appear in any story. A new one appears nowhere yet; one renamed,
# retyped, merged or deleted, even by ingestion, changes every story that shows it.
@receiver(post_save, sender=Source)
@receiver(post_save, sender=Speaker)
def shared_name_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        Story.objects.all().mark_changed()


@receiver(post_delete, sender=Source)
@receiver(post_delete, sender=Speaker)
def shared_name_deleted(sender, instance, **kwargs):
    Story.objects.all().mark_changed()
