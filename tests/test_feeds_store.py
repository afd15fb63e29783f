"""The feeds table: adding, removing, what is due, and the failure streak."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.errors import FetchError, NotFoundError
from bot.feeds.store import Feed, add_feed, due_feeds, list_feeds, record_failure, record_success, remove_feed
from storage.store import Store

NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)


def test_add_is_idempotent_and_checks_the_url(store: Store) -> None:
    assert add_feed(store.db, url=" https://news.example/rss ", now=NOW) is True
    assert add_feed(store.db, url="https://news.example/rss", now=NOW) is False
    with pytest.raises(FetchError, match="only http and https"):
        add_feed(store.db, url="file:///etc/passwd")
    assert list_feeds(store.db) == [Feed(url="https://news.example/rss")]


def test_remove_forgets_the_feed_and_its_items(store: Store) -> None:
    add_feed(store.db, url="https://news.example/rss", now=NOW)
    store.db["feed_items"].insert(
        {"feed_url": "https://news.example/rss", "item_key": "1", "status": "ingested", "attempts": 1}
    )
    remove_feed(store.db, url="https://news.example/rss")
    assert (store.db["feeds"].count, store.db["feed_items"].count) == (0, 0)
    with pytest.raises(NotFoundError):
        remove_feed(store.db, url="https://news.example/rss")


def test_failure_streak_is_reported_once_and_ends_on_success(store: Store) -> None:
    add_feed(store.db, url="https://news.example/rss", now=NOW)
    later = NOW + dt.timedelta(minutes=5)
    firsts = []
    for _ in range(3):
        [feed] = list_feeds(store.db)
        firsts.append(record_failure(store.db, feed, error="HTTP 500", retry_at=later, now=NOW))
    assert firsts == [True, False, False]
    assert due_feeds(store.db, now=NOW) == [] and len(due_feeds(store.db, now=later)) == 1
    record_success(store.db, list_feeds(store.db)[0], title="News", etag='"e"', last_modified=None, now=later)
    [feed] = list_feeds(store.db)
    assert (feed.failures, feed.reported, feed.next_attempt_at, feed.etag, feed.title) == (
        0,
        False,
        None,
        '"e"',
        "News",
    )
    assert record_failure(store.db, feed, error="HTTP 500", retry_at=later, now=later) is True
