"""Public views of claims and the research exports of a story."""

import functools
import json

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
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

from . import evidence, matrix
from .export import TABLES, claim_review, table, timeline_json
from .filters import WHOLE_NUMBER, InvalidFilter, StoryFilter, page_number
from .highlight import annotated_body, claims_carried
from .models import Claim, ClaimOutlet, Position, PositionCorrection, Speaker, Stance
from .page_cache import rendered_until_story_changes
from .picture import timeline_picture
from .positions import outlet_positions, with_deniers, with_positions
from .spread import spread_of
from .updates import LiveState, new_articles, since_version
from .versions import compare_versions

TIMELINE_PAGE_SIZE = 40
# The outlets a timeline card names; the claim's page names them all.
TIMELINE_CHIPS = 10
MATRIX_PAGE_SIZE = 30
MATRIX_OUTLETS_PAGE_SIZE = 20
SOURCE_ARTICLES_PAGE_SIZE = 50
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


def positive_number(query, name):
    """The whole number from 1 given as parameter `name`; None when it is not given."""
    value = query.get(name, "").strip()
    if not value:
        return None
    if not WHOLE_NUMBER.fullmatch(value) or int(value) < 1:
        raise InvalidFilter(f"{name}: must be a whole number from 1, not {value[:40]!r}")
    return int(value)


# Every public view only reads: anything but GET and HEAD is answered 405.
@require_safe
@rendered_until_story_changes
@bad_input_is_400("Bad filter")
def story_timeline(request, slug):
    story = get_object_or_404(Story, slug=slug)
    story_filter = StoryFilter.from_query(request.GET, story)
    number = page_number(request.GET)
    claims = story_filter.claims(Claim.objects.for_timeline(story))
    page = Paginator(claims, TIMELINE_PAGE_SIZE).get_page(number)
    page.object_list = with_chips(
        with_deniers(with_positions(list(page.object_list))), TIMELINE_CHIPS
    )
    context = {
        "story": story,
        "filter": story_filter,
        "filter_query": story_filter.as_query(),
        "filter_querystring": urlencode(story_filter.as_query()),
        "page": page,
        "outlets": _carrying_sources(story).order_by("name"),
        "speakers": _speakers_of(story).order_by("name"),
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


def with_chips(claims, limit=None):
    """The claims, each given `chips`, the first `limit` of its outlets (all without one),
    and `more_outlets`, how many it leaves out."""
    for claim in claims:
        claim.chips = claim.positions[:limit]
        claim.more_outlets = len(claim.positions) - len(claim.chips)
    return claims


# The filters' outlets and speakers come from the story's summary, not from its thousands of
# mentions.
def _carrying_sources(story):
    """The outlets that carry any of the story's claims."""
    return Source.objects.filter(
        Exists(ClaimOutlet.objects.filter(story=story, source=OuterRef("pk")))
    )


def _speakers_of(story):
    """The speakers of the story's mentions, from the summary's list of them."""
    return Speaker.objects.filter(story_entries__story=story)


def story_summary(story):
    articles = Article.objects.filter(story=story)
    publishing = Exists(articles.filter(source=OuterRef("pk")))
    return {
        "articles": articles.count(),
        "outlets": Source.objects.filter(publishing).count(),
        "claims": Claim.objects.current().filter(story=story).count(),
    }


@require_safe
@rendered_until_story_changes
@bad_input_is_400("Bad parameter")
def story_matrix(request, slug):
    """Claims against outlets: who repeats, who denies, who is silent. Pages both ways."""
    story = get_object_or_404(Story, slug=slug)
    number = page_number(request.GET)
    page = Paginator(Claim.objects.contested_first(story), MATRIX_PAGE_SIZE).get_page(number)
    outlets = Paginator(matrix.outlet_columns(story), MATRIX_OUTLETS_PAGE_SIZE).get_page(
        positive_number(request.GET, "outlets") or 1
    )
    columns = [
        {"key": (source_id, article_id), "name": name, "source_id": source_id}
        for source_id, article_id, name, _ in outlets
    ]
    context = {
        "story": story,
        "page": page,
        "outlets": outlets,
        "columns": columns,
        "rows": matrix.rows(page.object_list, [column["key"] for column in columns]),
        "legend": matrix.LEGEND,
    }
    return render(request, "claims/story_matrix.html", context)


@require_safe
@rendered_until_story_changes
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
@rendered_until_story_changes
@bad_input_is_400("Bad parameter")
def source_detail(request, slug, pk):
    """An outlet in a story: where it stands on each claim, and its articles a page at a time."""
    number = page_number(request.GET)
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
    articles = source.articles.filter(story=story).defer("raw_text")
    articles_page = Paginator(
        articles.order_by(F("published").asc(nulls_last=True), "file_name"),
        SOURCE_ARTICLES_PAGE_SIZE,
    ).get_page(number)
    return render(
        request,
        "claims/source_detail.html",
        {
            "story": story,
            "source": source,
            "repeated": by_position[Position.REPEATS],
            "both_sides": by_position[Position.BOTH],
            "denied": by_position[Position.DENIES],
            "articles": articles_page,
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
@rendered_until_story_changes
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
    with_chips(with_deniers(with_positions([claim])))
    number = page_number(request.GET)
    outlet = positive_number(request.GET, "outlet")
    if outlet is None:
        shown = evidence.overview(claim, number)
    else:
        shown = evidence.of_outlet(claim, outlet, number)
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
            "evidence": shown,
            "review_json": review_json,
            "panel": "picture-" if in_picture else "",
        },
    )


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
@rendered_until_story_changes
def story_spread(request, slug):
    """How the story travelled: from its first report to every article that repeated, copied
    or denied it, by date."""
    story = get_object_or_404(Story, slug=slug)
    return render(request, "claims/story_spread.html", {"story": story, "spread": spread_of(story)})
