"""Locust users of bench/load.py: a story's pages in equal shares, no pause between requests.

PageReader requests the pages only; PageAndCsvReader the same pages and the mentions CSV.
BENCH_TARGETS names the JSON file of the story's slug, claim, article and outlet ids.
"""

import json
import os
import random
from pathlib import Path

from locust import FastHttpUser, constant, task

TARGETS = json.loads(Path(os.environ["BENCH_TARGETS"]).read_text())
STORY = f"/stories/{TARGETS['slug']}"
FRAGMENT = {"HX-Request": "true"}


class PageReader(FastHttpUser):
    """Timeline, claim fragment, article reader, outlet page, matrix and the trivial page."""

    wait_time = constant(0)
    # Long enough for the mentions CSV, which a user reads to its end.
    network_timeout = 120.0
    connection_timeout = 120.0

    def page(self, path, name, headers=None):
        # Only a 200 counts: a redirect, a 404 or a 500 is an error, never a quick success.
        with self.client.get(
            path, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code == 200:
                response.success()
            else:
                response.failure(f"HTTP {response.status_code}")

    @task
    def timeline(self):
        self.page(f"{STORY}/", "timeline")

    @task
    def claim_fragment(self):
        claim = random.choice(TARGETS["claims"])
        self.page(f"{STORY}/claims/{claim}/", "claim fragment", FRAGMENT)

    @task
    def article_reader(self):
        article = random.choice(TARGETS["articles"])
        self.page(f"{STORY}/articles/{article}/", "article reader")

    @task
    def outlet_page(self):
        source = random.choice(TARGETS["sources"])
        self.page(f"{STORY}/sources/{source}/", "outlet page")

    @task
    def matrix(self):
        self.page(f"{STORY}/matrix/", "matrix")

    @task
    def trivial(self):
        self.page("/admin/login/", "trivial (admin login)")


class PageAndCsvReader(PageReader):
    """The same pages and, in an equal share, the CSV of all the story's mentions."""

    @task
    def mentions_csv(self):
        self.page(f"{STORY}/export/mentions.csv", "mentions.csv")
