"""Fetching URLs from a real server on 127.0.0.1: limits, validators, errors, article text."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.errors import FetchError
from bot.ingest import guard
from bot.ingest.fetch import USER_AGENT, FetchLimits, check_url, fetch, fetch_document, is_private_host
from tests.local_site import ARTICLE_PAGE, Route, Site, site_fixture  # noqa: F401 - the site fixture

FAST = FetchLimits(connect_timeout=2, read_timeout=0.5, max_bytes=10_000, allow_private=True)


def test_fetch_sends_user_agent_and_returns_validators(site: Site) -> None:
    site.routes["/a"] = Route(
        body="hello", content_type="text/plain", etag='"v1"', last_modified="Tue, 03 Feb 2026 10:00:00 GMT"
    )
    got = fetch(site.url("/a"), limits=FAST)
    assert (got.content, got.content_type, got.etag, got.last_modified, got.not_modified) == (
        b"hello",
        "text/plain",
        '"v1"',
        "Tue, 03 Feb 2026 10:00:00 GMT",
        False,
    )
    assert site.requests[0][1]["user-agent"] == USER_AGENT


@pytest.mark.parametrize(
    "validators",
    [
        pytest.param({"etag": '"v1"'}, id="etag"),
        pytest.param({"last_modified": "Tue, 03 Feb 2026 10:00:00 GMT"}, id="last-modified"),
    ],
)
def test_conditional_get_returns_not_modified(site: Site, validators: dict[str, str]) -> None:
    site.routes["/feed"] = Route(body="<rss/>", etag='"v1"', last_modified="Tue, 03 Feb 2026 10:00:00 GMT")
    got = fetch(site.url("/feed"), limits=FAST, **validators)
    assert got.not_modified and got.content == b""


def test_redirect_is_followed_to_the_final_url(site: Site) -> None:
    site.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    site.routes["/new"] = Route(body="moved here", content_type="text/plain")
    got = fetch(site.url("/old"), limits=FAST)
    assert (got.url, got.content) == (site.url("/new"), b"moved here")


@pytest.mark.parametrize(
    ("path", "route", "message"),
    [
        pytest.param("/missing", None, "HTTP 404", id="404"),
        pytest.param("/boom", Route(status=500, body="oops"), "HTTP 500", id="500"),
        pytest.param("/slow", Route(body="late", delay=3), "timed out", id="slow"),
        pytest.param("/big", Route(body="x" * 20_000), "larger than the 9 KB limit", id="too-big"),
        pytest.param(
            "/liar", Route(body="y" * 20_000, headers={"Content-Length": "5"}), "", id="lying-length"
        ),
        pytest.param(
            "/loop",
            Route(status=302, headers={"Location": "/loop"}),
            "more than 2 redirects",
            id="redirect-loop",
        ),
    ],
)
def test_failures_become_one_line_fetch_errors(
    site: Site, path: str, route: Route | None, message: str
) -> None:
    if route is not None:
        site.routes[path] = route
    limits = FetchLimits(connect_timeout=2, read_timeout=0.5, max_bytes=10_000, max_redirects=2,
                         allow_private=True)
    try:
        got = fetch(site.url(path), limits=limits)
    except FetchError as err:
        assert message in str(err) and "\n" not in str(err)
    else:  # a lying Content-Length is cut by the client: never more than the limit arrives
        assert path == "/liar" and len(got.content) <= 10_000


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("ftp://example.org/x", id="ftp"),
        pytest.param("http:///nohost", id="no-host"),
        pytest.param("javascript:alert(1)", id="javascript"),
    ],
)
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http|no host"):
        check_url(url)


def test_unreachable_host_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="127.0.0.1:9"):
        fetch("http://127.0.0.1:9/", limits=FAST)


def test_article_page_keeps_the_article_and_drops_the_chrome(site: Site) -> None:
    site.routes["/news/oslo"] = Route(body=ARTICLE_PAGE)
    loaded = fetch_document(site.url("/news/oslo"), limits=FAST)
    assert loaded.title == "Ministers agree on winter aid for Ukraine"
    assert "Norway pledged 200 million euros" in loaded.text
    assert "as long as it takes" in loaded.text
    for chrome in ("About us", "cookies", "Copyright", "Privacy policy", "should-vanish", "gossip"):
        assert chrome not in loaded.text, chrome


def test_plain_text_page_is_taken_as_text(site: Site) -> None:
    site.routes["/readout.txt"] = Route(
        body="Readout\n\nThe leaders met in Rome.\n", content_type="text/plain; charset=utf-8"
    )
    loaded = fetch_document(site.url("/readout.txt"), limits=FAST)
    assert (loaded.title, loaded.text) == ("Readout", "Readout\n\nThe leaders met in Rome.\n")


def test_empty_page_is_refused(site: Site) -> None:
    site.routes["/empty"] = Route(body="")
    with pytest.raises(FetchError, match="empty"):
        fetch_document(site.url("/empty"))


@pytest.mark.parametrize(
    ("host", "private"),
    [
        pytest.param("127.0.0.1", True, id="loopback"),
        pytest.param("localhost", True, id="localhost"),
        pytest.param("10.1.2.3", True, id="private"),
        pytest.param("169.254.169.254", True, id="cloud-metadata"),
        pytest.param("::1", True, id="ipv6-loopback"),
        pytest.param("8.8.8.8", False, id="public"),
        pytest.param("2001:4860:4860::8888", False, id="public-ipv6"),
    ],
)
def test_private_hosts(host: str, private: bool) -> None:
    assert is_private_host(host) is private


def test_private_addresses_are_refused_when_not_allowed(site: Site) -> None:
    site.routes["/a"] = Route(body="secret", content_type="text/plain")
    with pytest.raises(FetchError, match="refused, 127.0.0.1 points into a private network"):
        fetch(site.url("/a"), limits=FetchLimits(allow_private=False))
    assert site.requests == []


@pytest.mark.parametrize("host", [
    pytest.param("localhost", id="name-resolving-to-loopback"),
    pytest.param("[::ffff:127.0.0.1]", id="ipv4-mapped-ipv6"),
    pytest.param("2130706433", id="decimal-address"),
    pytest.param("127.1", id="short-address"),
])
def test_every_spelling_of_loopback_is_refused_by_default(site: Site, host: str) -> None:
    """The addresses the host resolves to are checked, not its spelling; the default refuses."""
    site.routes["/a"] = Route(body="secret", content_type="text/plain")
    port = site.base.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="points into a private network"):
        fetch_document(f"http://{host}:{port}/a")
    assert site.requests == []


def test_a_redirect_into_the_private_network_is_refused(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """A redirect's target is checked where its connection is made, like the first request's."""
    # No public address can serve a test: let 127.0.0.1 stand for one, and keep ::1 private.
    real = guard.is_private_address
    monkeypatch.setattr(guard, "is_private_address", lambda a: a != "127.0.0.1" and real(a))
    site.routes["/go"] = Route(status=302, headers={"Location": "http://[::1]:9/admin"})
    site.routes["/public"] = Route(body="a public page", content_type="text/plain")
    assert fetch(site.url("/public"), limits=FetchLimits()).content == b"a public page"
    with pytest.raises(FetchError, match=r"/go: refused, ::1 points into a private network"):
        fetch(site.url("/go"), limits=FetchLimits())
    assert site.hits("/go") == 1


def test_a_server_dripping_its_headers_is_cut_off_at_the_deadline(site: Site) -> None:
    """Every byte arrives inside the read timeout; the one deadline still ends the fetch."""
    site.routes["/slow"] = Route(drip=0.05)  # the head alone would take about 120 s
    with pytest.raises(FetchError, match="took longer than 1 s in all"):
        fetch(site.url("/slow"), limits=FetchLimits(read_timeout=0.5, total_timeout=1, allow_private=True))


def _ingest_url(url: str, db: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from bot.cli import main

    result = CliRunner().invoke(main, ["ingest", "--db", str(db), url], catch_exceptions=False)
    return result.exit_code, result.stderr


def test_ingest_url_ends_at_the_configured_deadline(site: Site, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    site.routes["/slow"] = Route(drip=0.05)
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "1")
    assert _ingest_url(site.url("/slow"), tmp_path / "x.db") == (
        1, f"error: {site.url('/slow')}: took longer than 1 s in all\n")


def test_ingest_url_refuses_a_private_address_unless_the_setting_allows(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site.routes["/a"] = Route(body=ARTICLE_PAGE)
    monkeypatch.delenv("ALLOW_PRIVATE_FETCH")
    code, error = _ingest_url(site.url("/a"), tmp_path / "x.db")
    assert (code, site.requests) == (1, [])
    assert error == (f"error: {site.url('/a')}: refused, 127.0.0.1 points into a private network "
                     "(loopback, private or link-local address)\n")
    monkeypatch.setenv("ALLOW_PRIVATE_FETCH", "true")
    assert _ingest_url(site.url("/a"), tmp_path / "x.db") == (0, "")


def test_a_resolver_that_hangs_is_cut_off_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """getaddrinfo has no timeout: the fetch waits for it only while the deadline lasts."""
    # A hanging DNS server cannot be set up for one test: stand in for the system resolver.
    released = threading.Event()
    monkeypatch.setattr(guard.socket, "getaddrinfo", lambda *args, **kwargs: released.wait(30) or [])
    try:
        with pytest.raises(FetchError, match="took longer than 1 s in all"):
            fetch("http://slow-dns.example/a", limits=FetchLimits(total_timeout=1, allow_private=True))
    finally:
        released.set()
