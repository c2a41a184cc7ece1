"""Serve a large story with gunicorn and measure its pages alone and under concurrent load.

    .venv/bin/python bench/load.py [--articles 5000] [--seconds 60] [--connections 50]
    .venv/bin/python bench/load.py --cluster DIR --database NAME [--compare-database NAME]
    .venv/bin/python bench/load.py --database-url URL [--compare-database-url URL]
    .venv/bin/python bench/load.py --articles 100 --seconds 10 --compare-articles 20

Needs locust: .venv/bin/pip install -c requirements/constraints.txt -r requirements/bench.txt

Without a database it starts a throwaway PostgreSQL cluster and ingests --articles synthetic
articles (bench/corpus.py) first (and --compare-articles into a second database). --cluster
serves a database of a cluster kept by `bench/scale.py --keep-cluster DIR`. Each served
database is first upgraded with `manage.py migrate`. The app runs as in production (debug off,
two gunicorn sync workers) but over plain HTTP on 127.0.0.1.

It prints, for the served story:
1. the workers' memory before and after one full download of the mentions CSV (streamed, so
   memory should stay flat);
2. each page alone, the median of 10 requests, in ms and over the trivial page (admin login),
   target <= 3x; then the same with the story changed before each request, so that every page
   is drawn afresh rather than answered from the page kept rendered; with a compare database,
   the same on the smaller story, served by its own gunicorn before, and per page the big
   story's median over the small one's, target <= 1.5x;
3. locust, --connections users for --seconds without pause, twice: the pages only (timeline,
   claim fragment, article reader, outlet page, matrix, trivial page, in equal shares), target
   timeline p95 / trivial p95 <= 3 and no errors; then the same pages and the mentions CSV,
   reported on its own. Every answer but a 200 (a redirect, a 404, a 500) is an error.
Last, the workers gunicorn killed for passing its 30 s timeout and the server's errors.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import write_corpus
from load_pages import (
    CSV,
    PAGES,
    TRIVIAL,
    describe,
    find_targets,
    measure_export_memory,
    print_alone,
    print_comparison,
    time_alone,
    time_drawn_afresh,
    verdict,
)
from load_server import VENV_BIN, manage, peaks, served
from pg_cluster import cluster, database_url, fresh_database, stop_on_sigterm

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
TARGET_TIMELINE_OVER_TRIVIAL = 3.0
# name, locust user class, pages reported
MIXES = [
    ("pages only", "PageReader", PAGES),
    ("pages and the mentions CSV", "PageAndCsvReader", [*PAGES, CSV]),
]


def ingest_story(server_url, articles, scratch, name):
    """A fresh database `name` holding `articles` synthetic articles; returns its URL."""
    url = fresh_database(server_url, name)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    corpus = scratch / f"corpus-{name}" / "vellmar-dam"
    write_corpus(corpus, articles, seed=1)
    manage(env, "migrate", "--noinput")
    print(f"ingesting {articles} articles into {name} (not measured) ...", flush=True)
    # Two workers: this ingest only prepares the data.
    print(manage(env, "ingest", str(corpus), "--workers", "2").strip().splitlines()[-1])
    return url


def run_locust(base, targets, scratch, mix, args):
    """Runs one mix under locust; returns its stats rows and failure rows."""
    label, user_class, _ = mix
    prefix = scratch / user_class
    (scratch / "targets.json").write_text(json.dumps(targets))
    command = [
        VENV_BIN / "locust",
        "-f",
        LOCUSTFILE,
        user_class,
        "--headless",
        "--host",
        base,
        "--users",
        str(args.connections),
        "--spawn-rate",
        str(args.connections),
        "--run-time",
        f"{args.seconds}s",
        "--stop-timeout",
        "30",
        "--csv",
        prefix,
        "--only-summary",
    ]
    env = {**os.environ, "BENCH_TARGETS": str(scratch / "targets.json")}
    print(f"\nlocust, {label}: {args.connections} users for {args.seconds} s ...", flush=True)
    # Locust exits 1 when any request failed; the table reports the failures.
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=args.seconds + 120
        )
    try:
        with open(f"{prefix}_stats.csv", newline="") as stats:
            rows = {row["Name"]: row for row in csv.DictReader(stats)}
        with open(f"{prefix}_failures.csv", newline="") as failures:
            failed = list(csv.DictReader(failures))
    except FileNotFoundError:
        log = Path(f"{prefix}.log").read_text()[-3000:]
        raise RuntimeError(f"locust wrote no stats:\n{log}") from None
    return rows, failed


def print_locust(rows, failed, mix, with_target):
    """The table of one mix; with the target, the timeline/trivial p95 and errors verdicts."""
    _, _, pages = mix
    print(f"{'page':<24} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for page in [*pages, "Aggregated"]:
        row = rows.get(page)
        if row:
            print(
                f"{page:<24} {row['Request Count']:>8} {row['Failure Count']:>6} "
                f"{row['50%']:>7} {row['95%']:>7}"
            )
        else:
            print(f"{page:<24} {'no request completed':>32}")
    for failure in failed:
        print(f"  failed x{failure['Occurrences']}: {failure['Name']}: {failure['Error']}")
    errors = int(rows["Aggregated"]["Failure Count"]) if "Aggregated" in rows else 0
    if "timeline" in rows and TRIVIAL in rows:
        ratio = float(rows["timeline"]["95%"]) / float(rows[TRIVIAL]["95%"])
        shown = f"{ratio:.2f}"
    else:
        ratio, shown = float("inf"), "none (a page completed no request)"
    if with_target:
        target = TARGET_TIMELINE_OVER_TRIVIAL
        met = verdict(ratio <= target)
        print(f"timeline p95 / trivial p95: {shown} (target <= {target:g}): {met}")
        print(f"errors: {errors} (target 0): {verdict(errors == 0)}")
    else:
        print(f"timeline p95 / trivial p95: {shown} (no target: the CSV shares the workers)")
        print(f"errors: {errors}")


def measure_compared(url, scratch):
    """Each page alone on the smaller story, served by a gunicorn of its own."""
    targets = find_targets(url)
    print(f"\ncompare database: {describe(targets)}")
    with served(url, scratch, "compare") as (base, _):
        return targets, time_alone(base, targets), time_drawn_afresh(base, targets, url)


def bench(url, compare_url, args, scratch):
    compared = measure_compared(compare_url, scratch) if compare_url else None
    targets = find_targets(url)
    print(f"\nserved database: {describe(targets)}")
    with served(url, scratch, "served") as (base, master):
        # First, while the workers hold only what start-up and the login page gave them.
        measure_export_memory(base, targets, master)
        alone = time_alone(base, targets)
        print_alone(alone, f"{len(targets['articles'])} articles")
        afresh = time_drawn_afresh(base, targets, url)
        print_alone(afresh, f"{len(targets['articles'])} articles, drawn afresh after a change")
        largest_id, largest_mentions = targets["largest_claim"]
        print(f"  (largest claim fragment: claim {largest_id}, {largest_mentions} mentions)")
        if compared:
            small_targets, small_alone, small_afresh = compared
            small_label = f"{len(small_targets['articles'])} articles"
            print_alone(small_alone, small_label)
            big_label = f"{len(targets['articles'])} articles"
            print_comparison(alone, small_alone, big_label, small_label)
            print_comparison(afresh, small_afresh, f"{big_label} afresh", f"{small_label} afresh")
        print(f"  worker peak RSS after these: {peaks(master)} MiB")
        for index, mix in enumerate(MIXES):
            rows, failed = run_locust(base, targets, scratch, mix, args)
            print_locust(rows, failed, mix, with_target=index == 0)
            print(f"worker peak RSS after this load: {peaks(master)} MiB")


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000, help="articles to ingest first")
    parser.add_argument("--compare-articles", type=int, help="also ingest a smaller story")
    parser.add_argument("--seconds", type=int, default=60, help="length of each locust mix")
    parser.add_argument("--connections", type=int, default=50, help="locust users")
    parser.add_argument("--database-url", help="serve this database instead of a new one")
    parser.add_argument("--compare-database-url", help="a database holding a smaller story")
    parser.add_argument("--cluster", metavar="DIR", help="start the cluster kept in DIR")
    parser.add_argument("--database", help="with --cluster: the database to serve")
    parser.add_argument("--compare-database", help="with --cluster: the smaller story's")
    args = parser.parse_args()
    if args.cluster and not args.database:
        parser.error("--cluster needs --database")
    if args.compare_database and not args.cluster:
        parser.error("--compare-database needs --cluster (else use --compare-database-url)")
    if args.compare_articles and (args.cluster or args.database_url):
        parser.error("--compare-articles is for a throwaway cluster only")
    return args


def main():
    args = parse_args()
    if not (VENV_BIN / "locust").exists():
        sys.exit(
            "locust is missing: "
            ".venv/bin/pip install -c requirements/constraints.txt -r requirements/bench.txt"
        )
    scratch = Path(tempfile.mkdtemp(prefix="newsroom-load-"))
    try:
        with stop_on_sigterm():
            if args.database_url:
                bench(args.database_url, args.compare_database_url, args, scratch)
                return
            with cluster(args.cluster) as server_url:
                compare_url = args.compare_database_url
                if args.cluster:
                    url = database_url(server_url, args.database)
                    if args.compare_database:
                        compare_url = database_url(server_url, args.compare_database)
                else:
                    url = ingest_story(server_url, args.articles, scratch, "newsroom_load")
                    if args.compare_articles:
                        compare_url = ingest_story(
                            server_url, args.compare_articles, scratch, "newsroom_load_small"
                        )
                bench(url, compare_url, args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
