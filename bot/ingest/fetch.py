"""Fetch URLs politely and safely: timeouts, a clear User-Agent, conditional GET, a size limit.

Every failure becomes a ``FetchError`` whose message is one line that says what went wrong,
so the command line, the feed poller and the admins' reports can show it as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpcore
import httpx

from bot.errors import FetchError
from bot.ingest.guard import Deadline, PrivateTargetRefused, guarded_transport, is_private_address, resolve
from bot.ingest.loaded import LoadedText
from bot.ingest.loaders import MAX_DOCUMENT_BYTES, load_bytes

if TYPE_CHECKING:
    from bot.config import Settings

USER_AGENT = "pledgebot/0.1 (+https://github.com/pledgebot/pledgebot)"
MAX_REDIRECTS = 5


@dataclass(frozen=True, kw_only=True)
class FetchLimits:
    """How long and how much one fetch may take."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_redirects: int = MAX_REDIRECTS
    total_timeout: float = 60.0  # the whole fetch, connect to last byte, redirects included
    # Loopback, private and link-local targets are refused unless ALLOW_PRIVATE_FETCH allows them:
    # a page fetched by an admin becomes searchable by every user.
    allow_private: bool = False


def fetch_limits(settings: Settings) -> FetchLimits:
    """Return the limits every fetch runs under, from the settings."""
    return FetchLimits(allow_private=settings.allow_private_fetch,
                       total_timeout=settings.fetch_timeout_seconds)


DEFAULT_LIMITS = FetchLimits()


@dataclass(frozen=True, kw_only=True)
class Fetched:
    """What one GET returned; ``not_modified`` means a 304 and an empty ``content``."""

    url: str  # the final URL, after redirects
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def check_url(url: str) -> str:
    """Return ``url`` stripped, or raise FetchError unless it is an http(s) URL with a host."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: the URL has no host")
    return url


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
) -> Fetched:
    """GET ``url``, sending the validators of a previous fetch; raise FetchError on failure."""
    url = check_url(url)
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    deadline = Deadline(limits.total_timeout)
    try:
        # Every connection, redirects included, goes through the guarded transport; trust_env
        # off, so no proxy from the environment can route around its address check.
        with httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            headers=headers,
            max_redirects=limits.max_redirects,
            transport=guarded_transport(deadline, allow_private=limits.allow_private),
            trust_env=False,
        ) as client:
            with client.stream("GET", url) as response:
                return _read(url, response, limits, deadline)
    except PrivateTargetRefused as err:
        raise FetchError(f"{url}: {err}") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {limits.max_redirects} redirects") from None
    except httpx.TimeoutException:
        if deadline.passed():
            raise FetchError(f"{url}: took longer than {limits.total_timeout:g} s in all") from None
        raise FetchError(f"{url}: timed out") from None
    except httpx.HTTPError as err:
        raise FetchError(f"{url}: {_describe(err)}") from None


def _read(url: str, response: httpx.Response, limits: FetchLimits, deadline: Deadline) -> Fetched:
    final = str(response.url)
    if final != url:
        check_url(final)  # a redirect must not lead to file:, ftp: and the like
    if response.status_code == 304:
        return Fetched(
            url=final,
            not_modified=True,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
    if response.status_code >= 400:
        raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"{url}: larger than the {limits.max_bytes // 1024} KB limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if deadline.passed():  # every read is capped too; this catches data arriving just in time
            raise FetchError(f"{url}: took longer than {limits.total_timeout:g} s in all")
        size += len(chunk)
        if size > limits.max_bytes:  # the header may lie or be absent: count what arrives
            raise FetchError(f"{url}: larger than the {limits.max_bytes // 1024} KB limit")
        chunks.append(chunk)
    return Fetched(
        url=final,
        content=b"".join(chunks),
        content_type=response.headers.get("content-type"),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def is_private_host(host: str) -> bool:
    """Return whether ``host`` is, or resolves to, a loopback, private or link-local address."""
    try:
        return any(is_private_address(a) for a in resolve(host, 80))
    except httpcore.ConnectError:
        return False  # unresolvable: the request itself will fail with a clear error


def _describe(err: httpx.HTTPError) -> str:
    # httpx messages can span lines (tracebacks of the socket layer); keep the first.
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def fetch_document(url: str, *, limits: FetchLimits = DEFAULT_LIMITS) -> LoadedText:
    """Fetch ``url`` and turn the page (HTML through trafilatura, or text) into clean text."""
    fetched = fetch(url, limits=limits)
    if not fetched.content.strip():
        raise FetchError(f"{url}: the page is empty")
    name = urlsplit(fetched.url).path.rsplit("/", 1)[-1] or "page.html"
    return load_bytes(fetched.content, name=name, content_type=fetched.content_type)
