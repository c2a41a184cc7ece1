"""App config of the claims app: speakers, quotes, claims and who repeats or denies them."""

from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the receiver that credits ingestion's changes in the history.
        from . import history  # noqa: F401
