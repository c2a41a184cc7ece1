"""Fetches one web page or feed safely: http(s) only, public addresses, capped in time and size."""

import dataclasses
import datetime
import importlib.metadata
import ipaddress
import re
import socket
import time
from collections.abc import Collection
from dataclasses import dataclass
from email.message import Message

import httpx
from django.conf import settings
from trafilatura.utils import decode_file

# The media types a web page or a plain text article is served as.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
# The media types RSS and Atom feeds are served as, the generic XML ones included.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)

# Sites see who asks and why; the project has no public address to name yet.
USER_AGENT = f"newsroom/{importlib.metadata.version('newsroom')} (news-story research)"
# A news site answers a connection within seconds; waiting longer only holds up a worker.
CONNECT_SECONDS = 10.0
# Between two chunks of a page; a busy site may pause, a stalled one should not hold a worker.
READ_SECONDS = 20.0
# A page dripped slowly, each chunk within READ_SECONDS, is still given up after this long.
TOTAL_SECONDS = 60.0
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# A 429 asks to come back later; other 4xx answers will not change on a retry.
RETRYABLE_CLIENT_STATUSES = frozenset({429})
# The HTML5 prescan looks for a <meta charset> in a page's first bytes.
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
META_CHARSET_BYTES = 2048


class FetchError(Exception):
    """A URL that could not be fetched; str(error) is "URL: reason"."""

    def __init__(self, url: str, reason: str, *, retryable: bool = False):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retryable = retryable


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page: the address asked for, the one it ended at, and what it served."""

    url: str
    final_url: str
    fetched_at: datetime.datetime
    content: bytes
    content_type: str
    charset: str = ""

    def text(self) -> str:
        """The content decoded by the charset the server or the page's <meta> states, else
        guessed from the bytes."""
        for charset in (self.charset, _meta_charset(self.content)):
            if charset:
                try:
                    return self.content.decode(charset, errors="replace")
                except LookupError:
                    pass
        return decode_file(self.content)


def _meta_charset(content: bytes) -> str:
    match = META_CHARSET.search(content[:META_CHARSET_BYTES])
    return match[1].decode("ascii") if match else ""


# --- Checking addresses -----------------------------------------------------------------------

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_refusal(address: IPAddress, allow_private: bool) -> str:
    """Why a connection to this address is refused, "" if it is not.

    Loopback and private networks serve a developer's or an intranet's pages, so the setting
    may allow them. Link-local (cloud metadata services), multicast, unspecified (0.0.0.0
    reaches this machine) and reserved addresses serve no news page and are always refused.
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    # Loopback first: ::1 also lies in IPv6's reserved ::/8.
    if address.is_loopback:
        return "" if allow_private else f"refused to connect to loopback address {address}"
    for kind, is_kind in (
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
    ):
        if is_kind:
            return f"refused to connect to {kind} address {address}"
    if address.is_private or not address.is_global:
        return "" if allow_private else f"refused to connect to private address {address}"
    return ""


def _resolve(url: str, host: str, port: int) -> list[IPAddress]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(url, f"cannot resolve host {host} ({error})", retryable=True) from None
    addresses = []
    for *_, sockaddr in found:
        # An IPv6 sockaddr may carry a zone ("fe80::1%eth0"); the address is before it.
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def checked_addresses(url: str) -> tuple[httpx.URL, list[IPAddress]]:
    """The parsed URL and the addresses its host resolves to, refusing a URL that is not
    http(s), names a user, or has any address that may not be reached."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(url, "only http:// and https:// addresses can be fetched")
    if not parsed.host:
        raise FetchError(url, "the address names no host")
    if parsed.userinfo:
        raise FetchError(url, "addresses with a user name or password are not fetched")
    host = parsed.raw_host.decode("ascii")
    addresses = _resolve(url, host, parsed.port or (443 if parsed.scheme == "https" else 80))
    if not addresses:
        raise FetchError(url, f"host {host} has no address", retryable=True)
    allow_private = settings.NEWSROOM_FETCH_ALLOW_PRIVATE
    for address in addresses:
        refusal = address_refusal(address, allow_private)
        if refusal:
            raise FetchError(url, refusal)
    return parsed, addresses


# --- Fetching ---------------------------------------------------------------------------------


def fetch(url: str, *, max_bytes: int, accept: Collection[str] = PAGE_TYPES) -> FetchedPage:
    """Fetches a URL, following at most MAX_REDIRECTS redirects, each checked like the first.

    A failure after a redirect names the URL asked for and the address it was sent to. The
    connection goes to the very address that was checked (the URL's host is swapped for
    it, while the Host header and TLS server name stay the host's, so certificates are still
    verified against it): a DNS answer that changes between check and connect cannot send
    the request elsewhere. Proxies from the environment are ignored for the same reason.
    """
    deadline = time.monotonic() + TOTAL_SECONDS
    current = url
    for hop in range(MAX_REDIRECTS + 1):
        try:
            parsed, addresses = checked_addresses(current)
            response_or_location = _get(current, parsed, addresses, max_bytes, accept, deadline)
        except FetchError as error:
            if hop == 0:
                raise
            reason = f"redirected to {error}"
            raise FetchError(url, reason, retryable=error.retryable) from None
        if isinstance(response_or_location, FetchedPage):
            return dataclasses.replace(response_or_location, url=url, final_url=current)
        current = response_or_location
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (the last to {current})")


def _get(
    url: str,
    parsed: httpx.URL,
    addresses: list[IPAddress],
    max_bytes: int,
    accept: Collection[str],
    deadline: float,
) -> FetchedPage | str:
    """One request: the page, or the address a redirect points to."""
    headers = {
        "Host": parsed.netloc.decode("ascii"),
        "User-Agent": USER_AGENT,
        "Accept": ", ".join(sorted(accept)),
    }
    timeout = httpx.Timeout(READ_SECONDS, connect=CONNECT_SECONDS)
    server_name = {"sni_hostname": parsed.raw_host.decode("ascii")}
    last_error: httpx.TransportError | None = None
    for address in addresses:
        pinned = parsed.copy_with(host=str(address), fragment=None)
        # A fresh client for each hop: a pooled connection would carry the last host's TLS.
        with httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False) as client:
            request = client.build_request("GET", pinned, headers=headers, extensions=server_name)
            try:
                response = client.send(request, stream=True)
            except httpx.ConnectError as error:
                last_error = error
                continue
            except httpx.TransportError as error:
                raise _transport_failure(url, error) from None
            try:
                return _read_response(url, response, max_bytes, accept, deadline)
            except httpx.TransportError as error:
                raise _transport_failure(url, error) from None
            finally:
                response.close()
    raise _transport_failure(url, last_error) from None


def _transport_failure(url: str, error: httpx.TransportError | None) -> FetchError:
    if isinstance(error, httpx.TimeoutException):
        return FetchError(url, f"timed out ({type(error).__name__})", retryable=True)
    detail = str(error) or type(error).__name__
    return FetchError(url, f"connection failed ({detail})", retryable=True)


def _read_response(
    url: str, response: httpx.Response, max_bytes: int, accept: Collection[str], deadline: float
) -> FetchedPage | str:
    status = response.status_code
    if status in REDIRECT_STATUSES:
        location = response.headers.get("location", "").strip()
        if not location:
            raise FetchError(url, f"HTTP {status} redirect without a Location header")
        try:
            return str(httpx.URL(url).join(location).copy_with(fragment=None))
        except httpx.InvalidURL as error:
            raise FetchError(url, f"HTTP {status} redirect to a bad address ({error})") from None
    if status >= 400 or status < 200 or status == 204:
        phrase = response.reason_phrase or "error"
        retryable = status >= 500 or status in RETRYABLE_CLIENT_STATUSES
        raise FetchError(url, f"HTTP {status} {phrase}", retryable=retryable)
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    if media_type not in accept:
        served = media_type or "no content type"
        raise FetchError(url, f"served as {served}, not one of {', '.join(sorted(accept))}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"{int(declared):,} bytes is over the {max_bytes:,}-byte limit")
    return FetchedPage(
        url=url,
        final_url=url,
        fetched_at=datetime.datetime.now(datetime.UTC),
        content=_read_capped(url, response, max_bytes, deadline),
        content_type=media_type,
        charset=charset,
    )


def _read_capped(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """The body, decompressed, given up once it passes max_bytes or the deadline."""
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"more than the {max_bytes:,}-byte limit")
        if time.monotonic() > deadline:
            raise FetchError(url, f"took over {TOTAL_SECONDS:.0f} seconds", retryable=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str]:
    """The media type, lower case, and the charset a Content-Type header states."""
    media_type = header.split(";", 1)[0].strip().lower()
    message = Message()
    message["content-type"] = header
    return media_type, message.get_content_charset() or ""
