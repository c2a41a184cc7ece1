"""Measure how ingestion time grows with the size of a story, on PostgreSQL.

    .venv/bin/python bench/scale.py [--sizes 100,1000,5000] [--seed 1] [--keep-cluster DIR]

For each size, writes that many synthetic articles (bench/corpus.py) and ingests them with
`manage.py ingest --workers 1` into a fresh database. It prints the seconds the ingest command
reports and the time per article; then the per-article time of the largest run over that of the
smallest: flat (1.0) means the cost is linear in the number of articles. Figures are ratios
because the machines are shared and noisy; the ratio of CPU time (the ingest process's, less its
start-up, plus the database server's) is the steadier one when other jobs share the cores.

The database is DATABASE_URL's server when that is set (one database per size is created on
it), else a throwaway cluster. --keep-cluster DIR keeps that cluster's data in DIR, so that
bench/load.py can serve the largest story without ingesting it again.
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from corpus import write_corpus
from pg_cluster import cluster, fresh_database, server_cpu_seconds

PROJECT_DIR = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(PROJECT_DIR / "manage.py")]
SUMMARY_SECONDS = re.compile(r"; ([\d.]+) s$", re.MULTILINE)


def database_name(size):
    return f"newsroom_scale_{size}"


def manage(url, *arguments):
    """Runs a manage.py command on the database at `url`; returns its standard output."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [*MANAGE, *arguments], env=env, cwd=PROJECT_DIR, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {arguments[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest_cpu_seconds(url, folder, *options):
    """Runs `manage.py ingest` with one worker; its output and the CPU seconds it used."""
    before = children_cpu_seconds()
    output = manage(url, "ingest", str(folder), "--workers", "1", *options)
    return output, children_cpu_seconds() - before


def empty_story(scratch):
    """A story folder with no article: ingesting it costs only the command's start-up."""
    folder = scratch / "empty" / "empty-story"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.toml").write_text('title = "Empty"\n')
    return folder


def article_times(url):
    """When each article was stored, in seconds since the epoch, oldest first."""
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT extract(epoch FROM created_at) FROM articles_article ORDER BY created_at"
        ).fetchall()
    return [float(stamp) for (stamp,) in rows]


def measure(server_url, size, seed, scratch):
    """Ingests `size` fresh articles into a fresh database; returns what was measured."""
    corpus = scratch / f"size-{size}" / "vellmar-dam"
    corpus_bytes = write_corpus(corpus, size, seed)
    url = fresh_database(server_url, database_name(size))
    manage(url, "migrate", "--noinput")
    startup_cpu = ingest_cpu_seconds(url, empty_story(scratch), "--dry-run")[1]
    server_before = server_cpu_seconds(url)
    output, ingest_cpu = ingest_cpu_seconds(url, corpus)
    ended = time.time()
    server_after = server_cpu_seconds(url)
    server_cpu = server_after - server_before if server_before is not None else 0.0
    seconds = float(SUMMARY_SECONDS.search(output)[1])
    stored = article_times(url)
    tenth = max(1, len(stored) // 10)
    return {
        "size": size,
        "megabytes": corpus_bytes / 1e6,
        "seconds": seconds,
        "per_article": seconds / size,
        "summary": output.strip().splitlines()[-1],
        # CPU time hardly changes when other jobs share the cores; wall time does.
        "cpu_per_article": (ingest_cpu - startup_cpu + server_cpu) / size,
        "server_cpu": server_before is not None,
        # Time per article between the stamps of the first and last tenth of the stored rows.
        "first_tenth": (stored[tenth] - stored[0]) / tenth,
        "last_tenth": (stored[-1] - stored[-1 - tenth]) / tenth,
        # Merging and ordering the claims once all articles are in (StoryStore.finish).
        "after_last": ended - stored[-1],
    }


def report(runs):
    print(
        f"{'articles':>8} {'MB':>6} {'seconds':>8} {'ms/article':>10} {'CPU ms/art':>10} "
        f"{'first 10%':>10} {'last 10%':>9} {'after last':>10}"
    )
    for run in runs:
        print(
            f"{run['size']:>8} {run['megabytes']:>6.1f} {run['seconds']:>8.1f} "
            f"{1000 * run['per_article']:>10.0f} {1000 * run['cpu_per_article']:>10.0f} "
            f"{1000 * run['first_tenth']:>10.0f} {1000 * run['last_tenth']:>9.0f} "
            f"{run['after_last']:>9.1f}s"
        )
    if not runs[0]["server_cpu"]:
        print("(CPU time: the ingest process only; the server's is not readable from here)")
    smallest, largest = runs[0], runs[-1]
    ratio = largest["per_article"] / smallest["per_article"]
    cpu_ratio = largest["cpu_per_article"] / smallest["cpu_per_article"]
    print(
        f"per-article time, {largest['size']} / {smallest['size']} articles: "
        f"{ratio:.2f} wall, {cpu_ratio:.2f} CPU (target: flat, about 1.0)"
    )
    drift = largest["last_tenth"] / largest["first_tenth"]
    print(f"last / first tenth of the {largest['size']}-article run: {drift:.2f}")


def run_all(server_url, sizes, seed):
    runs = []
    with tempfile.TemporaryDirectory(prefix="newsroom-scale-") as scratch:
        for size in sizes:
            run = measure(server_url, size, seed, Path(scratch))
            print(f"{size} articles: {run['summary']}", flush=True)
            runs.append(run)
    report(runs)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep-cluster", metavar="DIR", help="keep the throwaway cluster in DIR")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if os.environ.get("DATABASE_URL"):
        if not os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
            sys.exit("DATABASE_URL must be a PostgreSQL server's, or unset for a throwaway one")
        run_all(os.environ["DATABASE_URL"], sizes, args.seed)
        return
    with cluster(args.keep_cluster) as server_url:
        run_all(server_url, sizes, args.seed)
    if args.keep_cluster:
        print(
            f"kept: .venv/bin/python bench/load.py --cluster {args.keep_cluster} "
            f"--database {database_name(sizes[-1])}"
        )


if __name__ == "__main__":
    main()
