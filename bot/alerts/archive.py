"""Old news goes to the archive: a backlog, a bulk import or an old document is one silent digest.

An alert is *archive* when the document was in the store before delivery first began (the first
start of the bot on an ingested corpus), when a bulk ``pledgebot ingest`` queued it, or when the
document is older than ``Audience.max_age_days``. Archive alerts are never sent one by one: once
no new archive alert has arrived for ``QUIET`` (or at once when the import says it is over:
``archive_ready``), they are gathered into one silent ``archive`` alert for the channel ("18
documents added to the archive: ...") and one for each subscriber, listing the documents that
concern them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from bot.alerts.headline import headline
from bot.alerts.subscriptions import all_subscriptions, interested_chats
from storage.sql import now_iso
from storage.store import dumps

QUIET = dt.timedelta(seconds=60)  # no archive alert for this long: the import is over
MAX_LISTED = 50  # documents kept in one archive message's payload (the message shows fewer)
CHUNK = 500  # alerts read per query while gathering
STARTED = "delivery_started"  # alerts_state key: when the first delivery round ran
READY = "archive_ready"  # alerts_state key: archive alerts queued up to then are complete


def archive_backlog(db: Database, *, now: dt.datetime | None = None) -> int:
    """On the first start of delivery, turn the alerts already queued into archive; return how many.

    A store that has delivered before (deliveries exist) only records that delivery began.
    """
    with db.atomic():
        if db.execute("select 1 from alerts_state where key = ?", [STARTED]).fetchone():
            return 0
        fresh = db.execute("select 1 from deliveries limit 1").fetchone() is None
        count = 0
        if fresh:
            count = db.execute(
                "update alerts set archive = 1 where kind = 'document' and fanned_out = 0"
            ).rowcount
        db.execute("insert into alerts_state (key, value) values (?, ?)", [STARTED, now_iso(now)])
        archive_ready(db, now=now)
    return count


def archive_ready(db: Database, *, now: dt.datetime | None = None) -> None:
    """Say that the archive alerts queued so far are complete (an import has finished)."""
    db.execute("insert or replace into alerts_state (key, value) values (?, ?)", [READY, now_iso(now)])


def is_old(payload: dict[str, Any], *, max_age_days: int | None, now: dt.datetime) -> bool:
    """Return whether a document alert reports on something older than ``max_age_days``."""
    if not max_age_days:
        return False
    meeting: dict[str, Any] = next((i for i in payload.get("items", []) if i.get("kind") == "meeting"), {})
    day = _day(payload.get("doc", {}).get("published")) or _day(meeting.get("date"))
    return day is not None and day < (now - dt.timedelta(days=max_age_days)).date()


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def gather_archive(db: Database, *, channel: int | None, now: dt.datetime | None = None) -> int | None:
    """Gather the archive alerts into one silent alert per chat once quiet; return its id."""
    now = now or dt.datetime.now(dt.UTC)
    newest = db.execute(
        "select max(id), max(created_at), count(*) from alerts where archive = 1 and fanned_out = 0"
    ).fetchone()
    ready = db.execute("select value from alerts_state where key = ?", [READY]).fetchone()
    complete = max(now_iso(now - QUIET), ready[0] if ready else "")
    if not newest[2] or (newest[1] or "") > complete:
        return None
    # Read (and match against subscriptions) outside the transaction: at 20,000 alerts this takes
    # seconds, and the write lock would keep every ingest waiting meanwhile.
    listed, per_chat = _collect(db, last=newest[0])
    with db.atomic():
        if db.execute(
            "select count(*) from alerts where archive = 1 and fanned_out = 0 and id <= ?", [newest[0]]
        ).fetchone()[0] != newest[2]:
            return None  # another deliverer gathered them, or more were archived: next round
        key = f"archive:{newest[0]}"
        payload = {"count": newest[2], "documents": listed}
        db.execute(
            "insert or ignore into alerts (key, kind, doc_id, created_at, silent, payload, fanned_out) "
            "values (?, 'archive', null, ?, 1, ?, 1)",
            [key, now_iso(now), dumps(payload)],
        )
        alert_id = int(db.execute("select id from alerts where key = ?", [key]).fetchone()[0])
        rows: list[tuple[int, str, str | None, str | None]] = []
        if channel is not None:
            rows.append((channel, "channel", None, None))
        rows += [
            (chat, "subscriber", dumps({"count": count, "documents": docs}), ", ".join(reasons))
            for chat, (count, docs, reasons) in per_chat.items()
            if chat != channel
        ]
        db.conn.executemany(
            "insert or ignore into deliveries (key, alert_id, chat_id, audience, items, reason, status, "
            "attempts, created_at) values (?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
            [(f"{alert_id}:{c}", alert_id, c, a, i, r, now_iso(now)) for c, a, i, r in rows],
        )
        db.execute(
            "update alerts set fanned_out = 1, digest_key = ? "
            "where archive = 1 and fanned_out = 0 and id <= ?",
            [key, newest[0]],
        )
    return alert_id


PerChat = dict[int, tuple[int, list[dict[str, Any]], list[str]]]


def _collect(db: Database, *, last: int) -> tuple[list[dict[str, Any]], PerChat]:
    """Read the archive alerts in chunks: the channel's list, and each subscriber's."""
    listed: list[dict[str, Any]] = []
    per_chat: PerChat = {}
    subscriptions = all_subscriptions(db)
    after = 0
    while rows := db.execute(
        "select id, payload from alerts where archive = 1 and fanned_out = 0 and id > ? and id <= ? "
        "order by id limit ?",
        [after, last, CHUNK],
    ).fetchall():
        after = rows[-1][0]
        for _, raw in rows:
            payload = json.loads(raw)
            entry = summary(payload)
            listed.append(entry)
            chats = interested_chats(db, payload["items"], subscriptions=subscriptions)
            for chat, (_, reasons) in chats.items():
                count, docs, why = per_chat.get(chat, (0, [], []))
                docs.append(entry)
                per_chat[chat] = (count + 1, _newest(docs, lazy=True), list(dict.fromkeys([*why, *reasons])))
        listed = _newest(listed)
    return listed, {chat: (n, _newest(docs), why) for chat, (n, docs, why) in per_chat.items()}


def summary(payload: dict[str, Any]) -> dict[str, Any]:
    """Return what an archive message says about one document: its headline, link and date."""
    doc = payload["doc"]
    meeting: dict[str, Any] = next((i for i in payload["items"] if i["kind"] == "meeting"), {})
    return {
        "headline": headline(payload),
        "url": doc.get("url"),
        "date": meeting.get("date") or doc.get("published"),
    }


def _newest(entries: list[dict[str, Any]], *, lazy: bool = False) -> list[dict[str, Any]]:
    """Keep the MAX_LISTED newest entries (``lazy``: only once the list has grown to twice that)."""
    if lazy and len(entries) < 2 * MAX_LISTED:
        return entries
    return sorted(entries, key=lambda e: e.get("date") or "", reverse=True)[:MAX_LISTED]
