"""Poll feeds: fetch (conditionally), parse with feedparser, ingest each new item's page.

A feed that fails (timeout, HTTP error, malformed XML, an HTML page) is retried with
exponential backoff and reported to the admins once per failure streak; an item whose page
fails is retried at the next polls and reported once when it gives up. Nothing here raises:
one bad feed never stops the others, nor the bot.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import feedparser

from bot.alerts.outbox import queue_notice
from bot.errors import FetchError, PledgebotError
from bot.feeds import store as feeds
from bot.feeds.store import Feed
from bot.ingest.fetch import DEFAULT_LIMITS, Fetched, FetchLimits, fetch, fetch_document, is_private_host
from bot.ingest.pipeline import DocumentInput, build_document, ingest_document
from storage.sql import now_iso
from storage.store import SaveResult, Store

log = logging.getLogger(__name__)

BASE_DELAY = dt.timedelta(minutes=5)
MAX_DELAY = dt.timedelta(hours=12)
MAX_ITEM_ATTEMPTS = 3
MAX_ITEMS_PER_POLL = 50  # a first poll of a long archive feed proceeds over several polls
MAX_PARALLEL_FETCHES = 8  # feeds fetched at once: enough that slow ones cannot starve the rest

# Fetch and ingest one item's page; tests and callers may swap it.
IngestItem = Callable[[Store, DocumentInput, FetchLimits], SaveResult]


def ingest_item(store: Store, source: DocumentInput, limits: FetchLimits) -> SaveResult:
    """Fetch an item's page and ingest it."""
    assert source.url is not None
    return ingest_document(store, build_document(source, fetch_document(source.url, limits=limits)))


@dataclass(frozen=True, kw_only=True)
class FeedOutcome:
    """What polling one feed did."""

    url: str
    ok: bool
    new_items: int = 0
    ingested: int = 0
    failed_items: int = 0
    error: str | None = None
    not_modified: bool = False

    def describe(self) -> str:
        """Return one line for the command line and the admins."""
        if not self.ok:
            return f"failed: {self.url}: {self.error}"
        state = "not modified" if self.not_modified else f"{self.new_items} new items"
        return f"ok: {self.url}: {state}, {self.ingested} ingested, {self.failed_items} failed"


def poll_due(
    store: Store,
    *,
    now: dt.datetime | None = None,
    force: bool = False,
    limits: FetchLimits = DEFAULT_LIMITS,
    ingest: IngestItem = ingest_item,
) -> list[FeedOutcome]:
    """Poll every feed whose backoff has run out (every feed with ``force``)."""
    now = now or dt.datetime.now(dt.UTC)
    due = feeds.list_feeds(store.db) if force else feeds.due_feeds(store.db, now=now)
    if not due:
        return []
    outcomes = {}
    # Feeds are fetched side by side, and each is handled (on this thread: the store's
    # connection is not shared) as soon as its fetch is over: a feed that takes until the
    # deadline never holds up the others.
    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL_FETCHES, len(due)),
                            thread_name_prefix="pledgebot-feed") as pool:
        fetches = {pool.submit(fetch_feed, feed, limits): feed for feed in due}
        for done in as_completed(fetches):
            feed = fetches[done]
            try:
                outcomes[feed.url] = poll_feed(store, feed, done.result(), now=now, limits=limits,
                                               ingest=ingest)
            except Exception as err:  # a bug in one feed's handling must not stop the others
                log.exception("polling %s crashed", feed.url)
                outcomes[feed.url] = _fail(store, feed, error=f"internal error: {err}", now=now)
    return [outcomes[feed.url] for feed in due]


def fetch_feed(feed: Feed, limits: FetchLimits) -> Fetched | FetchError:
    """Fetch a feed conditionally; return the failure rather than raise it (runs in a worker)."""
    try:
        return fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified, limits=limits)
    except FetchError as err:
        return err


def poll_feed(
    store: Store,
    feed: Feed,
    fetched: Fetched | FetchError,
    *,
    now: dt.datetime,
    limits: FetchLimits = DEFAULT_LIMITS,
    ingest: IngestItem = ingest_item,
) -> FeedOutcome:
    """Record one fetched feed and ingest its new items; record success or failure."""
    try:
        if isinstance(fetched, FetchError):
            raise fetched
        title, items = (feed.title, []) if fetched.not_modified else parse_feed(fetched.content, url=feed.url)
    except FetchError as err:
        return _fail(store, feed, error=str(err), now=now)
    with store.db.atomic():
        new = feeds.remember_items(store.db, feed, items, now=now)
        # A 304 need not repeat the validators: keep the ones that earned it.
        old = (feed.etag, feed.last_modified) if fetched.not_modified else (None, None)
        etag, modified = fetched.etag or old[0], fetched.last_modified or old[1]
        feeds.record_success(store.db, feed, title=title, etag=etag, last_modified=modified, now=now)
        if feed.reported:  # the admins heard it was failing: tell them it is fixed
            queue_notice(
                store.db,
                key=f"feed-ok:{feed.url}:{now_iso(now)}",
                silent=True,
                text=f"Feed works again after {feed.failures} failed polls: {feed.url}",
            )
    ingested, failed = _ingest_items(store, feed, limits=limits, ingest=ingest, now=now)
    return FeedOutcome(
        url=feed.url,
        ok=True,
        new_items=new,
        ingested=ingested,
        failed_items=failed,
        not_modified=fetched.not_modified,
    )


def _ingest_items(
    store: Store, feed: Feed, *, limits: FetchLimits, ingest: IngestItem, now: dt.datetime
) -> tuple[int, int]:
    """Ingest the feed's pending items; return how many were ingested and how many failed."""
    # A public feed's links must not lead into the local network; a feed the admin added from
    # a private address (an intranet, a test server) may link to its neighbours.
    host = urlsplit(feed.url).hostname or ""
    item_limits = replace(limits, allow_private=limits.allow_private and is_private_host(host))
    outcomes = [
        _ingest_one(store, item, ingest=ingest, limits=item_limits, now=now)
        for item in feeds.items_to_ingest(store.db, feed, max_attempts=MAX_ITEM_ATTEMPTS)[:MAX_ITEMS_PER_POLL]
    ]
    return sum(outcomes), len(outcomes) - sum(outcomes)


def parse_feed(content: bytes, *, url: str) -> tuple[str | None, list[dict[str, Any]]]:
    """Return a feed's title and items; raise FetchError when the bytes are no usable feed."""
    parsed = feedparser.parse(content)
    if not parsed.version and b"<html" in content[:2000].lower():
        raise FetchError(f"{url}: an HTML page, not a feed")
    items = [item for entry in parsed.entries if (item := _item(entry)) is not None]
    # feedparser recovers from small faults (a bare "&"); a feed it cannot read is an error.
    if parsed.bozo and not items:
        raise FetchError(f"{url}: malformed feed: {_first_line(parsed.get('bozo_exception'))}")
    if not parsed.version:
        raise FetchError(f"{url}: not an RSS or Atom feed")
    return parsed.feed.get("title"), items


def _item(entry: Any) -> dict[str, Any] | None:
    link = entry.get("link")
    if not link or not str(link).startswith(("http://", "https://")):
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = (
        dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC).date().isoformat() if stamp else None
    )
    return {
        "item_key": entry.get("id") or link,
        "link": link,
        "title": entry.get("title"),
        "published": published,
    }


def _ingest_one(
    store: Store, item: dict[str, Any], *, ingest: IngestItem, limits: FetchLimits, now: dt.datetime
) -> bool:
    source = DocumentInput(url=item["link"], title=item["title"], published=item["published"])
    try:
        result = ingest(store, source, limits)
    except PledgebotError as err:
        with store.db.atomic():
            attempts = feeds.mark_item(store.db, item, status="failed", error=str(err), now=now)
            if attempts >= MAX_ITEM_ATTEMPTS:
                queue_notice(
                    store.db,
                    key=f"item:{item['feed_url']}:{item['item_key']}",
                    text=f"Gave up on a feed item after {attempts} tries: {err}",
                    silent=True,
                )
        log.warning("feed item %s failed: %s", item["link"], err)
        return False
    feeds.mark_item(store.db, item, status="ingested", doc_id=result.doc_id, now=now)
    return True


def _fail(store: Store, feed: Feed, *, error: str, now: dt.datetime) -> FeedOutcome:
    delay = min(BASE_DELAY * 2**feed.failures, MAX_DELAY)
    with store.db.atomic():
        first = feeds.record_failure(store.db, feed, error=error, retry_at=now + delay, now=now)
        if first:  # the streak's start names the notice, so it is queued once per streak
            queue_notice(
                store.db,
                key=f"feed:{feed.url}:{now_iso(now)}",
                text=f"Feed failing, retrying with backoff: {error}",
            )
    log.warning("feed %s failed (%s in a row): %s", feed.url, feed.failures + 1, error)
    return FeedOutcome(url=feed.url, ok=False, error=error)


def _first_line(value: object) -> str:
    lines = str(value or "unknown error").strip().splitlines()
    return lines[0] if lines else "unknown error"
