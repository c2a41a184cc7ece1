"""App config of the claims app: speakers, quotes, claims and who repeats or denies them."""

from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connect the receivers that credit ingestion's changes in the history, that keep the
        # story summary right after an article is edited, and that mark kept pages out of date.
        from . import history, page_cache, summary_upkeep  # noqa: F401
