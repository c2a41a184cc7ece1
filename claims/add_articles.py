"""The admin's "Add articles" page: upload, paste or give the web addresses of articles,
optionally saying what they are; then a page following the jobs that ingest them."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import URLValidator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from articles.models import IngestJob, IngestStatus, Source, Story
from articles.reading import UnreadableFile, refuse_oversized
from articles.store import GivenMetadata

from .tasks import PENDING_STATUSES, submit_file, submit_text, submit_url

# The id of the list of known outlets that the outlet field suggests from.
OUTLET_LIST_ID = "known-outlets"
# An article dated later than this many days ahead is a typing slip; a day covers time zones.
DAYS_AHEAD_ALLOWED = 1
GIVEN_HELP = (
    "Optional; replaces what is read from the pasted text and from every file above, and from "
    "every page of the web addresses."
)
# How many of a story's latest jobs the progress page lists.
RECENT_JOBS = 50
PROGRESS_URL_NAME = "claims_add_articles_progress"
WEB_ADDRESS = URLValidator(schemes=["http", "https"])
# The longest address a job, and the article it makes, can keep.
MAX_URL_CHARS = IngestJob._meta.get_field("target").max_length


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
        help_text="Plain-text article files (UTF-8, UTF-16 or cp1252) or saved web pages (.html).",
    )
    urls = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Web addresses",
        help_text="One address per line, each beginning with https:// or http://; each page is "
        "fetched and its article ingested.",
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

    def clean_urls(self):
        """The addresses, one a line; each bad line is named in the error."""
        addresses, problems = [], []
        for number, line in enumerate(self.cleaned_data["urls"].splitlines(), start=1):
            address = line.strip()
            if not address:
                continue
            where = f"Web addresses, line {number}"
            try:
                WEB_ADDRESS(address)
            except forms.ValidationError:
                problems.append(f"{where}: {address!r} is not a web address; give it as https://…")
                continue
            if len(address) > MAX_URL_CHARS:
                problems.append(f"{where}: longer than {MAX_URL_CHARS:,} characters")
                continue
            addresses.append(address)
        if problems:
            raise forms.ValidationError(problems)
        return addresses

    def clean(self):
        cleaned = super().clean()
        nothing_given = not (
            self.files.getlist("files") or cleaned.get("text", "").strip() or cleaned.get("urls")
        )
        if nothing_given and not self.errors:
            raise forms.ValidationError(
                "Upload at least one file, paste a text or give a web address."
            )
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


def _submit_all(form, request, story):
    """A job for each web address, upload and the pasted text: (name shown, job or the
    error that kept it from being made)."""
    data, given, editor = form.cleaned_data, form.given_metadata(), request.user
    submitted = [
        (url, submit_url(story, url, created_by=editor, given=given)) for url in data["urls"]
    ]
    for upload in request.FILES.getlist("files"):
        try:
            content = _read_upload(upload)
            job = submit_file(story, upload.name, content, created_by=editor, given=given)
        except UnreadableFile as error:
            job = error
        submitted.append((upload.name, job))
    if data["text"].strip():
        file_name = data["file_name"].strip()
        try:
            job = submit_text(story, file_name, data["text"], created_by=editor, given=given)
        except UnreadableFile as error:
            job = error
        submitted.append((file_name or "the pasted text", job))
    return submitted


def _tell(model_admin, request, submitted):
    """A message for each item finished already (the immediate backend), one for the rest."""
    waiting = 0
    for shown_name, job in submitted:
        if isinstance(job, UnreadableFile):
            model_admin.message_user(request, f"Not added: {job}", messages.ERROR)
        elif job.status == IngestStatus.DONE:
            model_admin.message_user(request, f"Ingested {shown_name}: {job.outcome}.")
        elif job.status == IngestStatus.FAILED:
            model_admin.message_user(request, f"Not added: {job.error}", messages.ERROR)
        else:
            waiting += 1
    if waiting:
        model_admin.message_user(
            request,
            f"{waiting} item(s) sent to the workers; this page shows each as it is ingested.",
        )


def add_articles_view(model_admin, request):
    """Upload, paste or give the addresses of articles for a story; each becomes a job that
    goes through the same pipeline as `ingest`, and the progress page follows them."""
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied
    form = AddArticlesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        story = form.cleaned_data["story"]
        _tell(model_admin, request, _submit_all(form, request, story))
        return redirect(reverse(f"admin:{PROGRESS_URL_NAME}", args=[story.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Add articles to a story",
        "form": form,
        "opts": model_admin.model._meta,
        "outlet_list_id": OUTLET_LIST_ID,
        "known_outlets": Source.objects.order_by("name").values_list("name", flat=True),
    }
    return TemplateResponse(request, "claims/admin_add_articles.html", context)


def progress_view(model_admin, request, story_id):
    """The story's latest jobs: what each is, how far it got, its article or why it failed.
    While any is unfinished the list refreshes itself; htmx asks for the list alone."""
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied
    story = get_object_or_404(Story, pk=story_id)
    jobs = list(story.ingest_jobs.select_related("article")[:RECENT_JOBS])
    context = {
        "story": story,
        "jobs": jobs,
        "pending": any(job.status in PENDING_STATUSES for job in jobs),
        "add_articles_url": reverse("admin:claims_add_articles"),
        "claims_url": reverse("admin:claims_claim_changelist") + f"?story__id__exact={story.pk}",
    }
    template = "claims/admin_add_articles_progress.html"
    if request.htmx:
        return TemplateResponse(request, f"{template}#jobs", context)
    context |= {
        **model_admin.admin_site.each_context(request),
        "title": f"Adding articles to {story.title}",
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, template, context)


def add_articles_urls(model_admin):
    """The addresses of the two pages, for the model admin's get_urls."""
    site = model_admin.admin_site
    return [
        path(
            "add-articles/",
            site.admin_view(lambda request: add_articles_view(model_admin, request)),
            name="claims_add_articles",
        ),
        path(
            "add-articles/progress/<int:story_id>/",
            site.admin_view(
                lambda request, story_id: progress_view(model_admin, request, story_id)
            ),
            name=PROGRESS_URL_NAME,
        ),
    ]
