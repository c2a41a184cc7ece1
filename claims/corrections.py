"""Editors' merges and splits of claims: confirmed on a page of their own, and merges undone."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .history import record_current, recorded_as
from .ingestion import pipeline
from .models import Claim, ClaimMerge, Mention, SetBy, Stance
from .summary import refresh_claims, refreshed_by_caller

# A mention's fields, beside its claim, that undo needs to make it again.
MENTION_FIELDS = (
    "article_id",
    "stance",
    "sentence",
    "start",
    "end",
    "speaker_id",
    "quote_id",
    "via",
    "set_by",
)


def _survivor_fields(claim):
    return {
        "editor_note": claim.editor_note,
        "event_date": claim.event_date.isoformat() if claim.event_date else None,
        "match_terms": claim.match_terms,
    }


def merge_claim(survivor, merged, editor):
    """Merge `merged` into `survivor`: its mentions move, it stays as a redirect; recorded so
    undo_merge() can put everything back, and in the history as the editor's."""
    reason = f"merge of #{merged.pk} into #{survivor.pk}"
    with transaction.atomic(), recorded_as(editor, reason), refreshed_by_caller():
        record = _merge_claim(survivor, merged, editor)
        refresh_claims([survivor.pk, merged.pk])
        return record


def _merge_claim(survivor, merged, editor):
    record = ClaimMerge(
        survivor=survivor, merged=merged, editor=editor, survivor_before=_survivor_fields(survivor)
    )
    kept = set(survivor.mentions.values_list("article_id", "start", "end", "stance"))
    for mention in merged.mentions.all():
        if (mention.article_id, mention.start, mention.end, mention.stance) in kept:
            record.duplicates.append({name: getattr(mention, name) for name in MENTION_FIELDS})
            mention.delete()
        else:
            record.mention_ids.append(mention.pk)
    moved = Mention.objects.filter(pk__in=record.mention_ids)
    moved.update(claim=survivor)
    record_current(moved)
    record.dismissed_ids = list(merged.dismissed_mentions.values_list("pk", flat=True))
    merged.dismissed_mentions.update(claim=survivor)
    # The survivor's own position for an outlet stands; the merged claim's others move.
    moving = merged.position_corrections.exclude(
        source__in=survivor.position_corrections.values("source")
    )
    record.correction_ids = list(moving.values_list("pk", flat=True))
    moving.update(claim=survivor)
    survivor.editor_note = survivor.editor_note or merged.editor_note
    survivor.event_date = survivor.event_date or merged.event_date
    terms = set(survivor.match_terms.split()) | set(merged.match_terms.split())
    survivor.match_terms = " ".join(sorted(terms))
    survivor.set_by = SetBy.EDITOR
    survivor.save()
    # The merged claim is the editor's now: re-ingestion neither deletes nor reuses it.
    merged.merged_into, merged.set_by = survivor, SetBy.EDITOR
    merged.save(update_fields=["merged_into", "set_by", "updated_at"])
    record.save()
    return record


def undo_merge(record, editor):
    """Give the merged claim back its mentions and dismissals, and the survivor its fields."""
    reason = f"undo of the merge of #{record.merged_id} into #{record.survivor_id}"
    with transaction.atomic(), recorded_as(editor, reason):
        _undo_merge(record)
        refresh_claims([record.survivor_id, record.merged_id])


def _undo_merge(record):
    survivor, merged = record.survivor, record.merged
    moved_back = Mention.objects.filter(pk__in=record.mention_ids, claim=survivor)
    moved_back_ids = list(moved_back.values_list("pk", flat=True))
    moved_back.update(claim=merged)
    record_current(Mention.objects.filter(pk__in=moved_back_ids))
    survivor.dismissed_mentions.filter(pk__in=record.dismissed_ids).update(claim=merged)
    survivor.position_corrections.filter(pk__in=record.correction_ids).update(claim=merged)
    Mention.objects.bulk_create(Mention(claim=merged, **row) for row in record.duplicates)
    before = record.survivor_before
    survivor.editor_note, survivor.match_terms = before["editor_note"], before["match_terms"]
    survivor.event_date = before["event_date"]
    survivor.save()
    merged.merged_into = None
    merged.save(update_fields=["merged_into", "updated_at"])
    record.undone_at = timezone.now()
    record.save(update_fields=["undone_at"])


def _action_context(modeladmin, request, queryset, title):
    return {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": request.POST.get("action", ""),
    }


def _outlet(mention):
    article = mention.article
    return article.source.name if article.source else article.file_name


@admin.action(description="Merge selected claims…", permissions=["change"])
def merge_claims(modeladmin, request, queryset):
    """Ask which claim to keep, showing what moves where; merge only once confirmed."""
    claims = list(
        queryset.select_related("story")
        .annotate(mention_count=Count("mentions"))
        .prefetch_related("mentions__article__source")
        .order_by("created_at", "pk")
    )
    if len(claims) < 2 or len({claim.story_id for claim in claims}) > 1:
        modeladmin.message_user(
            request, "Select two or more claims of one story to merge.", messages.ERROR
        )
        return None
    if any(claim.merged_into_id for claim in claims):
        modeladmin.message_user(request, "A merged claim cannot be merged again.", messages.ERROR)
        return None
    by_pk = {str(claim.pk): claim for claim in claims}
    if request.POST.get("confirm") == "yes" and request.POST.get("keep") in by_pk:
        survivor = by_pk[request.POST["keep"]]
        for claim in claims:
            if claim is not survivor:
                merge_claim(survivor, claim, request.user)
        modeladmin.message_user(request, f"Merged {len(claims) - 1} claim(s) into “{survivor}”.")
        return None
    for claim in claims:
        claim.outlets = sorted({_outlet(mention) for mention in claim.mentions.all()})
    context = {
        **_action_context(modeladmin, request, queryset, "Merge claims"),
        "claims": claims,
        "keep": claims[0].pk,
    }
    return TemplateResponse(request, "admin/claims/claim/merge_confirmation.html", context)


class SplitForm(forms.Form):
    wording = forms.CharField(
        label="Wording of the new claim",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        max_length=2000,
        error_messages={"required": "Type the new claim's wording: it cannot be empty."},
    )


def suggested_wording(mentions):
    """The machine's canonical wording for these mentions, as ingestion words a new claim:
    what the first sentence states, one that repeats a claim rather than denies it if there is
    one ("X denied that the plant will close" states "the plant will close"); the sentence
    itself when the analysis finds nothing stated in it."""
    first = min(mentions, key=lambda mention: mention.stance != Stance.REPEATS)
    sentence = first.sentence.strip()
    statements = pipeline()(sentence)._.statements
    content = next((statement.content for statement in statements if statement.content), "")
    wording = content or sentence
    return (wording[:1].upper() + wording[1:])[:2000]


def split_into_new_claim(mentions, wording, editor):
    """A new claim in the editor's wording, holding these mentions, all now the editor's."""
    first = mentions[0]
    with transaction.atomic(), recorded_as(editor, f"split out of #{first.claim_id}"):
        claim = Claim.objects.create(
            story_id=first.claim.story_id,
            text=wording.strip(),
            event_date=first.claim.event_date,
            set_by=SetBy.EDITOR,
        )
        moved = Mention.objects.filter(pk__in=[mention.pk for mention in mentions])
        moved.update(claim=claim, set_by=SetBy.EDITOR)
        record_current(moved)
        refresh_claims({claim.pk, *(mention.claim_id for mention in mentions)})
    return claim


@admin.action(description="Move selected mentions into a new claim…", permissions=["change"])
def split_mentions(modeladmin, request, queryset):
    """Ask the new claim's wording; move the selected mentions into it once confirmed."""
    mentions = list(queryset.select_related("claim", "article__source").order_by("pk"))
    if len({mention.claim.story_id for mention in mentions}) != 1:
        modeladmin.message_user(request, "Select mentions of one story.", messages.ERROR)
        return None
    if request.POST.get("confirm") == "yes":
        form = SplitForm(request.POST)
        if form.is_valid():
            claim = split_into_new_claim(mentions, form.cleaned_data["wording"], request.user)
            modeladmin.message_user(
                request, f"Moved {len(mentions)} mention(s) into a new claim “{claim}”."
            )
            return None
    else:
        form = SplitForm(initial={"wording": suggested_wording(mentions)})
    context = {
        **_action_context(modeladmin, request, queryset, "Split mentions into a new claim"),
        "mentions": mentions,
        "form": form,
    }
    return TemplateResponse(request, "admin/claims/mention/split_confirmation.html", context)


def undo_merge_view(modeladmin, request, pk, merge_id):
    """Confirm, then undo one merge into the claim `pk`."""
    if not request.user.has_perm("claims.change_claim"):
        raise PermissionDenied
    record = get_object_or_404(
        ClaimMerge.objects.select_related("survivor", "merged"),
        pk=merge_id,
        survivor_id=pk,
        undone_at=None,
    )
    change_url = reverse("admin:claims_claim_change", args=[pk])
    if request.method == "POST":
        undo_merge(record, request.user)
        modeladmin.message_user(request, f"Undid the merge of “{record.merged}”.")
        return redirect(change_url)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Undo merge",
        "opts": modeladmin.model._meta,
        "record": record,
        "moved": Mention.objects.filter(pk__in=record.mention_ids).select_related("article"),
        "change_url": change_url,
    }
    return TemplateResponse(request, "admin/claims/claim/undo_merge.html", context)
