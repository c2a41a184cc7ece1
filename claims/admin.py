"""Admin for editors: review claims, correct stances and speakers, merge and split, export."""

from django import forms
from django.contrib import admin
from django.db.models import Count, Max, Q
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Source
from newsroom.admin_helpers import WritesNeedPermission
from newsroom.csv_streaming import csv_download

from . import review_queue
from .add_articles import add_articles_urls
from .corrections import merge_claims, split_mentions, undo_merge_view
from .export import (
    CLAIM_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    claim_rows,
    mention_rows,
    quote_rows,
)
from .models import (
    Claim,
    ClaimMerge,
    DismissedMention,
    Mention,
    Quote,
    ReviewQueue,
    SetBy,
    Stance,
)
from .position_admin import PositionCorrectionInline

# Speakers and the merges proposed for them have an admin module of their own; importing it
# here is what registers them, since Django's autodiscovery imports only claims.admin.
from . import speaker_admin  # noqa: F401  isort: skip
from . import jobs_admin  # noqa: F401  isort: skip

# Feeds and their entries: registered by their own module, imported for the same reason.
from . import feed_admin  # noqa: F401  isort: skip


@admin.action(description="Export selected quotes as CSV")
def export_quotes(modeladmin, request, queryset):
    return csv_download("quotes.csv", QUOTE_COLUMNS, quote_rows(queryset))


@admin.action(description="Export selected claims as CSV")
def export_claims(modeladmin, request, queryset):
    return csv_download("claims.csv", CLAIM_COLUMNS, claim_rows(queryset))


@admin.action(description="Export selected mentions as CSV")
def export_mentions(modeladmin, request, queryset):
    return csv_download("mentions.csv", MENTION_COLUMNS, mention_rows(queryset))


class SavedByEditor:
    """Saving a row in the admin makes it the editor's: ingestion will not rewrite it."""

    def save_model(self, request, obj, form, change):
        obj.set_by = SetBy.EDITOR
        super().save_model(request, obj, form, change)


@admin.register(Quote)
class QuoteAdmin(SavedByEditor, WritesNeedPermission, admin.ModelAdmin):
    list_display = ["text", "speaker", "cue", "kind", "article"]
    list_filter = ["kind", "article__story"]
    search_fields = ["text", "speaker__name"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["speaker"]
    readonly_fields = ["article", "text", "start", "end"]
    actions = [export_quotes]


class MentionForm(forms.ModelForm):
    """A mention as editors write it: the evidence sentence is found in the article's text."""

    class Meta:
        model = Mention
        fields = ["article", "stance", "speaker", "via", "sentence"]
        widgets = {"sentence": forms.Textarea(attrs={"rows": 2, "cols": 60})}

    def clean(self):
        cleaned = super().clean()
        article, sentence = cleaned.get("article"), (cleaned.get("sentence") or "").strip()
        if article and sentence:
            start = article.body.find(sentence)
            if start < 0:
                self.add_error("sentence", "This sentence is not in the article's text.")
            else:
                self.instance.start, self.instance.end = start, start + len(sentence)
                cleaned["sentence"] = sentence
        return cleaned


class MentionInline(admin.TabularInline):
    """The claim's mentions, one row each, labelled by article and stance (Mention's str),
    not by the claim's text the page already shows."""

    model = Mention
    form = MentionForm
    extra = 0
    autocomplete_fields = ["article", "speaker"]
    readonly_fields = ["set_by_and_reading"]
    fields = ["article", "stance", "speaker", "via", "sentence", "set_by_and_reading"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__story", "speaker")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Who passed the words on is a name or two: in a narrow column it wraps, not scrolls.
        if db_field.name == "via":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="set by")
    def set_by_and_reading(self, mention):
        """Who set the mention, and a link to its sentence in the article: one narrow column,
        so the sentence gets the room."""
        if not mention.pk:
            return ""
        return format_html(
            '{}<br><a href="{}" title="Read it in the article">read</a>',
            mention.get_set_by_display(),
            mention.get_absolute_url(),
        )


class OutletListFilter(admin.SimpleListFilter):
    title = "outlet"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return [
            (source.pk, source.name)
            for source in Source.objects.filter(articles__isnull=False).distinct()
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(mentions__article__source=self.value()).distinct()
        return queryset


class MergedListFilter(admin.SimpleListFilter):
    """Claims merged into another stay as redirects; the list leaves them out unless asked."""

    title = "merged"
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("yes", "merged into another claim")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(merged_into=None)
        return queryset.current()


class DenialListFilter(admin.SimpleListFilter):
    title = "has denials"
    parameter_name = "denied"

    def lookups(self, request, model_admin):
        return [("yes", "denied by someone"), ("no", "never denied")]

    def queryset(self, request, queryset):
        denied = Mention.objects.filter(stance=Stance.DENIES).values("claim")
        if self.value() == "yes":
            return queryset.filter(pk__in=denied)
        if self.value() == "no":
            return queryset.exclude(pk__in=denied)
        return queryset


@admin.register(Claim)
class ClaimAdmin(SavedByEditor, WritesNeedPermission, SimpleHistoryAdmin):
    list_display = ["text", "story", "event_date", "verdict", "repeats", "denials", "set_by"]
    list_filter = [
        "story",
        "verdict",
        OutletListFilter,
        DenialListFilter,
        "set_by",
        MergedListFilter,
    ]
    search_fields = ["text", "mentions__sentence", "mentions__speaker__name"]
    list_select_related = ["story"]
    autocomplete_fields = ["origin_source", "origin_speaker"]
    fields = [
        "story",
        "text",
        "event_date",
        "timeline_position",
        "verdict",
        "editor_note",
        "origin_source",
        "origin_speaker",
        "set_by",
        "merged_into",
    ]
    readonly_fields = ["set_by", "merged_into"]
    inlines = [MentionInline, PositionCorrectionInline]
    # Its own history page lists the claim's merges, each with its undo link.
    object_history_template = "admin/claims/claim/object_history.html"
    actions = [merge_claims, export_claims]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                repeat_count=Count("mentions", filter=Q(mentions__stance=Stance.REPEATS)),
                denial_count=Count("mentions", filter=Q(mentions__stance=Stance.DENIES)),
                newest_article=Max("mentions__article__created_at"),
            )
        )

    @admin.display(description="repeats", ordering="repeat_count")
    def repeats(self, claim):
        return claim.repeat_count

    @admin.display(description="denials", ordering="denial_count")
    def denials(self, claim):
        return claim.denial_count

    def get_urls(self):
        undo = self.admin_site.admin_view(
            lambda request, pk, merge_id: undo_merge_view(self, request, pk, merge_id)
        )
        # The review queue is a ClaimAdmin too, but "Add articles" belongs to the claims alone.
        add_articles = add_articles_urls(self) if self.model is Claim else []
        return [
            *add_articles,
            path("<int:pk>/undo-merge/<int:merge_id>/", undo, name=self._undo_merge_url_name),
            *super().get_urls(),
        ]

    @property
    def _undo_merge_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_undo_merge"

    def _merges(self, object_id):
        """The merges into or of this claim, each with the address that undoes it while it
        stands. An id that is no number has none: the admin then says there is no such claim."""
        if not str(object_id).isdigit():
            return []
        merges = ClaimMerge.objects.filter(
            Q(survivor_id=object_id) | Q(merged_id=object_id)
        ).select_related("survivor", "merged", "editor")
        return [
            (
                merge,
                None
                if merge.undone_at
                else reverse(
                    f"admin:{self._undo_merge_url_name}", args=[merge.survivor_id, merge.pk]
                ),
            )
            for merge in merges
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        undo_links = [
            (merge, url)
            for merge, url in self._merges(object_id)
            if url and merge.survivor_id == int(object_id)
        ]
        extra_context = {**(extra_context or {}), "undo_links": undo_links}
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "merges": self._merges(object_id)}
        return super().history_view(request, object_id, extra_context)

    def save_formset(self, request, form, formset, change):
        """Every mention an editor adds or changes becomes the editor's: ingestion keeps it.
        A position an editor sets is signed with their name."""
        rows = formset.save(commit=False)
        for row in rows:
            if isinstance(row, Mention):
                row.set_by = SetBy.EDITOR
            else:
                row.editor = request.user
            row.save()
        for row in formset.deleted_objects:
            if isinstance(row, Mention):
                row.dismiss()
            else:
                row.delete()
        formset.save_m2m()


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ClaimAdmin):
    """Claims not reviewed yet: contested ones first, then those in the newest articles."""

    list_display = [
        "text",
        review_queue.outlet_positions,
        review_queue.first_report,
        review_queue.evidence_preview,
        "repeats",
        "denials",
    ]
    list_filter = ["story", OutletListFilter, DenialListFilter, "set_by"]

    def get_changelist(self, request, **kwargs):
        return review_queue.ReviewQueueChangeList

    def get_ordering(self, request):
        return review_queue.contested_then_newest()

    def get_queryset(self, request):
        return review_queue.unreviewed(super().get_queryset(request))


@admin.register(Mention)
class MentionAdmin(SavedByEditor, WritesNeedPermission, SimpleHistoryAdmin):
    form = MentionForm
    list_display = ["claim", "article", "stance", "speaker", "via", "set_by"]
    list_filter = ["stance", "set_by", "article__story"]
    search_fields = ["sentence", "claim__text", "speaker__name"]
    list_select_related = ["claim", "article", "speaker"]
    autocomplete_fields = ["claim", "article", "speaker"]
    actions = [split_mentions, export_mentions]

    def get_fields(self, request, mention=None):
        return ["claim", "article", "stance", "speaker", "via", "sentence"]

    def delete_model(self, request, mention):
        mention.dismiss()

    def delete_queryset(self, request, queryset):
        for mention in queryset:
            mention.dismiss()


@admin.register(DismissedMention)
class DismissedMentionAdmin(WritesNeedPermission, admin.ModelAdmin):
    """Mentions editors deleted; deleting one here lets the next ingestion find it again."""

    list_display = ["claim", "article", "stance", "sentence", "dismissed_at"]
    list_filter = ["stance", "article__story"]
    search_fields = ["sentence", "claim__text"]
    list_select_related = ["claim", "article"]
    readonly_fields = ["claim", "article", "stance", "sentence", "dismissed_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
