"""The admin's "Add articles" page: upload or paste articles, optionally saying what they are."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from articles.models import Source, Story
from articles.reading import UnreadableFile, refuse_oversized
from articles.store import GivenMetadata

from .ingestion import ingest_text

# The id of the list of known outlets that the outlet field suggests from.
OUTLET_LIST_ID = "known-outlets"
# An article dated later than this many days ahead is a typing slip; a day covers time zones.
DAYS_AHEAD_ALLOWED = 1
GIVEN_HELP = "Optional; replaces what is read from the pasted text and from every file above."


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return super().clean(data, initial)


class AddArticlesForm(forms.Form):
    story = forms.ModelChoiceField(queryset=Story.objects.all())
    files = MultipleFileField(
        required=False,
        help_text="Plain-text article files (UTF-8, UTF-16 or cp1252).",
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}), required=False, label="Pasted text"
    )
    file_name = forms.CharField(
        required=False,
        max_length=255,
        help_text="Optional name for the pasted text; without one it is named after its "
        "outlet, date and title.",
    )
    outlet = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": OUTLET_LIST_ID}),
        help_text=f"The outlet's name. {GIVEN_HELP}",
    )
    title = forms.CharField(required=False, max_length=500, help_text=GIVEN_HELP)
    date = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Date: not a date; give it as year-month-day, e.g. 2024-05-01."},
        help_text=f"The day it was published, as year-month-day. {GIVEN_HELP}",
    )
    url = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="URL",
        error_messages={"invalid": "URL: not a web address; give it as https://…"},
        help_text=f"The article's web address. {GIVEN_HELP}",
    )

    # The fields that say what the articles are, shown apart from those that bring them.
    GIVEN_FIELDS = ("outlet", "title", "date", "url")

    def text_fields(self):
        return [field for field in self if field.name not in self.GIVEN_FIELDS]

    def given_fields(self):
        return [self[name] for name in self.GIVEN_FIELDS]

    def clean_outlet(self):
        """An outlet already known is taken in its stored spelling, so it is not made twice."""
        name = self.cleaned_data["outlet"]
        known = Source.objects.filter(name__iexact=name).first() if name else None
        return known.name if known else name

    def clean_date(self):
        date = self.cleaned_data["date"]
        latest = timezone.localdate() + datetime.timedelta(days=DAYS_AHEAD_ALLOWED)
        if date and date > latest:
            raise forms.ValidationError(f"Date: {date.isoformat()} is in the future.")
        return date

    def clean(self):
        cleaned = super().clean()
        if not self.files.getlist("files") and not cleaned.get("text", "").strip():
            raise forms.ValidationError("Upload at least one file or paste a text.")
        return cleaned

    def given_metadata(self):
        data = self.cleaned_data
        return GivenMetadata(
            outlet=data["outlet"], title=data["title"], published=data["date"], url=data["url"]
        )


def _read_upload(upload):
    """The uploaded file's bytes; a file over the size limit is refused before it is read."""
    refuse_oversized(upload.name, upload.size, settings.NEWSROOM_MAX_FILE_BYTES)
    return upload.read()


def _texts(form, uploads):
    """(name shown in messages, file name or "" to make one up, upload or pasted text)."""
    texts = [(upload.name, upload.name, upload) for upload in uploads]
    if form.cleaned_data["text"].strip():
        file_name = form.cleaned_data["file_name"].strip()
        texts.append((file_name or "the pasted text", file_name, form.cleaned_data["text"]))
    return texts


def add_articles_view(model_admin, request):
    """Upload or paste articles into a story; they go through the same pipeline as `ingest`."""
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied
    form = AddArticlesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        story = form.cleaned_data["story"]
        given = form.given_metadata()
        for shown_name, file_name, content in _texts(form, request.FILES.getlist("files")):
            try:
                if not isinstance(content, str):
                    content = _read_upload(content)
                outcome = ingest_text(story, file_name, content, given)
            except UnreadableFile as error:
                model_admin.message_user(request, f"Not added: {error}", messages.ERROR)
            else:
                model_admin.message_user(request, f"Ingested {shown_name}: {outcome}.")
        return redirect(reverse("admin:claims_claim_changelist") + f"?story__id__exact={story.pk}")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Add articles to a story",
        "form": form,
        "opts": model_admin.model._meta,
        "outlet_list_id": OUTLET_LIST_ID,
        "known_outlets": Source.objects.order_by("name").values_list("name", flat=True),
    }
    return TemplateResponse(request, "claims/admin_add_articles.html", context)
