"""Admin list of the background ingestion jobs: what was sent, how far it got, why it failed.
Read-only: the workers write the jobs, editors only look."""

from django.contrib import admin
from django.utils.html import format_html

from articles.models import IngestJob


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    list_display = [
        "target",
        "kind",
        "status",
        "attempts",
        "outcome",
        "article_link",
        "error",
        "created_at",
    ]
    list_filter = ["status", "kind", "story"]
    search_fields = ["target", "error"]
    list_select_related = ["story", "article__story"]
    date_hierarchy = "created_at"
    # The content is the raw upload, kept only until it is ingested.
    exclude = ["content"]

    @admin.display(description="article")
    def article_link(self, job):
        if job.article is None:
            return "—"
        return format_html('<a href="{}">{}</a>', job.article.get_absolute_url(), job.article)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
