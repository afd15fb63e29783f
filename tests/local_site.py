"""A real HTTP server on 127.0.0.1 that serves feeds and pages, for fetch, feed and alert tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    """What one path answers; an ``etag`` or ``last_modified`` enables conditional GET."""

    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering, to exceed the client's timeout
    validators_on_304: bool = True  # some servers answer 304 without repeating ETag / Last-Modified
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0  # seconds between bytes of the status line and headers (a slow server)
    wait_for: str | None = None  # answer only once this other path has been requested


@dataclass
class Site:
    """The routes served and the requests received, shared with the server thread."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    closing: threading.Event = field(default_factory=threading.Event)
    arrived: dict[str, threading.Event] = field(default_factory=dict)

    def arrival(self, path: str) -> threading.Event:
        """Return the event set when ``path`` is first requested."""
        return self.arrived.setdefault(path, threading.Event())

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path`` on this site."""
        return self.base + path

    def hits(self, path: str) -> int:
        """Return how many requests ``path`` received."""
        return sum(1 for p, _ in self.requests if p == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            site.arrival(self.path).set()
            route = site.routes.get(self.path)
            if route is None:
                self._answer(404, b"not found", "text/plain")
                return
            if route.delay:
                site.closing.wait(route.delay)
            if route.wait_for:
                site.arrival(route.wait_for).wait(10)
            if route.drip:
                self._drip(route)
                return
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            ):
                self._answer(304, b"", None, route if route.validators_on_304 else None)
                return
            body = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
            self._answer(route.status, body, route.content_type, route)

        def _drip(self, route: Route) -> None:
            """Send a head of many headers a byte at a time, each byte well inside a read timeout."""
            head = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Slow-%d: %s\r\n" % (n, b"x" * 40) for n in range(50))
            try:
                for byte in head:
                    if site.closing.wait(route.drip):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        def _answer(self, status: int, body: bytes, ctype: str | None, route: Route | None = None) -> None:
            try:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                if route is not None:
                    for name, value in (
                        ("ETag", route.etag),
                        ("Last-Modified", route.last_modified),
                        *route.headers.items(),
                    ):
                        if value:
                            self.send_header(name, value)
                if "Content-Length" not in (route.headers if route else {}):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # keep test output clean

    return Handler


@pytest.fixture(name="site")
def site_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """Serve a fresh, empty site on 127.0.0.1 for one test, and allow fetching from it."""
    monkeypatch.setenv("ALLOW_PRIVATE_FETCH", "true")  # the setting for intranets, and tests
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    server.block_on_close = False
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    state.closing.set()
    server.shutdown()
    server.server_close()


ARTICLE_PAGE = """<!doctype html>
<html><head><title>Ministers agree on winter aid for Ukraine</title>
<meta property="article:published_time" content="2026-02-03">
<script>var tracking = "menu-script-should-vanish";</script>
<style>.nav { color: red }</style></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<main><article>
<h1>Ministers agree on winter aid for Ukraine</h1>
<p>Foreign ministers of the Nordic countries met in Oslo on Tuesday to discuss support for
Ukraine during the coming winter. The host said the talks had been frank and useful.</p>
<p>Norway pledged 200 million euros for energy repairs, and Finland said it was ready to send
two more air defence systems before the end of March.</p>
<p>"We will stand with Ukraine for as long as it takes," the Norwegian minister told reporters
after the meeting, adding that the aid would arrive within weeks.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Celebrity gossip of the week</a></li></ul></aside>
<footer><p>Copyright 2026 Example News Corporation. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
<script>document.write("footer-script-should-vanish");</script>
</body></html>
"""


def rss(*items: tuple[str, str, str], title: str = "Example news") -> str:
    """Return an RSS 2.0 feed of ``(guid, link, title)`` items."""
    body = "".join(
        f"<item><guid>{guid}</guid><link>{link}</link><title>{name}</title>"
        f"<pubDate>Tue, 03 Feb 2026 10:00:00 GMT</pubDate></item>"
        for guid, link, name in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.org/</link><description>news</description>{body}</channel></rss>"
    )


def atom(*items: tuple[str, str, str], title: str = "Example atom") -> str:
    """Return an Atom feed of ``(id, link, title)`` entries."""
    body = "".join(
        f'<entry><id>{ident}</id><link href="{link}"/><title>{name}</title>'
        f"<updated>2026-02-04T09:00:00Z</updated></entry>"
        for ident, link, name in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:example</id><updated>2026-02-04T09:00:00Z</updated>{body}</feed>"
    )
