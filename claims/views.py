"""Public views of claims and the research exports of a story."""

import json

from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from articles.csv_export import csv_lines
from articles.models import Story

from .export import TABLES, claim_review, table, timeline_json
from .filters import InvalidFilter, StoryFilter
from .models import Claim

JSON_IN_HTML_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def export_csv(request, slug, table_name):
    story = get_object_or_404(Story, slug=slug)
    if table_name not in TABLES:
        return HttpResponseBadRequest(f"Unknown table {table_name!r}; choose {', '.join(TABLES)}.")
    try:
        story_filter = StoryFilter.from_query(request.GET)
    except InvalidFilter as error:
        return HttpResponseBadRequest(f"Bad filter: {error}")
    header, rows = table(table_name, story, story_filter)
    response = StreamingHttpResponse(
        csv_lines(header, rows, excel=request.GET.get("excel") == "1"),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{story.slug}-{table_name}.csv"'
    return response


def export_timeline(request, slug):
    story = get_object_or_404(Story, slug=slug)
    try:
        story_filter = StoryFilter.from_query(request.GET)
    except InvalidFilter as error:
        return HttpResponseBadRequest(f"Bad filter: {error}")
    claims = story_filter.claims(Claim.objects.filter(story=story))
    return JsonResponse(timeline_json(story, claims), json_dumps_params={"ensure_ascii": False})


def claim_detail(request, slug, pk):
    claim = get_object_or_404(
        Claim.objects.select_related("story", "origin_source", "origin_speaker"),
        pk=pk,
        story__slug=slug,
    )
    mentions = claim.mentions.select_related("article__source", "speaker").order_by(
        "article__published", "article__file_name", "start"
    )
    review = claim_review(claim, request.build_absolute_uri())
    review_json = (
        mark_safe(json.dumps(review, ensure_ascii=False).translate(JSON_IN_HTML_ESCAPES))
        if review
        else ""
    )
    return render(
        request,
        "claims/claim_detail.html",
        {"claim": claim, "mentions": mentions, "review_json": review_json},
    )
