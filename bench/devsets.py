"""Score the pipeline on the demo and the independent dev sets with the shared scorer.

The demo story (scored against our own annotation in tests/gold/, converted by demo_gold.py)
and each dev set in ../shared/devsets/ (or only the folders given) is ingested into a throwaway
SQLite database as its own story, its four tables are exported, and ../shared/tools/score.py
reports on them, every figure it prints. The dev sets are for measuring: fix the general cause
of an error, never its phrase.

    .venv/bin/python bench/devsets.py [DEVSET_DIR ...] [--verbose]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from demo_gold import DEMO_DIR, DEMO_GOLD, scorer_gold

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_DIR.parent / "shared"
SCORER = SHARED_DIR / "tools" / "score.py"
TABLES = ("articles", "quotes", "claims", "mentions")


def score(name, articles, gold, verbose):
    """Ingest one story's `articles` folder into a fresh database and print the scorer's
    report against the `gold` file."""
    with tempfile.TemporaryDirectory() as work:
        environment = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{work}/devset.sqlite3",
            "DJANGO_DEBUG": "1",
        }

        def manage(*arguments):
            subprocess.run(
                [sys.executable, "manage.py", *arguments],
                cwd=PROJECT_DIR,
                env=environment,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        manage("migrate", "--verbosity", "0")
        manage("ingest", str(articles), "--story", name)
        for table in TABLES:
            manage("export_csv", table, "--story", name, "--output", f"{work}/{table}.csv")
        command = [sys.executable, str(SCORER), "--gold", str(gold)]
        command += ["--export", work] + (["--verbose"] if verbose else [])
        print(f"== {name}", flush=True)
        subprocess.run(command, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devsets", nargs="*", type=Path, help="dev set folders (default: all)")
    parser.add_argument("--verbose", action="store_true", help="list every error the scorer sees")
    options = parser.parse_args()
    if not options.devsets:
        with tempfile.TemporaryDirectory() as work:
            gold = Path(work) / "demo-gold.json"
            ours = json.loads(DEMO_GOLD.read_text(encoding="utf-8"))
            gold.write_text(json.dumps(scorer_gold(ours)), encoding="utf-8")
            score("demo", DEMO_DIR, gold, options.verbose)
    devsets = options.devsets or sorted(p for p in (SHARED_DIR / "devsets").iterdir() if p.is_dir())
    for devset in devsets:
        score(devset.name, devset / "articles", devset / "gold.json", options.verbose)


if __name__ == "__main__":
    main()
