"""What the browser tests share: the demo story's place, its address, and page checks."""

import os
import pathlib

# Playwright's sync API keeps an event loop running in the test thread, and Django refuses
# database work in such a thread unless told it is safe; here nothing else touches the loop.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEMO = ROOT / "data/stories/biden-zelensky-call"
SLUG = "biden-zelensky-call"
SCREENSHOTS = ROOT / "docs/screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def story_url(live_server, path=""):
    """The address of a page of the demo story: its timeline, or `path` below it."""
    return f"{live_server.url}/stories/{SLUG}/{path}"


def has_no_sideways_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
