"""The durable outbox: alerts queued inside the save transaction, then fanned out to recipients.

    save_document ──(same transaction)──> alerts row ──fan_out──> deliveries rows ──deliver──> Telegram

An alert's ``key`` makes queueing idempotent; a delivery's ``key`` (alert id and recipient)
makes fanning out idempotent, so a crash at any point neither loses nor repeats a message.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from bot.alerts.archive import CHUNK, gather_archive, is_old
from bot.alerts.diff import diff_facts, is_minor
from bot.alerts.match import Subject
from bot.alerts.subscriptions import all_subscriptions, interested_chats
from bot.lines.debris import is_headline
from storage.sql import now_iso
from storage.store import SaveResult, Store, dumps


@dataclass(frozen=True, kw_only=True)
class Audience:
    """Who receives what, from the settings."""

    channel_id: int | None = None  # ALERT_CHAT_ID
    admin_chats: tuple[int, ...] = ()  # ADMIN_CHAT_ID, or else each admin's private chat
    daily_digest: bool = False
    max_age_days: int | None = None  # ALERT_MAX_AGE_DAYS: older documents go to the archive digest

    @classmethod
    def from_settings(cls, settings: Any) -> Audience:
        """Build the audience from ``bot.config.Settings``."""
        admins = (settings.admin_chat_id,) if settings.admin_chat_id else tuple(settings.admin_ids)
        return cls(channel_id=settings.alert_chat_id, admin_chats=admins, daily_digest=settings.daily_digest,
                   max_age_days=settings.alert_max_age_days)


def queue_document_alert(db: Database, result: SaveResult, previous: dict[str, list[dict[str, Any]]]) -> None:
    """Queue an alert for what a save added; a ``Store.write_hooks`` hook."""
    _queue(db, result, previous, archive=False)


def queue_archive_alert(db: Database, result: SaveResult, previous: dict[str, list[dict[str, Any]]]) -> None:
    """Queue an alert that goes out in the archive digest (a bulk import); a write hook."""
    _queue(db, result, previous, archive=True)


def _queue(
    db: Database, result: SaveResult, previous: dict[str, list[dict[str, Any]]], *, archive: bool
) -> None:
    if result.status == "unchanged":
        return
    items = diff_facts(previous, Store(db).facts_of(result.doc_id))
    if not items:
        return
    doc = db.execute(
        "select id, url, title, publisher, published, content_hash from documents where id = ?",
        [result.doc_id],
    ).fetchone()
    _mark_headlines(db, result.doc_id, doc[2], items)
    payload = {
        "doc": dict(zip(("id", "url", "title", "publisher", "published"), doc[:5], strict=True)),
        "status": result.status,
        "items": items,
    }
    _insert_alert(
        db,
        key=f"doc:{doc[0]}:{doc[5]}",
        kind="document",
        doc_id=result.doc_id,
        silent=archive or is_minor(items, status=result.status),
        payload=payload,
        archive=archive,
    )


def _mark_headlines(db: Database, doc_id: str, title: str | None, items: list[dict[str, Any]]) -> None:
    """Mark the facts drawn from the page's title: a headline is no commitment or statement."""
    wanted = {i.get("sentence") for i in items if i.get("sentence") is not None}
    if not title or not wanted:
        return
    marks = ",".join("?" * len(wanted))
    rows = db.execute(f"select idx, text from sentences where doc_id = ? and idx in ({marks})",
                      [doc_id, *wanted]).fetchall()
    headlines = {idx for idx, text in rows if is_headline(text, title)}
    for item in items:
        if item.get("sentence") in headlines:
            item["headline"] = True


def queue_notice(db: Database, *, key: str, text: str, silent: bool = False) -> bool:
    """Queue a plain-text notice for the admins (a feed that fails); return False if known."""
    return _insert_alert(
        db, key=f"notice:{key}", kind="notice", doc_id=None, silent=silent, payload={"text": text}
    )


def queue_digest(db: Database, *, now: dt.datetime | None = None) -> int | None:
    """Gather document alerts not yet posted to the channel into one digest; return its id."""
    with db.atomic():
        rows = db.execute(
            "select id, payload from alerts a where kind = 'document' and digest_key is null "
            "and fanned_out = 1 and not exists (select 1 from deliveries d where d.alert_id = a.id "
            "and d.audience = 'channel') order by id"
        ).fetchall()
        if not rows:
            return None
        key = f"digest:{rows[0][0]}-{rows[-1][0]}"
        docs = [json.loads(payload) for _, payload in rows]
        payload = {"date": (now or dt.datetime.now(dt.UTC)).date().isoformat(), "documents": docs}
        _insert_alert(db, key=key, kind="digest", doc_id=None, silent=False, payload=payload)
        db.execute(
            f"update alerts set digest_key = ? where id in ({','.join('?' * len(rows))})",
            [key, *(r[0] for r in rows)],
        )
        return int(db.execute("select id from alerts where key = ?", [key]).fetchone()[0])


def fan_out(db: Database, *, audience: Audience, now: dt.datetime | None = None) -> int:
    """Create the delivery rows of every alert not yet fanned out; return how many.

    Alerts are read and fanned out CHUNK at a time, one transaction a chunk; old documents are
    moved to the archive, which goes out as one digest once no new archive alert arrives.
    """
    now = now or dt.datetime.now(dt.UTC)
    created = 0
    subscriptions = all_subscriptions(db)
    while pending := db.execute(
        "select id, kind, payload from alerts where fanned_out = 0 and archive = 0 order by id limit ?",
        [CHUNK],
    ).fetchall():
        with db.atomic():
            for alert_id, kind, raw in pending:
                created += _fan_out_one(db, alert_id, kind, json.loads(raw), audience, now, subscriptions)
    channel = current_chat_id(db, audience.channel_id) if audience.channel_id else None
    gather_archive(db, channel=channel, now=now)
    return created


def _fan_out_one(
    db: Database,
    alert_id: int,
    kind: str,
    payload: dict[str, Any],
    audience: Audience,
    now: dt.datetime,
    subscriptions: list[tuple[int, Subject]],
) -> int:
    if kind == "document" and is_old(payload, max_age_days=audience.max_age_days, now=now):
        db.execute("update alerts set archive = 1 where id = ?", [alert_id])
        return 0
    created = 0
    for row in _recipients(db, kind, payload, audience, subscriptions):
        cursor = db.execute(
            "insert or ignore into deliveries (key, alert_id, chat_id, audience, items, reason, "
            "status, attempts, created_at) values (?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
            [
                f"{alert_id}:{row['chat_id']}",
                alert_id,
                row["chat_id"],
                row["audience"],
                row.get("items"),
                row.get("reason"),
                now_iso(now),
            ],
        )
        created += cursor.rowcount
    db.execute("update alerts set fanned_out = 1 where id = ?", [alert_id])
    return created


def _recipients(
    db: Database,
    kind: str,
    payload: dict[str, Any],
    audience: Audience,
    subscriptions: list[tuple[int, Subject]] | None = None,
) -> Iterable[dict[str, Any]]:
    channel = current_chat_id(db, audience.channel_id) if audience.channel_id else None
    if kind == "notice":
        yield from ({"chat_id": current_chat_id(db, c), "audience": "admin"} for c in audience.admin_chats)
        return
    if channel is not None and (kind == "digest" or not audience.daily_digest):
        yield {"chat_id": channel, "audience": "channel"}
    if kind != "document":
        return
    chats = interested_chats(db, payload["items"], subscriptions=subscriptions)
    for chat_id, (indexes, reasons) in chats.items():
        if chat_id != channel:  # a chat that is also the channel gets the alert once
            yield {
                "chat_id": chat_id,
                "audience": "subscriber",
                "items": dumps(indexes),
                "reason": ", ".join(reasons),
            }


def current_chat_id(db: Database, chat_id: int) -> int:
    """Return the id a chat migrated to (following a chain of migrations), or ``chat_id``."""
    seen = {chat_id}
    while row := db.execute(
        "select new_chat_id from chat_migrations where old_chat_id = ?", [chat_id]
    ).fetchone():
        if row[0] in seen:
            break
        chat_id = row[0]
        seen.add(chat_id)
    return chat_id


def _insert_alert(
    db: Database,
    *,
    key: str,
    kind: str,
    doc_id: str | None,
    silent: bool,
    payload: dict[str, Any],
    archive: bool = False,
) -> bool:
    cursor = db.execute(
        "insert or ignore into alerts (key, kind, doc_id, created_at, silent, payload, fanned_out, archive) "
        "values (?, ?, ?, ?, ?, ?, 0, ?)",
        [key, kind, doc_id, now_iso(), int(silent), dumps(payload), int(archive)],
    )
    return cursor.rowcount == 1
