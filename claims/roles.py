"""The Editors and Viewers groups, with exactly the permissions each role needs."""

EDITOR_PERMISSIONS = {
    "articles": [
        "view_story", "view_source", "add_source", "change_source",
        "view_article", "add_article", "change_article",
        "view_feed", "add_feed", "change_feed", "delete_feed", "view_feedentry",
        "view_ingestjob",
    ],
    "claims": [
        "view_claim", "add_claim", "change_claim", "view_reviewqueue", "change_reviewqueue",
        "view_mention", "add_mention", "change_mention", "delete_mention",
        "view_speaker", "change_speaker", "delete_speaker",
        "view_speakeralias", "add_speakeralias", "change_speakeralias", "delete_speakeralias",
        "view_quote", "change_quote",
        "view_dismissedmention", "delete_dismissedmention",
        "view_positioncorrection", "add_positioncorrection", "change_positioncorrection",
        "delete_positioncorrection",
        "view_speakermergeproposal", "change_speakermergeproposal",
        "view_claimmerge",
    ],
}  # fmt: skip


def create_roles(apps):
    """Make both groups from the app registry given (a migration's, or the live one)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are made after migrations run; make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        # A migration's registry has no models module, and create_permissions wants one.
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, codenames in EDITOR_PERMISSIONS.items():
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    viewers, _ = Group.objects.get_or_create(name="Viewers")
    viewers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["articles", "claims"], codename__startswith="view_"
        )
    )
