"""Our own annotation of the demo story (tests/gold/) in the shared scorer's gold format, so the
demo is scored with the same figures as the dev sets.

    .venv/bin/python bench/demo_gold.py OUTPUT.json
"""

import json
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEMO_GOLD = PROJECT_DIR / "tests" / "gold" / "biden-zelensky-call.json"
DEMO_DIR = PROJECT_DIR / "data" / "stories" / "biden-zelensky-call"
# The scorer calls a quotation of speech "direct".
QUOTE_KINDS = {"speech": "direct", "scare": "scare"}
CELLS = {frozenset({"repeats"}): "asserts", frozenset({"denies"}): "denies"}


def scorer_gold(ours):
    """The scorer's gold: articles (with the metadata the file itself states), quotes and
    claims. All our claims are the story's main ones, so all are core."""
    files = sorted(ours["files"])
    quotes = [
        {
            "file": file_name,
            "text": quote["text"],
            "speaker": quote["speaker"] or "",
            "kind": QUOTE_KINDS[quote["kind"]],
        }
        for file_name in files
        for quote in ours["files"][file_name]["quotes"]
    ]
    return {
        "schema_version": "articles 1.0",
        "files_dir": str(DEMO_DIR),
        "articles": [
            {"file": file_name, **ours["files"][file_name].get("article", {})}
            for file_name in files
        ],
        "quotes": quotes,
        "claims": [_claim(claim, files) for claim in ours["claims"]],
    }


def _claim(claim, files):
    stances = {}
    for file_name in files:
        evidence = [e for e in claim["evidence"] if e["file"] == file_name]
        seen = frozenset(e["stance"] for e in evidence)
        stances[file_name] = {
            "stance": CELLS.get(seen, "both") if seen else "absent",
            "evidence": [e["sentence"] for e in evidence],
        }
    return {
        "id": claim["id"],
        "canonical": claim["text"],
        "centrality": "core",
        "contested": claim["contested"],
        "stances": stances,
    }


if __name__ == "__main__":
    ours = json.loads(DEMO_GOLD.read_text(encoding="utf-8"))
    Path(sys.argv[1]).write_text(json.dumps(scorer_gold(ours), indent=1), encoding="utf-8")
