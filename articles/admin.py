"""Admin for stories, outlets and articles; article texts are shown, never edited."""

from django import forms
from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from newsroom.admin_helpers import WritesNeedPermission
from newsroom.csv_streaming import csv_download

from .csv_export import ARTICLE_COLUMNS, article_rows
from .models import Article, Source, Story


@admin.action(description="Export selected articles as CSV")
def export_articles(modeladmin, request, queryset):
    return csv_download("articles.csv", ARTICLE_COLUMNS, article_rows(queryset))


@admin.register(Story)
class StoryAdmin(WritesNeedPermission, admin.ModelAdmin):
    list_display = ["title", "slug"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Source)
class SourceAdmin(WritesNeedPermission, admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(WritesNeedPermission, SimpleHistoryAdmin):
    list_display = ["title", "source", "published", "file_name", "story"]
    list_filter = ["story", "source", "copy_kind"]
    search_fields = ["title", "file_name", "author", "body"]
    list_select_related = ["source", "story"]
    autocomplete_fields = ["source", "copy_of"]
    actions = [export_articles]
    # An address typed without a scheme is taken as https, as Django 6 will do.
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}
    }
    readonly_fields = [
        "file_name",
        "body",
        "raw_text",
        "content_hash",
        "metadata_edited",
        "created_at",
        "updated_at",
    ]

    def save_model(self, request, article, form, change):
        # Corrected metadata is the editor's: ingestion will update only the text.
        article.metadata_edited = True
        super().save_model(request, article, form, change)
