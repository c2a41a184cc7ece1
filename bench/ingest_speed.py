"""Measure ingestion throughput against spaCy's own, worker scaling, re-runs and peak memory.

    .venv/bin/python bench/ingest_speed.py [--megabytes 2] [--repeat 2]

Every figure is a ratio against a baseline measured in the same run, because the machines are
shared and noisy. Each measurement runs in a fresh process on a throwaway SQLite database (or
on the database in DATABASE_URL when --use-database-url is given). spaCy alone, the one-worker
ingest and the two-worker ingest take turns --repeat times and the fastest of each counts:
other load on the machine only ever slows a run down, so the fastest run is the closest to
the true cost.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEMO_DIR = PROJECT_DIR / "data" / "stories" / "biden-zelensky-call"


def write_corpus(folder, megabytes):
    """Demo files varied so that no two are alike: paragraphs rotated, a numbered update added."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.toml").write_text('title = "Speed test"\n')
    demos = [path.read_text(encoding="utf-8") for path in sorted(DEMO_DIR.glob("*.txt"))]
    written, number = 0, 0
    while written < megabytes * 1_000_000:
        lines = [line for line in demos[number % len(demos)].splitlines() if line.strip()]
        shift = (number // len(demos)) % max(1, len(lines) - 1)
        varied = [lines[0], *lines[1:][shift:], *lines[1:][:shift]]
        varied.append(f"Update {number}: the ministry said it would publish figure {number}.")
        text = "\n".join(varied) + "\n"
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        number += 1
    return number, written


def child(args):
    """One measurement in this process; prints seconds and peak memory as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    from articles.reading import read_article_file
    from claims.analysis.pipeline import ANALYSIS_STAGES
    from claims.ingestion import pipeline

    call_command("migrate", verbosity=0)
    nlp = pipeline()
    files = sorted(Path(args.corpus).glob("*.txt"))
    started = time.perf_counter()
    if args.measure == "spacy":
        bodies = (read_article_file(path, 10**8).body for path in files)
        # spaCy's own stages only: newsroom's analysis is part of what ingestion costs.
        for _ in nlp.pipe(bodies, batch_size=16, disable=ANALYSIS_STAGES):
            pass
    else:
        with open(os.devnull, "w") as quiet:
            call_command("ingest", args.corpus, workers=args.workers, stdout=quiet)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024}))


def measure(corpus, database, measure_what, workers=1):
    env = dict(os.environ)
    if database:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    command = [
        sys.executable,
        __file__,
        "--child",
        "--corpus",
        str(corpus),
        "--measure",
        measure_what,
        "--workers",
        str(workers),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=2, help="turns of spaCy and ingest")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--measure", default="ingest", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument(
        "--use-database-url",
        action="store_true",
        help="ingest into DATABASE_URL (e.g. PostgreSQL) instead of throwaway SQLite files",
    )
    return parser.parse_args()


def database_file(scratch, name, use_database_url):
    """A fresh SQLite file in the scratch folder, or None to ingest into DATABASE_URL."""
    return None if use_database_url else scratch / f"{name}.sqlite3"


def measure_all(args):
    """Write the full and half corpora and run every measurement on them.

    Returns the full corpus's size in bytes and the runs: lists of turns under "spacy", "one"
    and "two" (workers), single runs under "rerun" and "half". On DATABASE_URL, whose database
    cannot be made fresh, "two" stays empty and "half" None.
    """
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        full = scratch / "full" / "speed-test"
        half = scratch / "half" / "speed-test"
        files, size = write_corpus(full, args.megabytes)
        half_files, half_size = write_corpus(half, args.megabytes / 2)

        def database(name):
            return database_file(scratch, name, args.use_database_url)

        print(f"corpus: {files} files, {size / 1e6:.2f} MB (half: {half_files} files)")
        if args.use_database_url:
            print("(worker and memory runs need fresh databases: skipped on DATABASE_URL)")
        runs = {"spacy": [], "one": [], "two": [], "half": None}
        for turn in range(max(1, args.repeat)):
            runs["spacy"].append(measure(full, database(f"spacy{turn}"), "spacy"))
            runs["one"].append(measure(full, database(f"one{turn}"), "ingest", workers=1))
            if not args.use_database_url:
                runs["two"].append(measure(full, database(f"two{turn}"), "ingest", workers=2))
        runs["rerun"] = measure(full, database("one0"), "ingest", workers=1)
        if not args.use_database_url:
            runs["half"] = measure(half, database("half"), "ingest", workers=1)
    return size, runs


def fastest(runs):
    return min(runs, key=lambda run: run["seconds"]) if runs else None


def print_timing(label, run, note):
    print(f"{label:<26} {run['seconds']:7.2f} s  {note}")


def turns(runs):
    return "turns: " + ", ".join(f"{run['seconds']:.1f} s" for run in runs)


def print_report(size, runs):
    """Print each timing with its ratio to the baseline it is judged against, and memory growth."""
    spacy_run, first, two = fastest(runs["spacy"]), fastest(runs["one"]), fastest(runs["two"])
    rerun, half_run = runs["rerun"], runs["half"]
    mb = size / 1e6
    print_timing(
        "spaCy nlp.pipe alone",
        spacy_run,
        f"{mb / spacy_run['seconds']:.3f} MB/s; {turns(runs['spacy'])}",
    )
    print_timing(
        "ingest, 1 worker", first, f"{mb / first['seconds']:.3f} MB/s; {turns(runs['one'])}"
    )
    ratio = spacy_run["seconds"] / first["seconds"]
    print(f"  throughput / spaCy's     {ratio:7.2f}   (target >= 0.85)")
    speedup = first["seconds"] / rerun["seconds"]
    print_timing("re-run, unchanged files", rerun, f"{speedup:.0f}x faster (target >= 50x)")
    if two:
        scaling = first["seconds"] / two["seconds"]
        print_timing(
            "ingest, 2 workers",
            two,
            f"{scaling:.2f}x one worker (target >= 1.6x); {turns(runs['two'])}",
        )
    if half_run:
        growth = first["peak_mib"] / half_run["peak_mib"]
        print(
            f"peak memory: {half_run['peak_mib']:.0f} MiB at half size, "
            f"{first['peak_mib']:.0f} MiB at full size: x{growth:.2f} for x2 the corpus "
            "(flat is x1.00)"
        )


def main():
    args = parse_arguments()
    if args.child:
        return child(args)
    size, runs = measure_all(args)
    print_report(size, runs)


if __name__ == "__main__":
    main()
