"""Subscriptions of private chats: follow, unfollow, list, and find who an alert concerns."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from bot.alerts.diff import fold
from bot.alerts.match import Subject, matches
from bot.errors import NotFoundError
from storage.sql import now_iso

MAX_PER_CHAT = 50  # a generous cap that keeps one chat from filling the table


def follow(db: Database, *, chat_id: int, subject: Subject) -> bool:
    """Subscribe ``chat_id`` to ``subject``; return False when it already was."""
    with db.atomic():
        count = db.execute("select count(*) from subscriptions where chat_id = ?", [chat_id]).fetchone()[0]
        if count >= MAX_PER_CHAT:
            raise ValueError(f"you already follow {MAX_PER_CHAT} things; unfollow some first")
        cursor = db.execute(
            "insert or ignore into subscriptions (chat_id, kind, value, label, created_at) "
            "values (?, ?, ?, ?, ?)",
            [chat_id, subject.kind, subject.value, subject.label, now_iso()],
        )
    return cursor.rowcount == 1


def unfollow(db: Database, *, chat_id: int, text: str, subject: Subject | None = None) -> list[Subject]:
    """Remove the chat's subscriptions named ``text`` (or resolved to ``subject``); return them."""
    wanted = fold(text)
    same = (subject.kind, subject.value) if subject else None
    gone = [
        s
        for s in following(db, chat_id=chat_id)
        if wanted in (fold(s.label), fold(s.value)) or (s.kind, s.value) == same
    ]
    if not gone:
        raise NotFoundError(f"you do not follow {text.strip()}")
    with db.atomic():
        for s in gone:
            db.execute(
                "delete from subscriptions where chat_id = ? and kind = ? and value = ?",
                [chat_id, s.kind, s.value],
            )
    return gone


def following(db: Database, *, chat_id: int) -> list[Subject]:
    """Return what ``chat_id`` follows, oldest first."""
    rows = db.execute("select kind, value, label from subscriptions where chat_id = ? order by id", [chat_id])
    return [Subject(kind=k, value=v, label=label or v) for k, v, label in rows.fetchall()]


def drop_chat(db: Database, *, chat_id: int) -> int:
    """Forget every subscription of a chat that blocked the bot; return how many."""
    return db.execute("delete from subscriptions where chat_id = ?", [chat_id]).rowcount


def move_chat(db: Database, *, old: int, new: int) -> None:
    """Carry a chat's subscriptions over to the id it migrated to."""
    db.execute("update or ignore subscriptions set chat_id = ? where chat_id = ?", [new, old])
    db.execute("delete from subscriptions where chat_id = ?", [old])


def all_subscriptions(db: Database) -> list[tuple[int, Subject]]:
    """Return every (chat, subject) subscription, by chat."""
    rows = db.execute("select chat_id, kind, value, label from subscriptions order by chat_id, id").fetchall()
    return [(chat, Subject(kind=kind, value=value, label=label or value))
            for chat, kind, value, label in rows]


def interested_chats(
    db: Database, items: list[dict[str, Any]], *, subscriptions: list[tuple[int, Subject]] | None = None
) -> dict[int, tuple[list[int], list[str]]]:
    """Return, per subscribed chat, the indexes of the items it follows and why.

    ``subscriptions`` (from ``all_subscriptions``) saves reading them again for every alert.
    """
    found: dict[int, tuple[list[int], list[str]]] = {}
    for chat_id, subject in all_subscriptions(db) if subscriptions is None else subscriptions:
        hits = [i for i, item in enumerate(items) if matches(subject, item)]
        if hits:
            indexes, reasons = found.setdefault(chat_id, ([], []))
            indexes[:] = sorted(set(indexes) | set(hits))
            reasons.append(subject.label)
    return found
