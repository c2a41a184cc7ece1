"""Write a synthetic story: N plain-text articles from many outlets, and its story.toml.

    .venv/bin/python bench/corpus.py OUT_DIR --articles N [--seed S]

Everything comes from the templates in corpus_vocabulary.py and corpus_claims.py, composed
by corpus_articles.py: an invented dam failure in an invented country, told by invented
outlets and people. The same seed always gives the same files. About fifty claims recur
across the articles in varied wording, repeated by some outlets and denied by others; some
articles are near-copies of earlier ones with words swapped for synonyms, as machine
translation and article spinners do.
"""

import argparse
import datetime
import random
from pathlib import Path

from corpus_articles import (
    article_text,
    report_sentence,
    slug_of,
    spun,
    spun_headline,
    write_paragraphs,
)
from corpus_claims import build_claims, claim_weights
from corpus_vocabulary import OUTLETS

# What other benches import from here: write_corpus, and for bench/incremental.py the pieces
# it writes one extra article with.
__all__ = ["OUTLETS", "build_claims", "report_sentence", "slug_of", "write_corpus"]

STORY_TITLE = "The Vellmar Dam failure"
STORY_DESCRIPTION = (
    "The Vellmar Dam above Brennick gave way after heavy rain; outlets report who was warned, "
    "who delayed the evacuation and who was paid for repairs never made, and officials deny it."
)
FIRST_DAY = datetime.date(2025, 3, 3)
STORY_DAYS = 60
MIN_BYTES, MAX_BYTES = 2000, 4800
COPY_SHARE = 0.15


def write_corpus(folder, articles, seed):
    """Writes `articles` files and story.toml into `folder`; returns the bytes written."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.toml").write_text(
        f'title = "{STORY_TITLE}"\ndescription = "{STORY_DESCRIPTION}"\n', encoding="utf-8"
    )
    claims = build_claims()
    rng.shuffle(claims)
    weights = claim_weights(claims)
    papers = [outlet for outlet in OUTLETS if outlet[2] == "paper"]
    written_articles = []
    total = 0
    for number in range(articles):
        # Publication dates move forward through the story with some spread.
        day = FIRST_DAY + datetime.timedelta(
            days=min(STORY_DAYS, int(STORY_DAYS * number / max(1, articles)) + rng.randint(0, 3))
        )
        copying = written_articles and rng.random() < COPY_SHARE
        if copying:
            headline, paragraphs = rng.choice(written_articles[-200:])
            outlet = rng.choice(OUTLETS)
            paragraphs = spun(rng, paragraphs)
            headline = spun_headline(rng, headline)
        else:
            outlet = rng.choice(papers)
            size = rng.randint(MIN_BYTES, MAX_BYTES)
            paragraphs, headline = write_paragraphs(rng, claims, weights, outlet[0], size)
            written_articles.append((headline, paragraphs))
        text = article_text(rng, headline, paragraphs, outlet, day, number)
        path = folder / f"{number:05d}-{slug_of(outlet[0])}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", help="folder to write into (its name is the story's slug)")
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = write_corpus(args.out_dir, args.articles, args.seed)
    print(f"{args.articles} articles, {total / 1e6:.2f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
