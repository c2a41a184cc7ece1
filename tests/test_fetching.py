"""Fetching pages over real HTTP from a local site: redirects, limits, types, refused addresses."""

import ipaddress
import socket

import pytest

from articles.fetching import (
    FEED_TYPES,
    MAX_REDIRECTS,
    USER_AGENT,
    FetchError,
    address_refusal,
    checked_addresses,
    fetch,
)

PAGE = "<html><head><title>Hello</title></head><body><p>Bonjour à tous.</p></body></html>"
LIMIT = 100_000


@pytest.fixture
def private_allowed(settings):
    """The local site is on 127.0.0.1: these tests allow loopback addresses, as a developer may."""
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = True


@pytest.fixture
def private_refused(settings):
    settings.NEWSROOM_FETCH_ALLOW_PRIVATE = False


def test_a_page_is_fetched_with_its_type_charset_and_time(private_allowed, local_site):
    local_site.page("/story", PAGE)
    page = fetch(local_site.url("/story"), max_bytes=LIMIT)
    assert page.url == page.final_url == local_site.url("/story")
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.text() == PAGE
    assert page.fetched_at.tzinfo is not None


def test_a_page_without_a_charset_is_decoded_by_its_meta_tag(private_allowed, local_site):
    html = '<html><head><meta charset="windows-1252"></head><body><p>café</p></body></html>'
    local_site.page("/old", html.encode("cp1252"), content_type="text/html")
    page = fetch(local_site.url("/old"), max_bytes=LIMIT)
    assert page.charset == ""
    assert "café" in page.text()


def test_the_server_sees_the_projects_user_agent(private_allowed, local_site):
    local_site.page("/story", PAGE)
    fetch(local_site.url("/story"), max_bytes=LIMIT)
    path, headers = local_site.requests[-1]
    assert path == "/story"
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("newsroom/")
    assert "news-story research" in USER_AGENT
    assert headers["Host"] == f"127.0.0.1:{local_site.port}"


def test_a_redirected_page_keeps_the_address_it_ended_at(private_allowed, local_site):
    local_site.redirect("/short", "/moved")
    local_site.redirect("/moved", local_site.url("/news/story#top"), status=301)
    local_site.page("/news/story", PAGE)
    page = fetch(local_site.url("/short"), max_bytes=LIMIT)
    assert page.url == local_site.url("/short")
    assert page.final_url == local_site.url("/news/story")
    assert [path for path, _ in local_site.requests] == ["/short", "/moved", "/news/story"]


def test_five_redirects_are_followed(private_allowed, local_site):
    for hop in range(MAX_REDIRECTS):
        local_site.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    local_site.page(f"/hop{MAX_REDIRECTS}", PAGE)
    page = fetch(local_site.url("/hop0"), max_bytes=LIMIT)
    assert page.final_url == local_site.url(f"/hop{MAX_REDIRECTS}")


def test_more_than_five_redirects_are_refused(private_allowed, local_site):
    for hop in range(MAX_REDIRECTS + 1):
        local_site.redirect(f"/loop{hop}", f"/loop{hop + 1}")
    local_site.page(f"/loop{MAX_REDIRECTS + 1}", PAGE)
    with pytest.raises(FetchError) as refused:
        fetch(local_site.url("/loop0"), max_bytes=LIMIT)
    assert str(refused.value).startswith(local_site.url("/loop0") + ": more than 5 redirects")
    assert refused.value.retryable is False
    assert f"/loop{MAX_REDIRECTS + 1}" not in [path for path, _ in local_site.requests]


def test_a_page_stated_too_big_is_refused_before_reading(private_allowed, local_site):
    local_site.pages["/huge"] = (200, "text/html", b"<p>small</p>", {"Content-Length": "900000"})
    with pytest.raises(FetchError) as refused:
        fetch(local_site.url("/huge"), max_bytes=LIMIT)
    assert refused.value.reason == "900,000 bytes is over the 100,000-byte limit"
    assert refused.value.retryable is False


def test_a_page_growing_too_big_unannounced_is_refused(private_allowed, local_site):
    body = b"<p>" + b"x" * (LIMIT * 2) + b"</p>"
    local_site.pages["/stream"] = (200, "text/html", body, {"Content-Length": None})
    with pytest.raises(FetchError) as refused:
        fetch(local_site.url("/stream"), max_bytes=LIMIT)
    assert refused.value.reason == "more than the 100,000-byte limit"
    assert refused.value.url == local_site.url("/stream")


@pytest.mark.parametrize("served", ["image/png", "application/pdf", "application/octet-stream"])
def test_a_page_of_the_wrong_type_is_refused_naming_it(private_allowed, local_site, served):
    local_site.page("/file", b"%PDF-1.4 not a page", content_type=served)
    with pytest.raises(FetchError) as refused:
        fetch(local_site.url("/file"), max_bytes=LIMIT)
    assert refused.value.reason.startswith(f"served as {served}, not one of ")
    assert refused.value.retryable is False


def test_a_feed_is_accepted_only_when_feed_types_are_asked_for(private_allowed, local_site):
    local_site.page("/feed.xml", "<rss version='2.0'></rss>", content_type="application/rss+xml")
    assert fetch(local_site.url("/feed.xml"), max_bytes=LIMIT, accept=FEED_TYPES).content
    with pytest.raises(FetchError):
        fetch(local_site.url("/feed.xml"), max_bytes=LIMIT)


def test_server_errors_are_retryable_and_missing_pages_are_not(private_allowed, local_site):
    local_site.pages["/busy"] = (503, "text/html", b"busy", {})
    local_site.pages["/slow-down"] = (429, "text/html", b"wait", {})
    with pytest.raises(FetchError) as busy:
        fetch(local_site.url("/busy"), max_bytes=LIMIT)
    with pytest.raises(FetchError) as slow_down:
        fetch(local_site.url("/slow-down"), max_bytes=LIMIT)
    with pytest.raises(FetchError) as missing:
        fetch(local_site.url("/gone"), max_bytes=LIMIT)
    assert str(busy.value) == f"{local_site.url('/busy')}: HTTP 503 Service Unavailable"
    assert busy.value.retryable is True
    assert slow_down.value.retryable is True
    assert str(missing.value) == f"{local_site.url('/gone')}: HTTP 404 Not Found"
    assert missing.value.retryable is False


def test_a_closed_port_is_a_retryable_connection_failure(private_allowed):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}/"
    with pytest.raises(FetchError) as failed:
        fetch(url, max_bytes=LIMIT)
    assert failed.value.url == url
    assert failed.value.reason.startswith("connection failed")
    assert failed.value.retryable is True


@pytest.mark.parametrize(
    "url, reason",
    [
        ("ftp://files.example/story.html", "only http:// and https:// addresses can be fetched"),
        ("file:///etc/passwd", "only http:// and https:// addresses can be fetched"),
        ("http://", "the address names no host"),
        ("http://reader:secret@news.example/", "addresses with a user name or password"),
    ],
)
def test_a_bad_address_is_refused_naming_it(private_refused, url, reason):
    with pytest.raises(FetchError) as refused:
        fetch(url, max_bytes=LIMIT)
    assert str(refused.value).startswith(f"{url}: {reason}")
    assert refused.value.retryable is False


def test_loopback_is_refused_when_private_addresses_are_not_allowed(private_refused, local_site):
    local_site.page("/story", PAGE)
    url = local_site.url("/story")
    with pytest.raises(FetchError) as refused:
        fetch(url, max_bytes=LIMIT)
    assert str(refused.value) == f"{url}: refused to connect to loopback address 127.0.0.1"
    assert refused.value.retryable is False
    assert local_site.requests == []


def test_a_host_name_is_checked_by_the_addresses_it_resolves_to(private_refused):
    with pytest.raises(FetchError) as refused:
        fetch("http://localhost:8000/", max_bytes=LIMIT)
    assert "refused to connect to loopback address" in refused.value.reason


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:8000/", "http://[ff02::1]/"],
)
def test_a_redirect_to_a_never_allowed_address_is_refused_before_connecting(
    private_allowed, local_site, target
):
    local_site.redirect("/innocent", target)
    with pytest.raises(FetchError) as refused:
        fetch(local_site.url("/innocent"), max_bytes=LIMIT)
    assert str(refused.value).startswith(f"{local_site.url('/innocent')}: redirected to {target}: ")
    assert "refused to connect to" in refused.value.reason
    assert refused.value.retryable is False


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://10.0.0.1/story", "private"),
        ("http://192.168.1.20/", "private"),
        ("http://127.0.0.1:8000/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[fd00::5]/", "private"),
        ("http://169.254.169.254/", "link-local"),
        ("http://2130706433/", "loopback"),
    ],
)
def test_each_hop_is_refused_a_private_address_without_connecting(private_refused, url, kind):
    """What fetch checks for the first address and for every redirect target alike."""
    with pytest.raises(FetchError) as refused:
        checked_addresses(url)
    assert refused.value.url == url
    assert f"refused to connect to {kind} address" in refused.value.reason


@pytest.mark.parametrize(
    "address, allowed, refused",
    [
        ("93.184.216.34", True, True),
        ("2606:2800:220:1::1", True, True),
        ("127.0.0.1", True, False),
        ("10.1.2.3", True, False),
        ("::ffff:10.1.2.3", True, False),
        ("100.64.0.1", True, False),
        ("169.254.169.254", False, False),
        ("fe80::1", False, False),
        ("0.0.0.0", False, False),
        ("224.0.0.1", False, False),
        ("240.0.0.1", False, False),
    ],
)
def test_which_addresses_the_setting_may_allow(address, allowed, refused):
    ip = ipaddress.ip_address(address)
    assert (address_refusal(ip, allow_private=True) == "") is allowed
    assert (address_refusal(ip, allow_private=False) == "") is refused
