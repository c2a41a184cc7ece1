"""Reads a saved or fetched web page: trafilatura finds its main text and metadata, reading.py
cleans that text like any article file."""

import dataclasses
import datetime
import hashlib
import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import trafilatura
from django.utils.text import slugify

from .reading import ArticleText, UnreadableFile, parse_article_text, text_hash

# Query parameters that track a click and never pick the article: the same page bears many.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ref"})
TRACKING_PREFIXES = ("utm_",)
# Long enough to keep two addresses of one site apart, short enough to read.
URL_HASH_CHARS = 10
MAX_SLUG_CHARS = 80
MAX_HOST_CHARS = 60
# htmldate's extensive search takes any year in the text ("since 2019") for a date; the text's
# own date lines are read by reading.py instead, and a page's original date beats its update.
DATE_SEARCH = {"extensive_search": False, "original_date": True}
# On a page without a main text trafilatura falls back to whatever text it has: a menu or a
# caption has fewer words than this below the title, the shortest news brief more.
MIN_MAIN_TEXT_WORDS = 12


def article_from_html(
    html: str,
    *,
    file_name: str,
    url: str = "",
    fetched_at: datetime.datetime | None = None,
    fetched_url: str = "",
) -> ArticleText:
    """The article a page holds: its main text, title first, and the metadata the page states
    (title, author, date, site name, canonical URL, language), the HTML kept as its archive.

    Metadata the page's tags give is preferred; what they lack is read from the text's own
    byline and date lines, as for a text file.
    """
    where = url or fetched_url or file_name
    if "\x00" in html:
        raise UnreadableFile(f"{where}: holds a NUL character, so it is not a web page")
    page_url = fetched_url or url
    document = trafilatura.bare_extraction(
        html,
        url=page_url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_SEARCH,
    )
    main_text = (document.text or "").strip() if document is not None else ""
    if not main_text:
        raise UnreadableFile(f"{where}: the page has no main text to read")
    canonical = document.url or page_url
    facts = {
        "title": document.title or "",
        "author": document.author or "",
        "url": canonical,
        "outlet": _outlet_name(document.sitename or "", canonical),
    }
    raw_text = _with_front_matter(facts, main_text)
    text = parse_article_text(raw_text, file_name)
    below_title = text.body.removeprefix(text.title) if text.title else text.body
    if len(below_title.split()) < MIN_MAIN_TEXT_WORDS:
        raise UnreadableFile(f"{where}: the page has no main text to read")
    published = _iso_date(document.date) or text.published
    return dataclasses.replace(
        text,
        published=published,
        content_hash=text_hash(raw_text),
        language=_language(document.language, html),
        html=html,
        fetched_at=fetched_at,
        fetched_url=fetched_url,
    )


def _with_front_matter(facts: dict[str, str], main_text: str) -> str:
    """The main text under a front matter block of the page's metadata, which reading.py
    prefers to what it reads in the text; JSON strings are valid YAML scalars."""
    lines = [
        f"{key}: {json.dumps(' '.join(value.split()), ensure_ascii=False)}"
        for key, value in facts.items()
        if value.strip()
    ]
    if not lines:
        return main_text
    return "\n".join(["---", *lines, "---", main_text])


def _outlet_name(site_name: str, url: str) -> str:
    """The site's name as the page states it; "" when trafilatura fell back to a domain, so
    that the outlet is named after the domain the store takes from the URL."""
    name = site_name.strip()
    host = _host(url)
    looks_like_domain = "." in name and " " not in name
    if not name or looks_like_domain or name.casefold() == host.split(".")[0]:
        return ""
    return name


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _language(detected: str | None, html: str) -> str:
    """The language trafilatura detected, else the one the page's <html lang> declares."""
    if detected:
        return detected[:20]
    tree = trafilatura.load_html(html)
    declared = tree.get("lang", "") if tree is not None else ""
    return declared.strip().replace("_", "-")[:20]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


# --- File names for addresses -----------------------------------------------------------------


def normalised_url(url: str) -> str:
    """The address with what does not pick the page removed: scheme, "www.", default port,
    fragment, trailing slash, tracking parameters; the remaining query sorted."""
    parts = urlsplit(url.strip())
    host = _host(url.strip()).casefold()
    default_port = {"http": 80, "https": 443}.get(parts.scheme.casefold())
    port = f":{parts.port}" if parts.port and parts.port != default_port else ""
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.casefold() not in TRACKING_PARAMETERS
        and not key.casefold().startswith(TRACKING_PREFIXES)
    )
    path = parts.path.rstrip("/")
    return f"{host}{port}{path}" + (f"?{urlencode(query)}" if query else "")


def file_name_for_url(url: str) -> str:
    """A stable, readable file name for the article at an address: its host, a slug of its
    path and a short hash of the normalised address, so fetching it again finds it."""
    key = normalised_url(url)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:URL_HASH_CHARS]
    host = slugify(_host(url).replace(".", "-"))[:MAX_HOST_CHARS] or "page"
    slug = slugify(urlsplit(url).path.replace("/", " ").replace(".", " "))
    slug = slug[:MAX_SLUG_CHARS].strip("-")
    return "-".join(part for part in (host, slug, digest) if part) + ".html"
