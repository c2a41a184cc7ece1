"""Admin for the feeds stories follow: editors add and change feeds and poll them at once; the
entries the feeds have listed are read-only, written by polling."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from articles.models import Feed, FeedEntry, IngestStatus
from newsroom.admin_helpers import WritesNeedPermission

from .feeds import poll_feed


@admin.action(description="Poll selected feeds now", permissions=["change"])
def poll_feeds_now(modeladmin, request, queryset):
    """Each selected feed read at once; its report, and each of its errors, as a message."""
    for feed in queryset.select_related("story"):
        report = poll_feed(feed)
        level = messages.WARNING if report.errors else messages.SUCCESS
        # Worded to start with a word: the admin capitalises a message's first letter.
        modeladmin.message_user(request, f"Polled {report.summary()}", level)
        for error in report.errors:
            modeladmin.message_user(request, f"Failed: {error}", messages.ERROR)


class FeedForm(forms.ModelForm):
    url = forms.URLField(
        label="URL",
        max_length=Feed._meta.get_field("url").max_length,
        assume_scheme="https",
        help_text="The RSS or Atom feed's address, http:// or https://.",
    )

    class Meta:
        model = Feed
        fields = ["story", "url", "keywords", "active"]
        help_texts = {
            "keywords": (
                "Words separated by spaces: only entries whose title or summary holds one of "
                "them, as a whole word, are ingested. Leave empty to ingest every entry."
            ),
            "active": "Inactive feeds are not polled.",
        }


@admin.register(Feed)
class FeedAdmin(WritesNeedPermission, admin.ModelAdmin):
    form = FeedForm
    list_display = [
        "url",
        "story",
        "keywords",
        "active",
        "last_polled_at",
        "last_error",
        "entries_link",
    ]
    list_filter = ["story", "active"]
    search_fields = ["url", "title", "keywords"]
    readonly_fields = ["title", "last_polled_at", "last_error", "entries_link"]
    actions = [poll_feeds_now]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("story")
            .annotate(entries_seen=Count("entries"))
        )

    def get_fields(self, request, obj=None):
        fields = self.form.Meta.fields
        return fields if obj is None else [*fields, *self.readonly_fields]

    @admin.display(description="entries seen", ordering="entries_seen")
    def entries_link(self, feed):
        changelist = reverse("admin:articles_feedentry_changelist")
        return format_html(
            '<a href="{}?feed__id__exact={}">{} entries</a>', changelist, feed.pk, feed.entries_seen
        )

    def get_deleted_objects(self, objs, request):
        """A feed's entries go with it: the permission to delete the feed is enough."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(FeedEntry._meta.verbose_name)
        return deleted, counts, perms_needed, protected


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "feed", "matched", "seen_at", "ingested"]
    list_filter = ["matched", "feed__story", "feed"]
    search_fields = ["title", "link", "key"]
    date_hierarchy = "seen_at"
    list_select_related = ["feed"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("ingest_jobs__article__story")

    @admin.display(description="ingested")
    def ingested(self, entry):
        """The entry's article, or how far its ingestion got; "—" when none was asked for."""
        jobs = sorted(entry.ingest_jobs.all(), key=lambda job: job.created_at, reverse=True)
        if not jobs:
            return "—"
        job = jobs[0]
        if job.status == IngestStatus.DONE and job.article is not None:
            return format_html('<a href="{}">{}</a>', job.article.get_absolute_url(), job.article)
        return job.error or job.get_status_display()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
