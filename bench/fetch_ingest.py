"""Measure fetching and ingesting web pages with background workers against ingesting the same
texts as files.

    .venv/bin/python bench/fetch_ingest.py [--pages 200] [--postgres]

Writes --pages synthetic articles (bench/corpus.py), wraps each text in a simple HTML page and
serves the pages from a local HTTP server on 127.0.0.1. Then, each on a fresh database:

- files: `manage.py ingest FOLDER` of the text files, in one process (the baseline);
- 1 worker: a job per page queued (`ingest URL… --background`), then one
  `db_worker --batch` process fetches, extracts and ingests them all;
- 2 workers: the same with two `db_worker --batch` processes sharing the queue.

Each figure is the wall time of the processes doing the work, spaCy's start-up included, as
pages per second and as a ratio to the baseline measured in the same run (the machines are
shared and noisy). Queueing the jobs is timed apart. A worker analyses one article at a time
and stores each in its own transaction, where the file ingest parses in batches and stores
with one store for the run, so a ratio below 1 is the cost of working item by item.

The database is SQLite files in a temporary folder, unless --postgres starts a throwaway
PostgreSQL cluster (bench/pg_cluster.py). SQLite has one writer at a time: the two workers
parse in parallel but wait for each other's writes, so PostgreSQL is the honest test of two.
"""

import argparse
import functools
import html
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import write_corpus
from pg_cluster import cluster, fresh_database

PROJECT_DIR = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(PROJECT_DIR / "manage.py")]
STORY = "fetch-bench"


def write_pages(texts_folder, pages_folder):
    """An HTML page for each text file: its first line the headline, each other line a
    paragraph. Returns the page names."""
    pages_folder.mkdir(parents=True, exist_ok=True)
    names = []
    for path in sorted(texts_folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        headline, paragraphs = html.escape(lines[0]), lines[1:]
        body = "\n".join(f"<p>{html.escape(line)}</p>" for line in paragraphs)
        page = (
            f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{headline}</title></head>\n<body><nav><a href='/'>Home</a></nav>\n"
            f"<article><h1>{headline}</h1>\n{body}\n</article>\n"
            "<footer>Copyright, all rights reserved.</footer></body></html>\n"
        )
        name = path.with_suffix(".html").name
        (pages_folder / name).write_text(page, encoding="utf-8")
        names.append(name)
    return names


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(folder):
    """A thread serving `folder` on a free loopback port; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def environment(database_url, tasks):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",
        "NEWSROOM_TASKS": tasks,
        "NEWSROOM_FETCH_ALLOW_PRIVATE": "1",
    }


def manage(env, *arguments):
    result = subprocess.run(
        [*MANAGE, *arguments], env=env, cwd=PROJECT_DIR, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {arguments[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def counts(env):
    """Articles and jobs by status in the bench story, read by a child process."""
    script = (
        "import json; from articles.models import Article, IngestJob; "
        f"jobs = IngestJob.objects.filter(story__slug='{STORY}'); "
        "print(json.dumps({'articles': Article.objects.filter(story__slug="
        f"'{STORY}').count(), 'done': jobs.filter(status='done').count(), "
        "'failed': jobs.filter(status='failed').count()}))"
    )
    return json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])


def ingest_files(database_url, texts_folder):
    env = environment(database_url, "immediate")
    manage(env, "migrate", "--noinput")
    started = time.perf_counter()
    manage(env, "ingest", str(texts_folder), "--story", STORY)
    return {"seconds": time.perf_counter() - started, **counts(env)}


def ingest_by_workers(database_url, urls, workers):
    env = environment(database_url, "database")
    manage(env, "migrate", "--noinput")
    started = time.perf_counter()
    manage(env, "ingest", *urls, "--story", STORY, "--background")
    queued = time.perf_counter() - started
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [*MANAGE, "db_worker", "--batch", "--no-startup-delay", "--interval", "0.2"]
            + ["--worker-id", f"bench-{number}", "--verbosity", "0"],
            env=env,
            cwd=PROJECT_DIR,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(workers)
    ]
    for process in processes:
        _, errors = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"db_worker failed:\n{errors[-3000:]}")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "queue_seconds": queued, **counts(env)}


def run(database_for, pages):
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        texts = scratch / STORY
        size = write_corpus(texts, pages, seed=1)
        names = write_pages(texts, scratch / "pages")
        server, base = serve(scratch / "pages")
        try:
            urls = [base + name for name in names]
            print(f"corpus: {len(names)} articles, {size / 1e6:.2f} MB of text, served at {base}")
            files = ingest_files(database_for("files"), texts)
            one = ingest_by_workers(database_for("one"), urls, 1)
            two = ingest_by_workers(database_for("two"), urls, 2)
        finally:
            server.shutdown()
    report(len(names), files, one, two)


def report(pages, files, one, two):
    def line(label, result, note=""):
        rate = pages / result["seconds"]
        print(
            f"{label:<24} {result['seconds']:7.1f} s  {rate:6.2f} pages/s  "
            f"articles {result['articles']}, jobs done {result.get('done', '-')}, "
            f"failed {result.get('failed', '-')}{note}"
        )

    line("files, 1 process", files)
    line("URLs, 1 worker", one, f"  (queueing: {one['queue_seconds']:.1f} s)")
    line("URLs, 2 workers", two, f"  (queueing: {two['queue_seconds']:.1f} s)")
    print(f"1 worker / files          {files['seconds'] / one['seconds']:6.2f}  (throughput ratio)")
    print(f"2 workers / files         {files['seconds'] / two['seconds']:6.2f}  (throughput ratio)")
    print(f"2 workers / 1 worker      {one['seconds'] / two['seconds']:6.2f}  (scaling)")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument(
        "--postgres", action="store_true", help="a throwaway PostgreSQL cluster, not SQLite"
    )
    args = parser.parse_args()
    if not args.postgres:
        with tempfile.TemporaryDirectory() as databases:
            print("database: SQLite (one writer at a time)")
            run(lambda name: f"sqlite:///{databases}/{name}.sqlite3", args.pages)
        return
    with cluster() as server_url:
        print("database: PostgreSQL (throwaway cluster)")
        run(lambda name: fresh_database(server_url, f"fetch_bench_{name}"), args.pages)


if __name__ == "__main__":
    main()
