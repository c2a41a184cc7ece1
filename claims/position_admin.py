"""Admin for the outlet positions editors set over the machine's reading of the mentions."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from newsroom.admin_helpers import WritesNeedPermission

from .models import PositionCorrection


class PositionCorrectionInline(admin.TabularInline):
    """On a claim's page: where an outlet stands when the machine got it wrong."""

    model = PositionCorrection
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "position", "note", "editor", "updated_at"]
    readonly_fields = ["editor", "updated_at"]
    verbose_name = "outlet position set by an editor"
    verbose_name_plural = "outlet positions set by editors"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "editor")


@admin.register(PositionCorrection)
class PositionCorrectionAdmin(WritesNeedPermission, SimpleHistoryAdmin):
    list_display = ["claim", "source", "position", "editor", "updated_at"]
    list_filter = ["position", "claim__story"]
    search_fields = ["claim__text", "source__name", "note"]
    list_select_related = ["claim", "source", "editor"]
    autocomplete_fields = ["claim", "source"]
    fields = ["claim", "source", "position", "note", "editor", "updated_at"]
    readonly_fields = ["editor", "updated_at"]

    def save_model(self, request, correction, form, change):
        correction.editor = request.user
        super().save_model(request, correction, form, change)
