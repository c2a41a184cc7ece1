"""Reads an article's closing lines: a reporter's bio, a wire's sign-off ("(Reporting by …)"),
a copyright line, and an aggregator's small print."""

import difflib
import re

from .headers import CAPITAL_LETTER, PERSON_NAME

PERSON_NAME_LINE = re.compile(PERSON_NAME)
JOURNALIST_ROLES = (
    r"reporter|correspondent|writer|editor|journalist|columnist|contributor|producer"
    r"|photographer|photojournalist|freelancer|stringer"
)
BIO_OPENING = re.compile(
    rf"(?P<name>{PERSON_NAME})\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,6}}?(?:{JOURNALIST_ROLES})\b"
)
OUTLET_WORD = rf"{CAPITAL_LETTER}[\w'’&/-]*"
BIO_OUTLET = re.compile(
    rf"\b(?:of|for|at|with)\s+(?P<outlet>{OUTLET_WORD}(?:\s+{OUTLET_WORD}){{0,5}})\.?\s*$"
)
MAX_BIO_CHARS = 600
MAX_NAME_LINE_CHARS = 60
# Bios misspell their own reporter's name now and then ("Catherine" above "Katherine").
MIN_NAME_SIMILARITY = 0.8

SITE_WORD = re.compile(
    r"\b(?:site|website|page|platform|portal|editors?|editorial)\b", re.IGNORECASE
)
CONTENT_WORD = re.compile(r"\b(?:news|articles?|content|posts?|stories|story)\b", re.IGNORECASE)
NOT_SHARING = re.compile(
    r"\bnot\b(?:\s+\w+){0,12}?\s+(?:express|represent|reflect)(?:s|es|ed)?\b", re.IGNORECASE
)
VIEWS_WORD = re.compile(r"\b(?:views?|opinions?|point of view|positions?)\b", re.IGNORECASE)
AUTOMATION_WORD = re.compile(
    r"\b(?:automatic(?:ally)?|programmatic(?:ally)?|machine|algorithm\w*)\b", re.IGNORECASE
)
PUBLISHING_WORD = re.compile(r"\b(?:transmit|translat|aggregat|publish|generat)\w*", re.IGNORECASE)
# Small print is a sentence or two; a longer paragraph is article text that happens to match.
MAX_DISCLAIMER_CHARS = 500

SIGN_OFF = re.compile(
    r"\(\s*(?:Additional\s+)?(?:Reporting|Reported|Writing|Written)\s+by\s+(?P<names>[^;)]+)",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]?\s*)*(?P<name>[^.,;|]{2,80}?)"
    r"(?:\s*(?:[.,;|]|\ball rights\b).*)?",
    re.IGNORECASE,
)
MAX_CREDIT_CHARS = 300
# How far from the bottom a credit may stand.
BOTTOM_LINES = 4


def is_disclaimer(line: str) -> bool:
    """Aggregator small print: the site does not share the views in its news, or posts it unedited.

    It has to speak of the site and its content both, so that a news sentence about somebody
    not sharing somebody's views is kept.
    """
    if len(line) > MAX_DISCLAIMER_CHARS:
        return False
    about_site_content = SITE_WORD.search(line) and CONTENT_WORD.search(line)
    disowns_views = NOT_SHARING.search(line) and VIEWS_WORD.search(line)
    automated = AUTOMATION_WORD.search(line) and PUBLISHING_WORD.search(line)
    return bool(about_site_content and (disowns_views or automated))


def take_bio(lines: list[str]) -> tuple[str, str, list[str]]:
    """Author and outlet from a reporter's bio closing the article, and the lines before it.

    The bio may follow a line holding just the reporter's name; that line's spelling wins.
    """
    if not lines or len(lines[-1]) > MAX_BIO_CHARS:
        return "", "", lines
    opening = BIO_OPENING.match(lines[-1])
    if not opening:
        return "", "", lines
    outlet_match = BIO_OUTLET.search(lines[-1])
    outlet = outlet_match["outlet"] if outlet_match else ""
    if len(lines) >= 2 and _is_name_line_of(lines[-2], opening["name"]):
        return lines[-2], outlet, lines[:-2]
    return opening["name"], outlet, lines[:-1]


def _is_name_line_of(line: str, name: str) -> bool:
    if len(line) > MAX_NAME_LINE_CHARS or not PERSON_NAME_LINE.fullmatch(line):
        return False
    similarity = difflib.SequenceMatcher(None, line.casefold(), name.casefold()).ratio()
    return similarity >= MIN_NAME_SIMILARITY


def read_credits(lines: list[str]) -> tuple[str, str]:
    """The reporters a wire's sign-off names and the owner a copyright line names, at the end."""
    bottom = lines[-BOTTOM_LINES:]
    reporters = [names for line in bottom if (names := read_sign_off(line))]
    owners = [owner for line in bottom if (owner := read_copyright(line))]
    return (reporters[0] if reporters else ""), (owners[-1] if owners else "")


def read_sign_off(line: str) -> str | None:
    """The reporters of a wire's "(Reporting by A and B; Editing by C)" line."""
    match = SIGN_OFF.match(line) if len(line) <= MAX_CREDIT_CHARS else None
    return match["names"].strip() if match else None


def read_copyright(line: str) -> str | None:
    """The owner a "© 2025 Lowtown Media. All rights reserved." line names."""
    match = COPYRIGHT.fullmatch(line) if len(line) <= MAX_CREDIT_CHARS else None
    name = match["name"].strip() if match else ""
    return name if name[:1].isupper() else None
