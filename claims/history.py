"""Who made each change the admin's history shows: an editor, or ingestion named with the
file that caused it. Ingestion's bulk writes bypass the history, so they are recorded here."""

import contextvars
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

# The system account ingestion's changes are credited to; it cannot log in.
INGESTION_USERNAME = "ingestion"
# simple-history's change reason column holds this many characters.
REASON_LENGTH = 100

_acting = contextvars.ContextVar("history_actor", default=None)


def ingestion_user():
    """The "ingestion" account, made inactive and without a password the first time."""
    user, made = get_user_model().objects.get_or_create(
        username=INGESTION_USERNAME, defaults={"is_active": False, "first_name": "ingestion"}
    )
    if made:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@contextmanager
def recorded_as(user, reason):
    """Credit every history entry made inside the block to `user`, for `reason`, whoever
    sent the request that runs it."""
    token = _acting.set((user, reason[:REASON_LENGTH]))
    try:
        yield
    finally:
        _acting.reset(token)


@receiver(pre_create_historical_record)
def _credit_the_actor(sender, history_instance, **kwargs):
    acting = _acting.get()
    if acting is not None:
        history_instance.history_user, history_instance.history_change_reason = acting


def _bulk_record(rows, model, update):
    if not rows:
        return
    user, reason = _acting.get() or (None, "")
    model.history.bulk_history_create(
        rows, update=update, default_user=user, default_change_reason=reason
    )


def record_current(queryset):
    """An entry for each row as it is now, after changes made with update()."""
    _bulk_record(list(queryset), queryset.model, update=True)


def record_created(rows):
    """An entry for each row just made with bulk_create()."""
    _bulk_record(rows, type(rows[0]) if rows else None, update=False)
