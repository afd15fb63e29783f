"""Tables of the alert outbox: alerts written in the same transaction as the facts, the
subscriptions of private chats, and one delivery row per alert and recipient.

A delivery's ``key`` (alert id and first recipient) is its idempotency key: fanning out twice
inserts nothing new, and a row marked ``sent`` is never sent again, across restarts.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

alerts = Migrations("pledgebot.alerts")


@alerts()
def m001_outbox(db: Database) -> None:
    """Alerts, subscriptions, deliveries and the chats that migrated to a new id."""
    db.table("alerts").create(
        {
            "id": int,
            "key": str,
            "kind": str,
            "doc_id": str,
            "created_at": str,
            "silent": int,
            "payload": str,
            "fanned_out": int,
            "digest_key": str,
        },
        pk="id",
        not_null={"key", "kind", "fanned_out"},
        defaults={"fanned_out": 0, "silent": 0},
    )
    db.table("alerts").create_index(["key"], unique=True)
    db.table("alerts").create_index(["fanned_out"])
    db.table("subscriptions").create(
        {"id": int, "chat_id": int, "kind": str, "value": str, "label": str, "created_at": str},
        pk="id",
        not_null={"chat_id", "kind", "value"},
    )
    db.table("subscriptions").create_index(["chat_id", "kind", "value"], unique=True)
    db.table("deliveries").create(
        {
            "key": str,
            "alert_id": int,
            "chat_id": int,
            "audience": str,
            "items": str,
            "reason": str,
            "status": str,
            "attempts": int,
            "next_attempt_at": str,
            "lease_until": str,
            "last_error": str,
            "message_id": int,
            "created_at": str,
            "sent_at": str,
        },
        pk="key",
        foreign_keys=[("alert_id", "alerts", "id")],
        not_null={"alert_id", "chat_id", "status", "attempts"},
        defaults={"attempts": 0},
    )
    db.table("deliveries").create_index(["status", "next_attempt_at"])
    db.table("deliveries").create_index(["chat_id"])
    db.table("chat_migrations").create(
        {"old_chat_id": int, "new_chat_id": int, "migrated_at": str}, pk="old_chat_id"
    )


@alerts()
def m002_archive(db: Database) -> None:
    """Mark alerts that go out as one archive digest, and remember when delivery first began."""
    db.table("alerts").add_column("archive", int, not_null_default=0)
    db.table("alerts_state").create({"key": str, "value": str}, pk="key")
