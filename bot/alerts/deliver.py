"""Send due deliveries: at least once, never twice once sent, and never lost on failure.

Each delivery is claimed (status ``sending`` with a lease), sent, then marked ``sent`` in its
own commit. A process killed between queueing and sending leaves ``pending`` rows that the
next run sends; one killed during the HTTP call leaves a ``sending`` row that is retried when
its lease runs out (or at once with ``reclaim``): that one message may then arrive twice, the
price of at-least-once, since Telegram offers no idempotency key of its own.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlite_utils import Database
from telegram.error import ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot.alerts.outbox import Audience, fan_out
from bot.alerts.render import render_alert, render_archive, render_digest, render_notice
from bot.alerts.subscriptions import drop_chat, move_chat
from storage.sql import now_iso

log = logging.getLogger(__name__)
T = TypeVar("T")

LEASE = dt.timedelta(minutes=2)
MAX_ATTEMPTS = 12  # with the backoff below, about a day of trying before giving up
BASE_DELAY = dt.timedelta(seconds=30)
MAX_DELAY = dt.timedelta(hours=6)


class Sender(Protocol):
    """Sends one HTML message and returns its message id; raises telegram errors."""

    async def send(self, *, chat_id: int, html: str, silent: bool) -> int: ...


@dataclass(frozen=True)
class BotSender:
    """The real sender: python-telegram-bot's ``Bot``."""

    bot: Any  # telegram.Bot

    async def send(self, *, chat_id: int, html: str, silent: bool) -> int:
        """Send ``html`` to ``chat_id`` without a link preview."""
        from telegram import LinkPreviewOptions
        from telegram.constants import ParseMode

        message = await self.bot.send_message(
            chat_id=chat_id,
            text=html,
            parse_mode=ParseMode.HTML,
            disable_notification=silent,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        )
        return int(message.message_id)


@dataclass
class Report:
    """What one delivery round did."""

    sent: int = 0
    failed: int = 0
    dropped: int = 0
    retry_after: float | None = None  # seconds Telegram asked us to wait, when it did
    errors: list[str] = field(default_factory=list)


async def deliver_round(
    db: Database,
    sender: Sender,
    *,
    audience: Audience,
    reclaim: bool = False,
    after_each: Callable[[Report], Awaitable[None]] | None = None,
) -> Report:
    """Fan out new alerts to their recipients, then send whatever is due.

    The database work runs in a worker thread, never on the event loop: fanning out a bulk
    import reads thousands of alerts, and answers must not wait for it.
    """
    await asyncio.to_thread(fan_out, db, audience=audience)
    return await deliver_due(db, sender, reclaim=reclaim, after_each=after_each)


async def deliver_due(
    db: Database,
    sender: Sender,
    *,
    now: dt.datetime | None = None,
    limit: int = 200,
    reclaim: bool = False,
    after_each: Callable[[Report], Awaitable[None]] | None = None,
) -> Report:
    """Send every due delivery (oldest first) and record each outcome."""
    now = now or dt.datetime.now(dt.UTC)
    report = Report()
    for key in await asyncio.to_thread(_due_keys, db, now=now, limit=limit, reclaim=reclaim):
        row = await asyncio.to_thread(_claim, db, key, now=now, reclaim=reclaim)
        if row is None:
            continue  # another deliverer took it
        stop = await _attempt(db, sender, row, report, now=now)
        if after_each is not None:
            await after_each(report)
        if stop:
            break
    return report


def _due_keys(db: Database, *, now: dt.datetime, limit: int, reclaim: bool) -> list[str]:
    lease_clause = "1" if reclaim else "lease_until <= ?"
    params = [now_iso(now)] + ([] if reclaim else [now_iso(now)])
    rows = db.execute(
        "select key from deliveries where (status in ('pending', 'failed') and "
        f"(next_attempt_at is null or next_attempt_at <= ?)) or (status = 'sending' and {lease_clause}) "
        "order by alert_id, key limit ?",
        [*params, limit],
    ).fetchall()
    return [r[0] for r in rows]


def _claim(db: Database, key: str, *, now: dt.datetime, reclaim: bool) -> dict[str, Any] | None:
    with db.atomic():
        cursor = db.execute(
            "update deliveries set status = 'sending', lease_until = ?, attempts = attempts + 1 "
            "where key = ? and (status in ('pending', 'failed') "
            "or (status = 'sending' and (? or lease_until <= ?)))",
            [now_iso(now + LEASE), key, int(reclaim), now_iso(now)],
        )
        if cursor.rowcount != 1:
            return None
        row = db.execute(
            "select d.key, d.chat_id, d.audience, d.items, d.reason, d.attempts, a.kind, a.silent, a.payload "
            "from deliveries d join alerts a on a.id = d.alert_id where d.key = ?",
            [key],
        ).fetchone()
    names = ("key", "chat_id", "audience", "items", "reason", "attempts", "kind", "silent", "payload")
    return dict(zip(names, row, strict=True))


def render_delivery(row: dict[str, Any]) -> str:
    """Render the message of one delivery row (joined with its alert)."""
    payload = json.loads(row["payload"])
    if row["kind"] == "digest":
        return render_digest(payload)
    if row["kind"] == "notice":
        return render_notice(payload)
    if row["kind"] == "archive":
        mine = json.loads(row["items"]) if row.get("items") else None
        return render_archive(payload, mine=mine, reason=row.get("reason"))
    only = json.loads(row["items"]) if row.get("items") else None
    return render_alert(payload, only=only, reason=row.get("reason"))


async def _attempt(
    db: Database, sender: Sender, row: dict[str, Any], report: Report, *, now: dt.datetime
) -> bool:
    """Send one delivery, following chat migrations; return True to end the round."""
    chat_id = int(row["chat_id"])
    try:
        html = render_delivery(row)
    except (KeyError, TypeError, ValueError) as err:  # a payload from an older version, say
        await _off_loop(_failed, db, row, error=f"cannot render: {err!r}", report=report, now=now)
        return False
    for _ in range(3):  # a chat migrates once; a loop of migrations is the server's bug
        try:
            message_id = await sender.send(chat_id=chat_id, html=html, silent=bool(row["silent"]))
        except ChatMigrated as err:
            await _off_loop(_migrate, db, old=chat_id, new=int(err.new_chat_id), now=now)
            chat_id = int(err.new_chat_id)
            continue
        except RetryAfter as err:
            seconds = _seconds(err)
            return await _off_loop(_wait, db, row, chat_id=chat_id, seconds=seconds, report=report, now=now)
        except Forbidden as err:
            await _off_loop(_forbidden, db, row, chat_id=chat_id, error=str(err), report=report, now=now)
            return False
        except TelegramError as err:
            await _off_loop(_failed, db, row, error=str(err), report=report, now=now)
            return False
        await _off_loop(
            _update,
            db,
            row["key"],
            status="sent",
            message_id=message_id,
            sent_at=now_iso(),
            lease_until=None,
            last_error=None,
        )
        report.sent += 1
        return False
    await _off_loop(_failed, db, row, error="chat migrated too many times", report=report, now=now)
    return False


async def _off_loop(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a database write in a worker thread: a commit waits for the disk."""
    return await asyncio.to_thread(func, *args, **kwargs)


def _migrate(db: Database, *, old: int, new: int, now: dt.datetime) -> None:
    with db.atomic():
        db.execute(
            "insert or replace into chat_migrations (old_chat_id, new_chat_id, migrated_at) values (?, ?, ?)",
            [old, new, now_iso(now)],
        )
        move_chat(db, old=old, new=new)
        db.execute("update deliveries set chat_id = ? where chat_id = ? and status != 'sent'", [new, old])
    log.info("chat %s migrated to %s", old, new)


def _wait(
    db: Database, row: dict[str, Any], *, chat_id: int, seconds: float, report: Report, now: dt.datetime
) -> bool:
    later = now_iso(now + dt.timedelta(seconds=seconds))
    with db.atomic():
        # Flood control is no failure: give the attempt back, and hold the chat's other messages too.
        db.execute(
            "update deliveries set status = 'pending', attempts = attempts - 1, lease_until = null, "
            "next_attempt_at = ? where key = ?",
            [later, row["key"]],
        )
        db.execute(
            "update deliveries set next_attempt_at = ? where chat_id = ? and status in ('pending', 'failed') "
            "and (next_attempt_at is null or next_attempt_at < ?)",
            [later, chat_id, later],
        )
    report.retry_after = seconds
    return True


def _forbidden(
    db: Database, row: dict[str, Any], *, chat_id: int, error: str, report: Report, now: dt.datetime
) -> None:
    if row["audience"] != "subscriber":  # the alert channel or an admin: keep trying, someone will fix it
        _failed(db, row, error=error, report=report, now=now)
        return
    with db.atomic():
        drop_chat(db, chat_id=chat_id)
        db.execute(
            "update deliveries set status = 'dropped', last_error = ?, lease_until = null "
            "where chat_id = ? and status != 'sent'",
            [error, chat_id],
        )
    report.dropped += 1
    log.info("chat %s blocked the bot: its subscriptions are dropped", chat_id)


def _failed(db: Database, row: dict[str, Any], *, error: str, report: Report, now: dt.datetime) -> None:
    attempts = int(row["attempts"])
    delay = min(BASE_DELAY * 2 ** (attempts - 1), MAX_DELAY)
    status = "dead" if attempts >= MAX_ATTEMPTS else "failed"
    _update(
        db,
        row["key"],
        status=status,
        last_error=error[:500],
        lease_until=None,
        next_attempt_at=now_iso(now + delay),
    )
    report.failed += 1
    report.errors.append(f"chat {row['chat_id']}: {error}")
    log.warning("delivery %s failed (attempt %s): %s", row["key"], attempts, error)


def _update(db: Database, key: str, **values: Any) -> None:
    with db.atomic():
        db.table("deliveries").update(key, values)


def _seconds(err: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the int form of retry_after is going away
        warnings.simplefilter("ignore")
        value = err.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)
