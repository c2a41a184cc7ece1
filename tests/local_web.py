"""A web site served from 127.0.0.1 inside a test: fetching is tested over HTTP, never mocked."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class LocalSite:
    """The pages a test serves, by path, and the requests the server received.

    `pages[path] = (status, content_type, body_bytes, extra_headers)`; a path not set is a 404.
    An extra header set to None leaves it out: `{"Content-Length": None}` sends a body of
    unstated length, read until the connection closes.
    """

    port: int = 0
    pages: dict[str, tuple[int, str, bytes, dict[str, str | None]]] = field(default_factory=dict)
    # Each request's path and headers, in the order they came.
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8"):
        """Serves `body` at `path` with status 200."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (200, content_type, data, {})

    def redirect(self, path: str, location: str, status: int = 302):
        self.pages[path] = (status, "text/html", b"", {"Location": location})


def _handler_for(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.requests.append((self.path, dict(self.headers.items())))
            status, content_type, body, extra = site.pages.get(
                self.path, (404, "text/plain", b"not found", {})
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            headers = {"Content-Length": str(len(body)), **extra}
            for name, value in headers.items():
                if value is not None:
                    self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            """Quiet: the test output is the tests' own."""

    return Handler


@pytest.fixture
def local_site():
    """A LocalSite served on 127.0.0.1 at a free port for the test, stopped after it."""
    site = LocalSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
