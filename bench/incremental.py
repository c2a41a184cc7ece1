"""Measure what adding one article, or re-ingesting one changed article, costs a big story.

    .venv/bin/python bench/incremental.py --cluster DIR [--database newsroom_scale_5000]
    .venv/bin/python bench/incremental.py --database-url postgres://HOST/DATABASE
    .venv/bin/python bench/incremental.py --articles 200     # a throwaway cluster and story
    options: [--seed 1] [--baseline-articles 50] [--repeat 3]

The big story is one written by bench/corpus.py with --seed (by default the 5,000 articles
`bench/scale.py --keep-cluster DIR` leaves in database newsroom_scale_5000). It is never
changed: the bench copies its database (CREATE DATABASE ... TEMPLATE), upgrades the copy with
`manage.py migrate`, works on the copy and drops it at the end. --articles N instead starts a
throwaway PostgreSQL cluster and ingests N articles into it first (not measured).

Each round, the median of --repeat rounds is reported:
- baseline: --baseline-articles new corpus articles ingested into a fresh database; the time
  the ingest command reports over the number of articles is the average per-article ingest;
- one article added: the next article of the same corpus (number N+1, N+2, ... of a corpus of
  the story's size plus --repeat), which the story does not have, ingested into the copy;
- one changed article: an existing file of the story with one more reported claim, ingested
  into the copy (a different file each round).
Every ingest runs, in a fresh process, what `manage.py ingest DIR --workers 1` runs
(claims.ingestion.ingest), after loading the spaCy model and parsing one sentence. The times
are the seconds of its report, which the command prints rounded to 0.1 s: reading the files,
analysing, storing and the end-of-run work, without process start-up or model loading, alike
for all three. Targets: each one-article figure over the baseline average <= 2x.
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from corpus import OUTLETS, build_claims, report_sentence, slug_of, write_corpus
from pg_cluster import cluster, database_url, fresh_database, stop_on_sigterm

PROJECT_DIR = Path(__file__).resolve().parent.parent
COPY_DATABASE = "newsroom_incremental_copy"
BASELINE_DATABASE = "newsroom_incremental_baseline"
BIG_DATABASE = "newsroom_incremental_story"
TARGET_OVER_BASELINE = 2.0
SUMMARY = re.compile(
    r"(?P<new>\d+) new, (?P<updated>\d+) updated, (?P<unchanged>\d+) unchanged, "
    r"(?P<failed>\d+) failed; .*; [\d.]+ s$",
    re.MULTILINE,
)

# Model loading and the first parse's set-up belong to the process's start-up: done before
# the ingest, so the time it reports is its own. This is what `manage.py ingest` runs, and the
# seconds are the report's the command prints, unrounded (it prints one decimal).
WARM_INGEST = """
import sys
import time

import django

django.setup()
from django.db import connection

from claims.ingestion import ingest, pipeline

pipeline()("The minister said on Monday that the warning had been sent.")
connection.ensure_connection()
report = ingest([sys.argv[1]], workers=1)
for name, reason in report.failed:
    print(f"failed: {name}: {reason}")
print(report.summary())
print(f"seconds {report.seconds!r}")
print(f"ended at {time.time()}")
"""


def manage(url, *arguments):
    """Runs a manage.py command on the database at `url`; returns its standard output."""
    return _run(url, [str(PROJECT_DIR / "manage.py"), *arguments], arguments[0])


def _run(url, arguments, what):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    result = subprocess.run(
        [sys.executable, *arguments], env=env, cwd=PROJECT_DIR, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def timed_ingest(url, folder, expected):
    """Ingests `folder` with one worker after loading the model; the seconds the command
    reports, its summary line and when it ended. `expected` is "new" or "updated": the one
    outcome every file must have."""
    output = _run(url, ["-c", WARM_INGEST, str(folder)], f"ingest {folder}")
    summary = SUMMARY.search(output)
    if summary is None:
        raise RuntimeError(f"ingest {folder}: no summary line in its output:\n{output}")
    files = sum(1 for path in folder.iterdir() if path.suffix == ".txt")
    if int(summary[expected]) != files:
        raise SystemExit(
            f"ingest {folder}: expected {files} {expected}, got: {summary[0]} (is the story "
            f"the corpus of this --seed and size?)\n{output}"
        )
    seconds = float(re.search(r"^seconds ([\d.e-]+)$", output, re.MULTILINE)[1])
    ended = float(re.search(r"^ended at ([\d.]+)$", output, re.MULTILINE)[1])
    return seconds, summary[0], ended


def copy_database(server_url, template, name):
    """Database `name`, a copy of `template` (which must have no open connection)."""
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return database_url(server_url, name)


def drop_database(server_url, name):
    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def story_facts(url):
    """The slug and article count of the database's biggest story, and its own ingest's
    average per-article time from the articles' stored times."""
    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT s.slug, count(*), extract(epoch FROM max(a.created_at) - min(a.created_at))"
            " FROM articles_story s JOIN articles_article a ON a.story_id = s.id"
            " GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    if row is None:
        raise SystemExit(f"{url}: no story with articles in this database")
    slug, articles, span = row
    return slug, articles, float(span) / max(1, articles - 1)


def last_saved(url, file_name):
    """When the article of `file_name` was last saved, in seconds since the epoch."""
    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT extract(epoch FROM updated_at) FROM articles_article WHERE file_name = %s",
            [file_name],
        ).fetchone()
    return float(row[0])


def one_file_folder(scratch, slug, name, text, manifest):
    """A story folder holding only `text` under `name`, with the story's manifest."""
    folder = scratch / name.removesuffix(".txt") / slug
    folder.mkdir(parents=True)
    shutil.copy(manifest, folder / "story.toml")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def with_claim_added(path, rng):
    """The article's text with one more reported claim, a paragraph after its first one."""
    outlet = next(
        (name for name, _, _ in OUTLETS if path.stem.endswith(slug_of(name))), "the newspaper"
    )
    sentence = report_sentence(rng, rng.choice(build_claims()), outlet, ('"', '"'))
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    blocks.insert(2, sentence)
    return "\n\n".join(blocks)


def write_inputs(scratch, slug, articles, seed, args):
    """The baseline's folder, and for each round the folder of one new and of one changed
    article."""
    baseline = scratch / "baseline" / slug
    write_corpus(baseline, args.baseline_articles, seed)
    story = scratch / "story" / slug
    write_corpus(story, articles, seed)
    longer = scratch / "longer" / slug
    write_corpus(longer, articles + args.repeat, seed)
    manifest = story / "story.toml"
    new_files = sorted(longer.glob("*.txt"))[articles:]
    existing = sorted(story.glob("*.txt"))
    rng = random.Random(seed)
    rounds = []
    for index, new_file in enumerate(new_files):
        changed = existing[(index + 1) * len(existing) // (args.repeat + 1)]
        rounds.append(
            {
                "new": one_file_folder(
                    scratch, slug, new_file.name, new_file.read_text(encoding="utf-8"), manifest
                ),
                "changed": one_file_folder(
                    scratch, slug, changed.name, with_claim_added(changed, rng), manifest
                ),
            }
        )
    return baseline, rounds


def measure_round(server_url, copy_url, baseline, one, args):
    """One round: the baseline average, then one new and one changed article on the copy."""
    baseline_url = fresh_database(server_url, BASELINE_DATABASE)
    manage(baseline_url, "migrate", "--noinput")
    seconds, summary, _ = timed_ingest(baseline_url, baseline, "new")
    print(f"  baseline, fresh database: {summary} ({seconds:.2f} s)", flush=True)
    figures = {"baseline": seconds / args.baseline_articles}
    for kind, outcome in (("new", "new"), ("changed", "updated")):
        folder = one[kind]
        seconds, summary, ended = timed_ingest(copy_url, folder, outcome)
        after = ended - last_saved(copy_url, next(folder.glob("*.txt")).name)
        print(f"  {kind}, {next(folder.glob('*.txt')).name}: {summary} ({seconds:.2f} s)")
        print(f"    of which after the article's last save: {after:.1f} s")
        figures[kind] = seconds
    drop_database(server_url, BASELINE_DATABASE)
    return figures


def report(rounds, story_average, articles, args):
    def median(kind):
        return statistics.median(figures[kind] for figures in rounds)

    baseline = median("baseline")
    print(f"\nmedians of {len(rounds)} rounds:")
    print(
        f"  average per-article ingest, {args.baseline_articles} articles into a fresh "
        f"database: {1000 * baseline:.0f} ms"
    )
    print(
        f"  (the {articles}-article story's own ingest, from its articles' stored times: "
        f"{1000 * story_average:.0f} ms per article, the end-of-run work left out)"
    )
    labels = {"new": "one article added to", "changed": "one changed article re-ingested into"}
    for kind, label in labels.items():
        seconds = median(kind)
        ratio = seconds / baseline
        met = "met" if ratio <= TARGET_OVER_BASELINE else "MISSED"
        print(
            f"  {label} the {articles}-article story: {1000 * seconds:.0f} ms, "
            f"{ratio:.1f}x the average (target <= {TARGET_OVER_BASELINE:g}x): {met}"
        )


def bench(server_url, big_database, args):
    started = time.monotonic()
    slug, articles, story_average = story_facts(database_url(server_url, big_database))
    print(f"story {slug}: {articles} articles in {big_database}")
    with tempfile.TemporaryDirectory(prefix="newsroom-incremental-") as scratch:
        baseline, inputs = write_inputs(Path(scratch), slug, articles, args.seed, args)
        copy_url = copy_database(server_url, big_database, COPY_DATABASE)
        try:
            applied = manage(copy_url, "migrate", "--noinput").count("Applying ")
            print(f"copy {COPY_DATABASE}: manage.py migrate applied {applied} migration(s)")
            rounds = []
            for number, one in enumerate(inputs, 1):
                print(f"round {number}:", flush=True)
                rounds.append(measure_round(server_url, copy_url, baseline, one, args))
        finally:
            drop_database(server_url, COPY_DATABASE)
            drop_database(server_url, BASELINE_DATABASE)
    report(rounds, story_average, articles, args)
    print(f"(bench took {time.monotonic() - started:.0f} s)")


def ingest_big_story(server_url, articles, seed):
    """A throwaway big story of `articles` corpus articles (not measured)."""
    url = fresh_database(server_url, BIG_DATABASE)
    manage(url, "migrate", "--noinput")
    with tempfile.TemporaryDirectory(prefix="newsroom-incremental-story-") as scratch:
        folder = Path(scratch) / "vellmar-dam"
        write_corpus(folder, articles, seed)
        print(f"ingesting {articles} articles into {BIG_DATABASE} (not measured) ...", flush=True)
        print(manage(url, "ingest", str(folder), "--workers", "2").strip().splitlines()[-1])
    return BIG_DATABASE


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cluster", metavar="DIR", help="start the cluster kept in DIR")
    parser.add_argument("--database", default="newsroom_scale_5000", help="the big story's")
    parser.add_argument("--database-url", help="the big story's database on a running server")
    parser.add_argument("--articles", type=int, help="ingest a big story of N articles first")
    parser.add_argument("--seed", type=int, default=1, help="the big story's corpus seed")
    parser.add_argument("--baseline-articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median counts")
    args = parser.parse_args()
    if sum(bool(option) for option in (args.cluster, args.database_url, args.articles)) != 1:
        parser.error("give one of --cluster, --database-url and --articles")
    with stop_on_sigterm():
        if args.database_url:
            name = urlsplit(args.database_url).path.strip("/")
            bench(database_url(args.database_url, "postgres"), name, args)
            return
        with cluster(args.cluster) as server_url:
            big_database = args.database
            if args.articles:
                big_database = ingest_big_story(server_url, args.articles, args.seed)
            bench(server_url, big_database, args)


if __name__ == "__main__":
    main()
