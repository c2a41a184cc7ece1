"""Admin for speakers, quotes, claims and mentions."""

from django.contrib import admin

from articles.admin import csv_download

from .export import (
    CLAIM_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    claim_rows,
    mention_rows,
    quote_rows,
)
from .models import Claim, Mention, Quote, Speaker, SpeakerAlias


@admin.action(description="Export selected quotes as CSV")
def export_quotes(modeladmin, request, queryset):
    return csv_download("quotes.csv", QUOTE_COLUMNS, quote_rows(queryset))


@admin.action(description="Export selected claims as CSV")
def export_claims(modeladmin, request, queryset):
    return csv_download("claims.csv", CLAIM_COLUMNS, claim_rows(queryset))


@admin.action(description="Export selected mentions as CSV")
def export_mentions(modeladmin, request, queryset):
    return csv_download("mentions.csv", MENTION_COLUMNS, mention_rows(queryset))


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    inlines = [SpeakerAliasInline]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["text", "speaker", "cue", "kind", "article"]
    list_filter = ["kind", "article__story"]
    search_fields = ["text", "speaker__name"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["speaker"]
    readonly_fields = ["article", "text", "start", "end"]
    actions = [export_quotes]


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["article", "stance", "speaker", "sentence", "set_by"]
    autocomplete_fields = ["article", "speaker"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["text", "story", "event_date", "verdict"]
    list_filter = ["story", "verdict", "set_by"]
    search_fields = ["text", "mentions__sentence", "mentions__speaker__name"]
    list_select_related = ["story"]
    autocomplete_fields = ["origin_source", "origin_speaker"]
    inlines = [MentionInline]
    actions = [export_claims]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["claim", "article", "stance", "speaker", "set_by"]
    list_filter = ["stance", "set_by", "article__story"]
    search_fields = ["sentence", "claim__text", "speaker__name"]
    list_select_related = ["claim", "article", "speaker"]
    autocomplete_fields = ["claim", "article", "speaker", "quote"]
    actions = [export_mentions]
