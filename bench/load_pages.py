"""Time each page of a served story alone, compare two stories' timings, and measure the
workers' memory over one full CSV export."""

import random
import statistics
import time

import psycopg
from load_server import fetch, worker_memory

TRIVIAL = "trivial (admin login)"
CSV = "mentions.csv"
LARGEST_CLAIM = "largest claim fragment"
# The pages both locust mixes request, in equal shares.
PAGES = ["timeline", "claim fragment", "article reader", "outlet page", "matrix", TRIVIAL]
ALONE_REQUESTS = 10
# Each page alone over the trivial page, and the big story's page over the small story's.
TARGET_OVER_TRIVIAL = 3.0
TARGET_OVER_SMALL = 1.5
# Downloads grow with the story by nature: they have no page target.
UNBOUNDED = {CSV}


def verdict(met):
    return "met" if met else "MISSED"


def find_targets(url):
    """The story with the most articles: its current claims (most mentions first), articles,
    outlets and counts."""
    with psycopg.connect(url) as connection:
        story = connection.execute(
            "SELECT s.id, s.slug FROM articles_story s JOIN articles_article a ON a.story_id = s.id"
            " GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        if story is None:
            raise SystemExit(f"{url}: no story with articles in this database")
        story_id, slug = story
        claims = connection.execute(
            "SELECT c.id, count(m.id) FROM claims_claim c"
            " LEFT JOIN claims_mention m ON m.claim_id = c.id"
            " WHERE c.story_id = %s AND c.merged_into_id IS NULL"
            " GROUP BY c.id ORDER BY count(m.id) DESC, c.id",
            [story_id],
        ).fetchall()
        articles = connection.execute(
            "SELECT id, source_id FROM articles_article WHERE story_id = %s ORDER BY id",
            [story_id],
        ).fetchall()
        mentions = connection.execute(
            "SELECT count(*) FROM claims_mention m JOIN articles_article a ON m.article_id = a.id"
            " WHERE a.story_id = %s",
            [story_id],
        ).fetchone()[0]
    if not claims:
        raise SystemExit(f"{url}: story {slug} has no claims to request")
    return {
        "story_id": story_id,
        "slug": slug,
        "claims": [claim_id for claim_id, _ in claims],
        "articles": [article_id for article_id, _ in articles],
        "sources": sorted({source for _, source in articles if source is not None}),
        "largest_claim": claims[0],
        "mentions": mentions,
    }


def describe(targets):
    return (
        f"story {targets['slug']}: {len(targets['articles'])} articles, "
        f"{len(targets['sources'])} outlets, {len(targets['claims'])} current claims, "
        f"{targets['mentions']} mentions"
    )


def page_urls(base, targets, rng):
    """Each page's URL and headers, the claim, article and outlet picked with `rng`."""
    story = f"{base}/stories/{targets['slug']}"
    fragment = {"HX-Request": "true"}
    return {
        "timeline": (f"{story}/", {}),
        "claim fragment": (f"{story}/claims/{rng.choice(targets['claims'])}/", fragment),
        "article reader": (f"{story}/articles/{rng.choice(targets['articles'])}/", {}),
        "outlet page": (f"{story}/sources/{rng.choice(targets['sources'])}/", {}),
        "matrix": (f"{story}/matrix/", {}),
        TRIVIAL: (f"{base}/admin/login/", {}),
        CSV: (f"{story}/export/mentions.csv", {}),
        LARGEST_CLAIM: (f"{story}/claims/{targets['largest_claim'][0]}/", fragment),
    }


def time_alone(base, targets, before_each=None):
    """Each page requested alone, one request at a time: per page the median milliseconds,
    the size of the last answer and the answers that were not 200. `before_each`, if given,
    runs before every request."""
    rng = random.Random(1)
    timings, sizes, errors = {}, {}, {}
    for _ in range(ALONE_REQUESTS):
        for page, (url, headers) in page_urls(base, targets, rng).items():
            if before_each is not None:
                before_each()
            started = time.perf_counter()
            status, sizes[page] = fetch(url, headers)
            timings.setdefault(page, []).append(1000 * (time.perf_counter() - started))
            if status != 200:
                errors.setdefault(page, []).append(status)
    medians = {page: statistics.median(values) for page, values in timings.items()}
    return {"medians": medians, "sizes": sizes, "errors": errors}


def time_drawn_afresh(base, targets, url):
    """As time_alone, but the story changes before every request, so that no page kept
    rendered can answer it: what the first reader after each change waits."""
    with psycopg.connect(url, autocommit=True) as connection:

        def change_story():
            connection.execute(
                "UPDATE articles_story SET revision = revision + 1 WHERE id = %s",
                [targets["story_id"]],
            )

        return time_alone(base, targets, before_each=change_story)


def print_alone(alone, label):
    """The table of each page alone, with its ratio to the trivial page and its target."""
    medians, errors = alone["medians"], alone["errors"]
    trivial = medians[TRIVIAL]
    print(f"\neach page alone, {label} (median of {ALONE_REQUESTS}, one request at a time):")
    print(f"  {'page':<24} {'median':>8} {'/trivial':>8} {'KiB':>8} {'errors':>6}  target")
    missed = []
    for page, median in medians.items():
        ratio = median / trivial
        failed = errors.get(page, [])
        if page in UNBOUNDED or page == TRIVIAL:
            target = "-"
        else:
            met = ratio <= TARGET_OVER_TRIVIAL and not failed
            target = f"<= {TARGET_OVER_TRIVIAL:g}x: {verdict(met)}"
            missed += [] if met else [page]
        shown_errors = f"{len(failed)}" + (f" (HTTP {sorted(set(failed))})" if failed else "")
        print(
            f"  {page:<24} {median:6.0f} ms {ratio:7.1f}x {alone['sizes'][page] / 1024:8.0f} "
            f"{shown_errors:>6}  {target}"
        )
    print(
        f"  every page alone <= {TARGET_OVER_TRIVIAL:g}x trivial, no errors: "
        f"{verdict(not missed)}" + (f" (missed: {', '.join(missed)})" if missed else "")
    )


def print_comparison(big, small, big_label, small_label):
    """Per page, the big story's median over the small story's, against its target."""
    print(f"\neach page alone, {big_label} / {small_label} (medians):")
    print(f"  {'page':<24} {'big ms':>8} {'small ms':>8} {'ratio':>6}  target")
    missed = []
    for page, median in big["medians"].items():
        small_median = small["medians"][page]
        ratio = median / small_median
        failed = big["errors"].get(page) or small["errors"].get(page)
        if page in UNBOUNDED:
            target = "-"
        else:
            met = ratio <= TARGET_OVER_SMALL and not failed
            target = f"<= {TARGET_OVER_SMALL:g}x: {verdict(met)}" + (" (errors)" if failed else "")
            missed += [] if met else [page]
        print(f"  {page:<24} {median:8.0f} {small_median:8.0f} {ratio:5.2f}x  {target}")
    print(
        f"  every page <= {TARGET_OVER_SMALL:g}x its time on the small story: {verdict(not missed)}"
        + (f" (missed: {', '.join(missed)})" if missed else "")
    )


def measure_export_memory(base, targets, master):
    """The workers' memory before and after one full mentions CSV; streamed, it stays flat."""
    export = f"{base}/stories/{targets['slug']}/export/mentions.csv"
    # The export's code is loaded on first use: a few filtered, near-empty exports load it
    # into both workers, so that what grows below is what the rows cost.
    for _ in range(4):
        fetch(f"{export}?q=no-such-words-anywhere")
    before = worker_memory(master)
    started = time.perf_counter()
    status, size = fetch(export)
    seconds = time.perf_counter() - started
    after = worker_memory(master)

    def shown(memory):
        return ", ".join(f"{rss:.0f} (peak {peak:.0f})" for rss, peak in memory)

    print(f"\nmentions CSV: HTTP {status}, {size / 1e6:.1f} MB in {seconds:.1f} s")
    print(f"  worker RSS MiB before: {shown(before)}")
    print(f"  worker RSS MiB after:  {shown(after)}")
    growth = max(a[1] - b[1] for a, b in zip(after, before, strict=True))
    print(f"  peak grew by {growth:.0f} MiB for a {size / 1e6:.0f} MB download (flat is ~0)")
