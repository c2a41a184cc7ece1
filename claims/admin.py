"""Admin for speakers, quotes, claims and mentions."""

from django.contrib import admin

from .models import Claim, Mention, Quote, Speaker, SpeakerAlias


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


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["claim", "article", "stance", "speaker", "set_by"]
    list_filter = ["stance", "set_by", "article__story"]
    search_fields = ["sentence", "claim__text", "speaker__name"]
    list_select_related = ["claim", "article", "speaker"]
    autocomplete_fields = ["claim", "article", "speaker", "quote"]
