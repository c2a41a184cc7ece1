"""Admin for stories, outlets and articles; article texts are shown, never edited."""

from django.contrib import admin

from .models import Article, Source, Story


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "file_name", "story"]
    list_filter = ["story", "source"]
    search_fields = ["title", "file_name", "author", "body"]
    list_select_related = ["source", "story"]
    autocomplete_fields = ["source", "copy_of"]
    readonly_fields = ["file_name", "body", "raw_text", "content_hash", "created_at", "updated_at"]
