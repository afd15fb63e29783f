"""The feeds table and the items seen in each feed: plain reads and writes, no network."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from bot.errors import NotFoundError
from storage.sql import now_iso


@dataclass(frozen=True, kw_only=True)
class Feed:
    """One feed and where its polling stands."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: str | None = None
    last_ok_at: str | None = None
    failures: int = 0
    next_attempt_at: str | None = None
    last_error: str | None = None
    reported: bool = False

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Feed:
        """Build a feed from its database row."""
        fields: dict[str, Any] = {k: row.get(k) for k in cls.__dataclass_fields__}
        return cls(**{**fields, "failures": row["failures"] or 0, "reported": bool(row["reported"])})


def add_feed(db: Database, *, url: str, now: dt.datetime | None = None) -> bool:
    """Add the feed at ``url``; return False when it was already there."""
    from bot.ingest.fetch import check_url  # httpx loads only when feeds are managed

    url = check_url(url)
    if db.execute("select 1 from feeds where url = ?", [url]).fetchone():
        return False
    db.table("feeds").insert({"url": url, "added_at": now_iso(now), "failures": 0, "reported": 0})
    return True


def remove_feed(db: Database, *, url: str) -> None:
    """Remove a feed and the record of its items; raise NotFoundError when unknown."""
    url = url.strip()
    with db.atomic():
        if not db.execute("select 1 from feeds where url = ?", [url]).fetchone():
            raise NotFoundError(f"no feed {url}")
        db.execute("delete from feed_items where feed_url = ?", [url])
        db.execute("delete from feeds where url = ?", [url])


def list_feeds(db: Database) -> list[Feed]:
    """Return every feed, in the order they were added."""
    return [Feed.from_row(r) for r in db.table("feeds").rows_where(order_by="added_at, rowid")]


def due_feeds(db: Database, *, now: dt.datetime) -> list[Feed]:
    """Return the feeds whose backoff, if any, has run out."""
    rows = db.table("feeds").rows_where(
        "next_attempt_at is null or next_attempt_at <= ?", [now_iso(now)], order_by="added_at, rowid"
    )
    return [Feed.from_row(r) for r in rows]


def record_success(
    db: Database,
    feed: Feed,
    *,
    title: str | None,
    etag: str | None,
    last_modified: str | None,
    now: dt.datetime,
) -> None:
    """Remember a good poll: new validators, and the end of any failure streak."""
    db.table("feeds").update(
        feed.url,
        {
            "title": title or feed.title,
            "etag": etag,
            "last_modified": last_modified,
            "last_polled_at": now_iso(now),
            "last_ok_at": now_iso(now),
            "failures": 0,
            "next_attempt_at": None,
            "last_error": None,
            "reported": 0,
        },
    )


def record_failure(db: Database, feed: Feed, *, error: str, retry_at: dt.datetime, now: dt.datetime) -> bool:
    """Remember a failed poll and when to retry; return True the first time in a streak."""
    db.table("feeds").update(
        feed.url,
        {
            "last_polled_at": now_iso(now),
            "failures": feed.failures + 1,
            "next_attempt_at": now_iso(retry_at),
            "last_error": error,
            "reported": 1,
        },
    )
    return not feed.reported


def remember_items(db: Database, feed: Feed, items: list[dict[str, Any]], *, now: dt.datetime) -> int:
    """Record items not seen before as pending; return how many were new."""
    before = db.execute("select count(*) from feed_items where feed_url = ?", [feed.url]).fetchone()[0]
    db.table("feed_items").insert_all(
        (
            {**item, "feed_url": feed.url, "status": "pending", "attempts": 0, "seen_at": now_iso(now)}
            for item in items
        ),
        pk=("feed_url", "item_key"),
        ignore=True,
    )
    after: int = db.execute("select count(*) from feed_items where feed_url = ?", [feed.url]).fetchone()[0]
    return after - int(before)


def items_to_ingest(db: Database, feed: Feed, *, max_attempts: int) -> list[dict[str, Any]]:
    """Return the feed's items still to ingest: new ones, and failed ones with attempts left."""
    return list(
        db.table("feed_items").rows_where(
            "feed_url = ? and status in ('pending', 'failed') and attempts < ?",
            [feed.url, max_attempts],
            order_by="seen_at, published, item_key",
        )
    )


def mark_item(
    db: Database,
    item: dict[str, Any],
    *,
    status: str,
    doc_id: str | None = None,
    error: str | None = None,
    now: dt.datetime,
) -> int:
    """Record the outcome of ingesting an item; return its attempts so far."""
    attempts = int(item["attempts"]) + 1
    db.table("feed_items").update(
        (item["feed_url"], item["item_key"]),
        {
            "status": status,
            "doc_id": doc_id,
            "error": error,
            "attempts": attempts,
            "updated_at": now_iso(now),
        },
    )
    return attempts


def describe_feed(feed: Feed) -> str:
    """Return one line about a feed: its URL, title and state."""
    state = (
        f"failing ({feed.failures}x, next try {feed.next_attempt_at}): {feed.last_error}"
        if feed.failures
        else f"ok, last polled {feed.last_polled_at or 'never'}"
    )
    return f"{feed.url}" + (f" ({feed.title})" if feed.title else "") + f": {state}"
