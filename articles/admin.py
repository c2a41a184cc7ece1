"""Admin for stories, outlets and articles; article texts are shown, never edited."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import StreamingHttpResponse
from simple_history.admin import SimpleHistoryAdmin

from .csv_export import ARTICLE_COLUMNS, article_rows, csv_lines
from .models import Article, Source, Story


def csv_download(file_name, header, rows):
    """A streamed CSV attachment, as the admin's export actions return it."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


class WritesNeedPermission:
    """Answers 403 to two admin writes posted by a user without the permission for them.

    - An action the user may not run: Django leaves it out of the menu, and when it is posted
      anyway only skips it with a warning.
    - A history form: django-simple-history's "Revert" saves whatever is posted for anyone
      who may view the object; it only hides the button from those who may not change it.
    """

    def changelist_view(self, request, extra_context=None):
        action = request.POST.get("action", "") if request.method == "POST" else ""
        if action and action not in self.get_actions(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


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
    list_filter = ["story", "source"]
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
