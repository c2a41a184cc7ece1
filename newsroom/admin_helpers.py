"""Admin behaviour both apps share: writes a user may not make are answered 403."""

from django.core.exceptions import PermissionDenied


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
