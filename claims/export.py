"""The story's data as research tables (CSV), a TimelineJS timeline and ClaimReview JSON-LD."""

from django.utils.html import escape

from articles.csv_export import ARTICLE_COLUMNS, article_rows
from articles.models import Article, ArticleVersion
from newsroom.csv_streaming import CHUNK_SIZE

from .filters import StoryFilter
from .models import Claim, Mention, Quote
from .positions import with_positions

QUOTE_COLUMNS = [
    "quote_id",
    "story",
    "article_id",
    "file_name",
    "source",
    "speaker",
    "speaker_kind",
    "text",
    "cue",
    "start",
    "end",
    # Extra columns follow the contract's, in this order.
    "kind",
]
CLAIM_COLUMNS = [
    "claim_id",
    "story",
    "text",
    "event_date",
    "timeline_position",
    "verdict",
    "repeat_outlets",
    "deny_outlets",
    "editor_note",
    "origin_source",
    "origin_speaker",
    # Extra columns follow the contract's, in this order.
    "both_outlets",
    "merged_into",
]
MENTION_COLUMNS = [
    "mention_id",
    "story",
    "claim_id",
    "claim_text",
    "article_id",
    "file_name",
    "source",
    "stance",
    "speaker",
    "sentence",
    "start",
    "end",
    "quote_id",
    "set_by",
    "via",
]
POSITION_COLUMNS = [
    "claim_id",
    "source_id",
    "source",
    "position",
    "mentions",
    "first_published",
    # An article of no known outlet stands as an outlet of its own: `source` is its file name.
    "article_id",
    "story",
    # "editor" when an editor set the position over the machine's reading of the mentions.
    "set_by",
]
VERSION_COLUMNS = [
    "article_id",
    "version",
    "fetched_at",
    "content_sha256",
    # Where a fetched version came from in the end, else the article's address.
    "url",
    # Extra columns follow the contract's, in this order.
    "story",
    "title",
    "stored_at",
]
TABLES = ("articles", "quotes", "claims", "mentions", "positions", "versions")


def _name(related):
    return related.name if related is not None else ""


def version_rows(versions):
    rows = versions.order_by("article_id", "number").values_list(
        "article_id",
        "number",
        "fetched_at",
        "content_hash",
        "fetched_url",
        "article__url",
        "article__story__slug",
        "title",
        "created_at",
    )
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        article_id, number, fetched_at, content_hash, fetched_url, url, story, title, stored = row
        yield [
            article_id,
            number,
            fetched_at.isoformat() if fetched_at else "",
            content_hash,
            fetched_url or url,
            story,
            title,
            stored.isoformat(),
        ]


def quote_rows(quotes):
    # Plain tuples, not model rows: an export may hold hundreds of thousands of rows.
    rows = quotes.order_by("pk").values_list(
        "pk",
        "article__story__slug",
        "article_id",
        "article__file_name",
        "article__source__name",
        "speaker__name",
        "speaker__kind",
        "text",
        "cue",
        "start",
        "end",
        "kind",
    )
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        yield ["" if value is None else value for value in row]


def _claims_in_chunks(claims):
    """The claims, CHUNK_SIZE at a time, each chunk given its outlets' positions."""
    rows = claims.select_related("story", "origin_source", "origin_speaker").order_by(
        "event_date", "timeline_position", "pk"
    )
    chunk = []
    for claim in rows.iterator(chunk_size=CHUNK_SIZE):
        chunk.append(claim)
        if len(chunk) == CHUNK_SIZE:
            yield with_positions(chunk)
            chunk = []
    if chunk:
        yield with_positions(chunk)


def claim_rows(claims):
    for chunk in _claims_in_chunks(claims):
        for claim in chunk:
            yield [
                claim.pk,
                claim.story.slug,
                claim.text,
                claim.event_date.isoformat() if claim.event_date else "",
                claim.timeline_position,
                claim.verdict,
                claim.repeat_outlets,
                claim.deny_outlets,
                claim.editor_note,
                _name(claim.origin_source),
                _name(claim.origin_speaker),
                claim.both_outlets,
                claim.merged_into_id or "",
            ]


def position_rows(claims):
    for chunk in _claims_in_chunks(claims):
        for claim in chunk:
            for outlet in claim.positions:
                yield [
                    claim.pk,
                    outlet.source_id or "",
                    outlet.outlet,
                    outlet.position.value,
                    outlet.mentions,
                    outlet.first_published.isoformat() if outlet.first_published else "",
                    outlet.article_id or "",
                    claim.story.slug,
                    outlet.set_by.value,
                ]


def mention_rows(mentions):
    rows = mentions.order_by("pk").values_list(
        "pk",
        "claim__story__slug",
        "claim_id",
        "claim__text",
        "article_id",
        "article__file_name",
        "article__source__name",
        "stance",
        "speaker__name",
        "sentence",
        "start",
        "end",
        "quote_id",
        "set_by",
        "via",
    )
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        yield ["" if value is None else value for value in row]


def table(name, story=None, story_filter=None):
    """Header and rows of one research table, for one story (or all) and a filter."""
    story_filter = story_filter or StoryFilter()
    if name == "articles":
        articles = Article.objects.filter(story=story) if story else Article.objects.all()
        return ARTICLE_COLUMNS, article_rows(story_filter.articles(articles))
    if name == "quotes":
        quotes = Quote.objects.filter(article__story=story) if story else Quote.objects.all()
        return QUOTE_COLUMNS, quote_rows(story_filter.quotes(quotes))
    if name == "claims":
        claims = Claim.objects.filter(story=story) if story else Claim.objects.all()
        return CLAIM_COLUMNS, claim_rows(story_filter.claims(claims))
    if name == "mentions":
        mentions = Mention.objects.filter(claim__story=story) if story else Mention.objects.all()
        return MENTION_COLUMNS, mention_rows(story_filter.mentions(mentions))
    if name == "positions":
        claims = Claim.objects.current()
        claims = claims.filter(story=story) if story else claims
        return POSITION_COLUMNS, position_rows(story_filter.claims(claims))
    if name == "versions":
        articles = Article.objects.filter(story=story) if story else Article.objects.all()
        versions = ArticleVersion.objects.filter(article__in=story_filter.articles(articles))
        return VERSION_COLUMNS, version_rows(versions)
    raise ValueError(f"unknown table {name!r}: choose one of {', '.join(TABLES)}")


def timeline_json(story, claims):
    """The claims as a TimelineJS timeline: one event a dated claim, grouped by verdict.

    TimelineJS shows headlines and texts as HTML, so the words from articles are escaped.
    """
    events = []
    dated = claims.exclude(event_date=None).order_by("event_date", "timeline_position")
    for claim in with_positions(list(dated)):
        events.append(
            {
                "unique_id": f"claim-{claim.pk}",
                "start_date": {
                    "year": claim.event_date.year,
                    "month": claim.event_date.month,
                    "day": claim.event_date.day,
                },
                "text": {
                    "headline": escape(claim.text),
                    "text": (
                        f"Repeated by {claim.repeat_outlets} outlet(s), "
                        f"both sides reported by {claim.both_outlets}, "
                        f"denied by {claim.deny_outlets}. Verdict: {claim.verdict}."
                    ),
                },
                "group": claim.get_verdict_display(),
            }
        )
    return {
        "title": {"text": {"headline": escape(story.title), "text": escape(story.description)}},
        "events": events,
    }


CLAIM_REVIEW_RATINGS = {
    Claim.Verdict.CONFIRMED: (5, "True"),
    Claim.Verdict.DISPUTED: (3, "Disputed"),
    Claim.Verdict.FALSE: (1, "False"),
}


def claim_review(claim, url):
    """schema.org ClaimReview of an editor's verdict; None while the claim is unreviewed."""
    rating = CLAIM_REVIEW_RATINGS.get(claim.verdict)
    if rating is None:
        return None
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "datePublished": claim.updated_at.date().isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating[0],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": rating[1],
        },
    }
    if claim.editor_note:
        review["reviewBody"] = claim.editor_note
    if claim.origin_speaker or claim.origin_source:
        author = claim.origin_speaker or claim.origin_source
        review["itemReviewed"] = {
            "@type": "Claim",
            "author": {
                "@type": "Person" if claim.origin_speaker else "Organization",
                "name": author.name,
            },
        }
        if claim.event_date:
            review["itemReviewed"]["datePublished"] = claim.event_date.isoformat()
    return review
