"""Admin for speakers: their aliases, editors' merges, and the merges ingestion proposes, each
accepted or rejected in one click."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from newsroom.admin_helpers import WritesNeedPermission

from .models import Speaker, SpeakerAlias, SpeakerMergeProposal

ACCEPT, REJECT = "accept", "reject"


@admin.action(description="Merge selected speakers into the first one", permissions=["delete"])
def merge_speakers(modeladmin, request, queryset):
    speakers = list(queryset.order_by("pk"))
    if len(speakers) < 2:
        modeladmin.message_user(request, "Select two or more speakers to merge.", messages.ERROR)
        return
    survivor, others = speakers[0], speakers[1:]
    with transaction.atomic():
        for other in others:
            SpeakerMergeProposal.objects.follow_merge(other, survivor)
        survivor.absorb(others)
    modeladmin.message_user(
        request,
        f"Merged {len(others)} speaker(s) into {survivor.name}; their names are now its aliases.",
    )


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1


@admin.register(Speaker)
class SpeakerAdmin(WritesNeedPermission, SimpleHistoryAdmin):
    list_display = ["name", "kind", "alias_names"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    inlines = [SpeakerAliasInline]
    actions = [merge_speakers]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_names(self, speaker):
        return ", ".join(alias.name for alias in speaker.aliases.all())

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The speaker's page lists the merges proposed to or from it, to decide there."""
        proposals = (
            SpeakerMergeProposal.objects.pending()
            .filter(Q(speaker_id=object_id) | Q(into_id=object_id))
            .select_related("story", "into")
        )
        extra_context = {**(extra_context or {}), "pending_proposals": proposals}
        return super().change_view(request, object_id, form_url, extra_context)


def _decide(request, proposal, decision):
    """Accept or reject one proposal as the editor asking; a message says what happened."""
    try:
        if decision == ACCEPT:
            proposal.accept(editor=request.user)
        else:
            proposal.reject(editor=request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return False
    if decision == ACCEPT:
        done = f"Merged “{proposal.speaker_name}” into “{proposal.into}”; it is now an alias."
    else:
        done = f"Kept “{proposal.speaker_name}” and “{proposal.into}” apart."
    messages.success(request, done)
    return True


@admin.action(description="Accept selected merges", permissions=["merge"])
def accept_proposals(modeladmin, request, queryset):
    _decide_each(request, queryset, ACCEPT)


@admin.action(description="Reject selected", permissions=["change"])
def reject_proposals(modeladmin, request, queryset):
    _decide_each(request, queryset, REJECT)


def _decide_each(request, queryset, decision):
    # Read each afresh: accepting one deletes the other open proposals of its speaker.
    for pk in queryset.pending().values_list("pk", flat=True):
        proposal = SpeakerMergeProposal.objects.pending().filter(pk=pk).first()
        if proposal is not None:
            _decide(request, proposal, decision)


@admin.register(SpeakerMergeProposal)
class SpeakerMergeProposalAdmin(WritesNeedPermission, admin.ModelAdmin):
    """The speaker merges ingestion proposed or made itself; editors accept or reject them."""

    # The pair, then the buttons to decide it, before what explains it.
    list_display = ["speaker_name", "into", "decide", "status", "reason", "story", "decided"]
    list_filter = ["status", "story"]
    search_fields = ["speaker_name", "into__name"]
    list_select_related = ["into", "story", "decided_by"]
    readonly_fields = [
        "story",
        "speaker",
        "speaker_name",
        "into",
        "reason",
        "status",
        "decided_by",
        "decided_at",
    ]
    actions = [accept_proposals, reject_proposals]

    def has_add_permission(self, request):
        return False

    def has_merge_permission(self, request):
        """Accepting merges speakers, which deletes the merged one: the speaker merge right."""
        return self.has_change_permission(request) and request.user.has_perm(
            "claims.delete_speaker"
        )

    @admin.display(description="decided", ordering="decided_at")
    def decided(self, proposal):
        if proposal.decided_at is None:
            return ""
        who = proposal.decided_by or "ingestion"
        return f"{who}, {date_format(localtime(proposal.decided_at), 'SHORT_DATETIME_FORMAT')}"

    @admin.display(description="decide")
    def decide(self, proposal):
        """Buttons that post the list's own form, with its CSRF token, to accept or reject."""
        if proposal.status != SpeakerMergeProposal.Status.PROPOSED:
            return ""
        return format_html(
            '<button type="submit" class="button" formaction="{}">Accept</button> '
            '<button type="submit" class="button" formaction="{}">Reject</button>',
            self.decide_url(proposal, ACCEPT),
            self.decide_url(proposal, REJECT),
        )

    def decide_url(self, proposal, decision):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{decision}", args=[proposal.pk]
        )

    def get_urls(self):
        def deciding(decision):
            # Only a POST decides; the admin's view wrapper checks its CSRF token.
            view = self.admin_site.admin_view(
                require_POST(lambda request, pk: decide_view(self, request, pk, decision))
            )
            name = f"{self.opts.app_label}_{self.opts.model_name}_{decision}"
            return path(f"<int:pk>/{decision}/", view, name=name)

        return [deciding(ACCEPT), deciding(REJECT), *super().get_urls()]


def decide_view(model_admin, request, pk, decision):
    """Accept or reject proposal `pk` at once, then go back where the editor came from."""
    may = (
        model_admin.has_merge_permission
        if decision == ACCEPT
        else model_admin.has_change_permission
    )
    if not may(request):
        raise PermissionDenied
    proposal = get_object_or_404(SpeakerMergeProposal.objects.select_related("into"), pk=pk)
    _decide(request, proposal, decision)
    back = request.POST.get("next") or request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse(
            f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_changelist"
        )
    return redirect(back)
