"""Public views of claims and the research exports of a story."""

import functools
import json

from django.core.paginator import Paginator
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from articles.models import Article, ArticleVersion, Source, Story
from newsroom.csv_streaming import csv_download

from .export import TABLES, claim_review, table, timeline_json
from .filters import InvalidFilter, StoryFilter, page_number
from .highlight import annotated_body, claims_carried, highlight_words, wording_difference
from .models import Claim, ClaimOutlet, Position, PositionCorrection, Speaker, Stance
from .picture import timeline_picture
from .positions import outlet_positions, with_deniers, with_positions
from .spread import spread_of
from .updates import LiveState, new_articles, since_version
from .versions import compare_versions

TIMELINE_PAGE_SIZE = 40
MATRIX_PAGE_SIZE = 30
EVIDENCE_PAGE_SIZE = 50
MAX_VARIANTS = 20
MAX_WORDINGS_READ = 500
# The box below the timeline picture that a mark opens its claim in.
PICTURE_PANEL = "picture-claim"


def bad_request(message, request=None):
    """The site's 400 page saying `message`, which quotes the visitor's input: it is
    autoescaped, never marked safe. Given the request, the page links to the same address
    without its parameters."""
    context = {"message": message, "retry_url": request.path if request else ""}
    return HttpResponseBadRequest(render_to_string("400.html", context, request))


def bad_input_is_400(prefix):
    """Answer an InvalidFilter raised by the view with the 400 page: "<prefix>: <error>"."""

    def decorate(view):
        @functools.wraps(view)
        def checked(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except InvalidFilter as error:
                return bad_request(f"{prefix}: {error}", request)

        return checked

    return decorate


# Every public view only reads: anything but GET and HEAD is answered 405.
@require_safe
@bad_input_is_400("Bad filter")
def story_timeline(request, slug):
    story = get_object_or_404(Story, slug=slug)
    story_filter = StoryFilter.from_query(request.GET, story)
    number = page_number(request.GET)
    claims = story_filter.claims(Claim.objects.for_timeline(story))
    page = Paginator(claims, TIMELINE_PAGE_SIZE).get_page(number)
    page.object_list = with_deniers(with_positions(list(page.object_list)))
    context = {
        "story": story,
        "filter": story_filter,
        "filter_query": story_filter.as_query(),
        "filter_querystring": urlencode(story_filter.as_query()),
        "page": page,
        "outlets": Source.objects.filter(articles__story=story).distinct().order_by("name"),
        "speakers": Speaker.objects.filter(mentions__article__story=story)
        .distinct()
        .order_by("name"),
        "stances": Stance.choices,
        "verdicts": Claim.Verdict.choices,
        "live": LiveState(story),
        "summary": story_summary(story),
        "contested": with_positions(list(Claim.objects.most_contested(story))),
        "picture": timeline_picture(page.object_list),
        "export_tables": TABLES,
    }
    template = "claims/story_timeline.html"
    if request.htmx:
        template += "#timeline"
    return render(request, template, context)


def story_summary(story):
    articles = Article.objects.filter(story=story)
    return {
        "articles": articles.count(),
        "outlets": articles.exclude(source=None).values("source").distinct().count(),
        "claims": Claim.objects.current().filter(story=story).count(),
    }


@require_safe
@bad_input_is_400("Bad parameter")
def story_matrix(request, slug):
    """Claims against outlets: who repeats, who denies, who is silent."""
    story = get_object_or_404(Story, slug=slug)
    number = page_number(request.GET)
    page = Paginator(Claim.objects.contested_first(story), MATRIX_PAGE_SIZE).get_page(number)
    columns = _outlet_columns(story)
    claim_ids = [claim.pk for claim in page.object_list]
    positions = {
        (claim_id, _column_key(outlet)): outlet.position
        for claim_id, outlets in outlet_positions(
            ClaimOutlet.objects.filter(claim__in=claim_ids), claim_ids
        ).items()
        for outlet in outlets
    }
    table_rows = [
        (claim, [positions.get((claim.pk, c["key"]), Position.SILENT) for c in columns])
        for claim in page.object_list
    ]
    return render(
        request,
        "claims/story_matrix.html",
        {"story": story, "page": page, "columns": columns, "rows": table_rows},
    )


def _column_key(outlet):
    return ("source", outlet.source_id) if outlet.source_id else ("article", outlet.article_id)


def _outlet_columns(story):
    """One column per outlet of the story; an article with no known outlet is its own."""
    columns = [
        {"key": ("source", source.pk), "name": source.name, "source": source}
        for source in Source.objects.filter(articles__story=story).distinct().order_by("name")
    ]
    columns += [
        {"key": ("article", article.pk), "name": article.file_name, "source": None}
        for article in Article.objects.filter(story=story, source=None).order_by("file_name")
    ]
    return columns


@require_safe
@bad_input_is_400("Bad parameter")
def article_reader(request, slug, pk):
    article = get_object_or_404(
        Article.objects.select_related("story", "source", "copy_of__source"),
        pk=pk,
        story__slug=slug,
    )
    mentions = article.mentions.select_related("claim").order_by("start")
    quotes = article.quotes.select_related("speaker").order_by("start")
    return render(
        request,
        "claims/article_reader.html",
        {
            "article": article,
            "body": annotated_body(article, mentions, quotes),
            "copies": article.copies.select_related("source").order_by("file_name"),
            "claims": claims_carried(mentions),
            "comparison": compare_versions(article, request.GET),
        },
    )


# An archived page is shown as its source, never run: it came from someone else's site.
ARCHIVE_HEADERS = {
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "X-Content-Type-Options": "nosniff",
}


@require_safe
def article_archive(request, slug, pk, number):
    """The HTML of a fetched version of an article, as plain text to download."""
    version = get_object_or_404(
        ArticleVersion.objects.exclude(html="").only("html"),
        article__pk=pk,
        article__story__slug=slug,
        number=number,
    )
    download = f'attachment; filename="article-{pk}-version-{number}.html"'
    return HttpResponse(
        version.html,
        content_type="text/plain; charset=utf-8",
        headers={**ARCHIVE_HEADERS, "Content-Disposition": download},
    )


@require_safe
def source_detail(request, slug, pk):
    story = get_object_or_404(Story, slug=slug)
    source = get_object_or_404(Source, pk=pk)
    outlet_rows = ClaimOutlet.objects.filter(story=story, source=source)
    corrected = PositionCorrection.objects.filter(source=source, claim__story=story)
    positions = {
        outlet.claim_id: outlet.position
        for outlets in outlet_positions(
            outlet_rows, corrected.values_list("claim_id", flat=True)
        ).values()
        for outlet in outlets
        if outlet.source_id == source.pk
    }
    claims = (
        Claim.objects.current()
        .filter(pk__in=positions)
        .order_by("event_date", "timeline_position", "pk")
    )
    by_position = {position: [] for position in Position}
    for claim in claims:
        by_position[positions[claim.pk]].append(claim)
    return render(
        request,
        "claims/source_detail.html",
        {
            "story": story,
            "source": source,
            "repeated": by_position[Position.REPEATS],
            "both_sides": by_position[Position.BOTH],
            "denied": by_position[Position.DENIES],
            "articles": source.articles.filter(story=story).order_by("published", "file_name"),
            "originated": source.originated_claims.filter(story=story),
        },
    )


JSON_IN_HTML_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@require_safe
@bad_input_is_400("Bad filter")
def export_csv(request, slug, table_name):
    story = get_object_or_404(Story, slug=slug)
    if table_name not in TABLES:
        return bad_request(f"Unknown table {table_name!r}; choose {', '.join(TABLES)}.")
    story_filter = StoryFilter.from_query(request.GET, story)
    header, rows = table(table_name, story, story_filter)
    return csv_download(
        f"{story.slug}-{table_name}.csv", header, rows, excel=request.GET.get("excel") == "1"
    )


@require_safe
@bad_input_is_400("Bad filter")
def export_timeline(request, slug):
    story = get_object_or_404(Story, slug=slug)
    story_filter = StoryFilter.from_query(request.GET, story)
    claims = story_filter.claims(Claim.objects.current().filter(story=story))
    return JsonResponse(timeline_json(story, claims), json_dumps_params={"ensure_ascii": False})


@require_safe
@bad_input_is_400("Bad parameter")
def claim_detail(request, slug, pk):
    claim = get_object_or_404(
        Claim.objects.select_related("story", "origin_source", "origin_speaker"),
        pk=pk,
        story__slug=slug,
    )
    if claim.merged_into_id is not None:
        # Links already shared to a merged claim lead, for good, to the claim it went into.
        url = claim.survivor().get_absolute_url()
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
    with_deniers(with_positions([claim]))
    number = page_number(request.GET)
    mentions = (
        claim.mentions.select_related("article__source", "speaker")
        .defer("article__body", "article__raw_text")
        .order_by("article__published", "article__file_name", "start", "pk")
    )
    page = Paginator(mentions, EVIDENCE_PAGE_SIZE).get_page(number)
    variants = _wording_variants(claim, mentions)
    review = claim_review(claim, request.build_absolute_uri())
    review_json = (
        mark_safe(json.dumps(review, ensure_ascii=False).translate(JSON_IN_HTML_ESCAPES))
        if review
        else ""
    )
    # A mark of the timeline picture opens the whole card; a card's toggle, its evidence.
    in_picture = request.htmx.target == PICTURE_PANEL
    template = "claims/claim_detail.html"
    if request.htmx:
        template += "#card" if in_picture else "#evidence"
    return render(
        request,
        template,
        {
            "claim": claim,
            "page": page,
            "mentions_by_outlet": _by_outlet(claim, page),
            "variants": variants,
            "review_json": review_json,
            "panel": "picture-" if in_picture else "",
        },
    )


def _by_outlet(claim, page):
    """The page's mentions, each outlet's together, the earliest outlet first; each given
    `outlet` (its outlet's name) and `outlet_position` (where that outlet stands)."""
    order = {}
    for number, outlet in enumerate(claim.positions):
        key = outlet.source_id or ("article", outlet.article_id)
        order[key] = (number, outlet)
    mentions = list(page)
    for mention in mentions:
        mention.highlighted = highlight_words(mention.sentence, claim.text)
        key = mention.article.source_id or ("article", mention.article_id)
        number, outlet = order.get(key, (len(order), None))
        mention.outlet_rank = number
        mention.outlet = outlet.outlet if outlet else mention.article.file_name
        mention.outlet_position = outlet.position if outlet else None
    return sorted(mentions, key=lambda mention: mention.outlet_rank)


def _wording_variants(claim, mentions):
    """How outlets worded the claim: the earliest wordings are enough to show how outlets
    changed it, and a claim may have thousands of mentions."""
    variants = {}
    wordings = mentions.filter(stance=Stance.REPEATS).values_list(
        "sentence", "article__source__name", "article__file_name"
    )[:MAX_WORDINGS_READ]
    for sentence, source_name, file_name in wordings:
        if sentence not in variants and len(variants) < MAX_VARIANTS:
            difference = wording_difference(claim.text, sentence)
            variants[sentence] = (source_name or file_name, difference)
    return list(variants.values())


@require_safe
@bad_input_is_400("Bad parameter")
def story_updates(request, slug):
    """What the timeline polls: how many articles arrived since its version `since`. While
    none did, the ETag the page sent back still matches and the answer is an empty 304."""
    story = get_object_or_404(Story.objects.only("slug"), slug=slug)
    news = new_articles(story, since_version(request.GET))
    response = get_conditional_response(request, etag=news.etag)
    if response is None:
        response = render(request, "claims/story_updates.html#news", {"story": story, "news": news})
    response.headers["ETag"] = news.etag
    # Caches may keep the answer but must ask again each time: it changes without notice.
    response.headers["Cache-Control"] = "no-cache"
    return response


@require_safe
def story_spread(request, slug):
    """How the story travelled: from its first report to every article that repeated, copied
    or denied it, by date."""
    story = get_object_or_404(Story, slug=slug)
    return render(request, "claims/story_spread.html", {"story": story, "spread": spread_of(story)})
