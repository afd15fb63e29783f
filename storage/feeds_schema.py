"""Tables of the feed poller: the feeds, with their HTTP validators and retry state, and the
items already seen, so an item is ingested once however often its feed is polled."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

feeds = Migrations("pledgebot.feeds")


@feeds()
def m001_feeds(db: Database) -> None:
    """Feeds with conditional-GET validators and backoff state; the items seen in each."""
    db.table("feeds").create(
        {
            "url": str,
            "title": str,
            "added_at": str,
            "etag": str,
            "last_modified": str,
            "last_polled_at": str,
            "last_ok_at": str,
            "failures": int,
            "next_attempt_at": str,
            "last_error": str,
            "reported": int,
        },
        pk="url",
        not_null={"failures", "reported"},
        defaults={"failures": 0, "reported": 0},
    )
    db.table("feed_items").create(
        {
            "feed_url": str,
            "item_key": str,
            "link": str,
            "title": str,
            "published": str,
            "status": str,
            "doc_id": str,
            "attempts": int,
            "error": str,
            "seen_at": str,
            "updated_at": str,
        },
        pk=("feed_url", "item_key"),
        foreign_keys=[("feed_url", "feeds", "url")],
        not_null={"attempts"},
        defaults={"attempts": 0},
    )
    db.table("feed_items").create_index(["status"])
