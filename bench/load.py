"""Serve a large story with gunicorn and measure each page's latency under concurrent load.

    .venv/bin/python bench/load.py [--articles 5000] [--seconds 60] [--connections 50]
    .venv/bin/python bench/load.py --cluster DIR --database NAME   # a cluster kept by scale.py
    .venv/bin/python bench/load.py --database-url postgres://...   # a database holding a story

Needs locust: .venv/bin/pip install -c requirements/constraints.txt -r requirements/bench.txt

Without a database it starts a throwaway PostgreSQL cluster and ingests --articles synthetic
articles (bench/corpus.py) first. The app runs as in production (debug off, two gunicorn sync
workers) but over plain HTTP on 127.0.0.1. Locust keeps --connections users busy for --seconds
on five pages in equal shares: the story timeline, a claim's evidence fragment (htmx), an
article reader, the CSV export of all mentions, and the admin login page as a trivial baseline.
It prints requests, errors, p50 and p95 per page, and the timeline's p95 over the baseline's
(target < 4) and the total errors (target 0). Before the load it times each page alone, and
measures the workers' memory before and after one full download of the mentions CSV, which
is streamed, so memory should stay flat.
"""

import argparse
import contextlib
import csv
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg
from corpus import write_corpus
from pg_cluster import cluster, database_url, free_port, fresh_database, stop_on_sigterm

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PAGES = ["timeline", "claim fragment", "article reader", "mentions.csv", "trivial (admin login)"]
ALONE_REQUESTS = 10

# The locust users: each keeps requesting one of the five pages, in equal shares, no pause.
LOCUSTFILE = """
import json
import os
import random

from locust import FastHttpUser, constant, task

TARGETS = json.loads(open(os.environ["BENCH_TARGETS"]).read())
STORY = "/stories/" + TARGETS["slug"]


class Reader(FastHttpUser):
    wait_time = constant(0)
    # Big enough for the mentions CSV: it is read to the end, not kept.
    network_timeout = 120.0
    connection_timeout = 120.0

    @task
    def timeline(self):
        self.client.get(STORY + "/", name="timeline")

    @task
    def claim_fragment(self):
        claim = random.choice(TARGETS["claims"])
        self.client.get(
            f"{STORY}/claims/{claim}/", headers={"HX-Request": "true"}, name="claim fragment"
        )

    @task
    def article_reader(self):
        article = random.choice(TARGETS["articles"])
        self.client.get(f"{STORY}/articles/{article}/", name="article reader")

    @task
    def mentions_csv(self):
        self.client.get(STORY + "/export/mentions.csv", name="mentions.csv")

    @task
    def trivial(self):
        self.client.get("/admin/login/", name="trivial (admin login)")
"""

# The production settings with STATIC_ROOT moved to the scratch folder, which the environment
# cannot set, so that collectstatic writes nothing into the project.
SETTINGS_SHIM = """
import os

from newsroom.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
"""


def server_env(url, scratch):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_DEBUG"}
    env.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": f"{scratch}{os.pathsep}{PROJECT_DIR}",
            "BENCH_STATIC_ROOT": str(scratch / "static"),
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on the loopback: no redirect to HTTPS, no HSTS, cookies over HTTP.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
        }
    )
    return env


def manage(env, *arguments):
    result = subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), *arguments],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {arguments[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def ingest_story(server_url, articles, scratch):
    """A fresh database holding `articles` synthetic articles; returns its URL."""
    url = fresh_database(server_url, "newsroom_load")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    corpus = scratch / "corpus" / "vellmar-dam"
    write_corpus(corpus, articles, seed=1)
    manage(env, "migrate", "--noinput")
    print(f"ingesting {articles} articles (not measured) ...", flush=True)
    # Two workers: this ingest only prepares the data.
    print(manage(env, "ingest", str(corpus), "--workers", "2").strip().splitlines()[-1])
    return url


def find_targets(url):
    """The story with the most articles, its claim and article ids, and its largest claim."""
    with psycopg.connect(url) as connection:
        story_id, slug = connection.execute(
            "SELECT s.id, s.slug FROM articles_story s JOIN articles_article a ON a.story_id = s.id"
            " GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        claims = connection.execute(
            "SELECT c.id, count(m.id) FROM claims_claim c"
            " LEFT JOIN claims_mention m ON m.claim_id = c.id"
            " WHERE c.story_id = %s GROUP BY c.id ORDER BY count(m.id) DESC, c.id",
            [story_id],
        ).fetchall()
        articles = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM articles_article WHERE story_id = %s ORDER BY id", [story_id]
            )
        ]
        mentions = connection.execute(
            "SELECT count(*) FROM claims_mention m JOIN claims_claim c ON m.claim_id = c.id"
            " WHERE c.story_id = %s",
            [story_id],
        ).fetchone()[0]
    return {
        "slug": slug,
        "claims": [claim_id for claim_id, _ in claims],
        "articles": articles,
        "largest_claim": claims[0],
        "mentions": mentions,
    }


@contextlib.contextmanager
def gunicorn(env, port, log_path):
    """Yields the gunicorn master process once the site answers; stops it at exit."""
    log = open(log_path, "w")  # noqa: SIM115 (closed in the finally below)
    server = subprocess.Popen(
        [VENV_BIN / "gunicorn", "newsroom.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        cwd=PROJECT_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(f"http://127.0.0.1:{port}/admin/login/")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    tail = Path(log_path).read_text()[-3000:]
                    raise RuntimeError(f"gunicorn did not start:\n{tail}") from None
                time.sleep(0.5)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def fetch(url, headers=None):
    """Reads a page to its end in 64 KiB chunks; returns its size in bytes."""
    request = urllib.request.Request(url, headers=headers or {})
    size = 0
    with urllib.request.urlopen(request, timeout=300) as response:
        while chunk := response.read(65536):
            size += len(chunk)
    return size


def worker_pids(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text()
    return [int(pid) for pid in children.split()]


def worker_memory(master):
    """Each worker's current and peak resident memory, in MiB."""
    memory = []
    for pid in worker_pids(master):
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        memory.append(
            (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)
        )
    return memory


def peaks(master):
    return ", ".join(f"{peak:.0f}" for _, peak in worker_memory(master))


def server_errors(log):
    """How often each exception ended a traceback in the server's log."""
    errors = {}
    lines = log.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("Traceback"):
            ending = next((later for later in lines[index + 1 :] if not later.startswith(" ")), "")
            errors[ending[:200]] = errors.get(ending[:200], 0) + 1
    return errors


def page_urls(base, targets, rng):
    """One URL (and headers) per page, the claim and article picked at random."""
    story = f"{base}/stories/{targets['slug']}"
    return {
        "timeline": (f"{story}/", {}),
        "claim fragment": (
            f"{story}/claims/{rng.choice(targets['claims'])}/",
            {"HX-Request": "true"},
        ),
        "article reader": (f"{story}/articles/{rng.choice(targets['articles'])}/", {}),
        "mentions.csv": (f"{story}/export/mentions.csv", {}),
        "trivial (admin login)": (f"{base}/admin/login/", {}),
    }


def time_alone(base, targets):
    """Median milliseconds and size of each page requested alone, one request at a time."""
    rng = random.Random(1)
    timings = {page: [] for page in PAGES}
    sizes = {}
    for _ in range(ALONE_REQUESTS):
        for page, (url, headers) in page_urls(base, targets, rng).items():
            started = time.perf_counter()
            sizes[page] = fetch(url, headers)
            timings[page].append(1000 * (time.perf_counter() - started))
    largest_id, largest_mentions = targets["largest_claim"]
    url = f"{base}/stories/{targets['slug']}/claims/{largest_id}/"
    largest = []
    for _ in range(3):
        started = time.perf_counter()
        sizes["largest claim fragment"] = fetch(url, {"HX-Request": "true"})
        largest.append(1000 * (time.perf_counter() - started))
    print(f"\neach page alone (median of {ALONE_REQUESTS}, one request at a time):")
    medians = {page: statistics.median(values) for page, values in timings.items()}
    medians["largest claim fragment"] = statistics.median(largest)
    for page, median in medians.items():
        print(f"  {page:<24} {median:8.0f} ms  {sizes[page] / 1024:9.0f} KiB")
    print(f"  (largest claim fragment: claim {largest_id}, {largest_mentions} mentions)")
    trivial = medians["trivial (admin login)"]
    print(f"  timeline / trivial, alone: {medians['timeline'] / trivial:.1f}")


def measure_export_memory(base, targets, master):
    export = f"{base}/stories/{targets['slug']}/export/mentions.csv"
    # The export's code is loaded on first use: a few filtered, near-empty exports load it
    # into both workers, so that what grows below is what the rows cost.
    for _ in range(4):
        fetch(f"{export}?q=no-such-words-anywhere")
    before = worker_memory(master)
    started = time.perf_counter()
    size = fetch(export)
    seconds = time.perf_counter() - started
    after = worker_memory(master)

    def shown(memory):
        return ", ".join(f"{rss:.0f} (peak {peak:.0f})" for rss, peak in memory)

    print(f"\nmentions CSV: {size / 1e6:.1f} MB in {seconds:.1f} s")
    print(f"  worker RSS MiB before: {shown(before)}")
    print(f"  worker RSS MiB after:  {shown(after)}")
    growth = max(a[1] - b[1] for a, b in zip(after, before, strict=True))
    print(f"  peak grew by {growth:.0f} MiB for a {size / 1e6:.0f} MB download (flat is ~0)")


def run_locust(base, targets, scratch, seconds, connections):
    (scratch / "locustfile.py").write_text(LOCUSTFILE)
    (scratch / "targets.json").write_text(json.dumps(targets))
    command = [
        VENV_BIN / "locust",
        "-f",
        scratch / "locustfile.py",
        "--headless",
        "--host",
        base,
        "--users",
        str(connections),
        "--spawn-rate",
        str(connections),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "30",
        "--csv",
        scratch / "load",
        "--only-summary",
    ]
    env = {**os.environ, "BENCH_TARGETS": str(scratch / "targets.json")}
    print(f"\nlocust: {connections} users for {seconds} s ...", flush=True)
    # Locust exits 1 when any request failed; the table below reports the failures.
    with open(scratch / "locust.log", "w") as log:
        subprocess.run(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=seconds + 120
        )
    with open(scratch / "load_stats.csv", newline="") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    print(f"{'page':<24} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for page in [*PAGES, "Aggregated"]:
        row = rows.get(page)
        if row:
            print(
                f"{page:<24} {row['Request Count']:>8} {row['Failure Count']:>6} "
                f"{row['50%']:>7} {row['95%']:>7}"
            )
    ratio = float(rows["timeline"]["95%"]) / float(rows["trivial (admin login)"]["95%"])
    errors = int(rows["Aggregated"]["Failure Count"])
    print(f"timeline p95 / trivial p95: {ratio:.2f} (target < 4)")
    print(f"errors: {errors} (target 0)")
    if errors:
        log = (scratch / "locust.log").read_text()
        start = log.find("Error report")
        print(log[start:].strip() if start >= 0 else log[-3000:])


def bench(url, args, scratch):
    targets = find_targets(url)
    print(
        f"story {targets['slug']}: {len(targets['articles'])} articles, "
        f"{len(targets['claims'])} claims, {targets['mentions']} mentions"
    )
    (scratch / "bench_settings.py").write_text(SETTINGS_SHIM)
    env = server_env(url, scratch)
    manage(env, "collectstatic", "--noinput")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with gunicorn(env, port, scratch / "gunicorn.log") as master:
        # First, while the workers hold only what start-up and the login page gave them.
        measure_export_memory(base, targets, master)
        time_alone(base, targets)
        print(f"  worker peak RSS after these: {peaks(master)} MiB")
        run_locust(base, targets, scratch, args.seconds, args.connections)
        print(f"worker peak RSS after the load: {peaks(master)} MiB")
    log = (scratch / "gunicorn.log").read_text()
    print(
        f"gunicorn workers killed for taking over 30 s on a request: {log.count('WORKER TIMEOUT')}"
    )
    for error, count in server_errors(log).items():
        print(f"  server error x{count}: {error}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000, help="articles to ingest first")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--database-url", help="serve this database instead of a new one")
    parser.add_argument("--cluster", metavar="DIR", help="start the cluster kept in DIR")
    parser.add_argument("--database", help="with --cluster: the database to serve")
    args = parser.parse_args()
    if not (VENV_BIN / "locust").exists():
        sys.exit(
            "locust is missing: "
            ".venv/bin/pip install -c requirements/constraints.txt -r requirements/bench.txt"
        )
    if args.cluster and not args.database:
        parser.error("--cluster needs --database")
    scratch = Path(tempfile.mkdtemp(prefix="newsroom-load-"))
    try:
        with stop_on_sigterm():
            if args.database_url:
                bench(args.database_url, args, scratch)
                return
            with cluster(args.cluster) as server_url:
                if args.cluster:
                    url = database_url(server_url, args.database)
                else:
                    url = ingest_story(server_url, args.articles, scratch)
                bench(url, args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
