"""Chat state kept in the store with an expiry: answers behind buttons, and each chat's last question.

Kept in the store rather than in the process, a page or source button still works after a
restart, and any process serving the bot (a second webhook replica) can answer it. Expired rows
are deleted as new ones are written.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
import time
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from bot.query.answer import Answer

ANSWER_SECONDS = 7 * 24 * 3600  # a week of buttons: old answers are asked again, not paged
CONTEXT_SECONDS = 5 * 60  # "and France?" continues a question asked at most this long ago
_FIELDS = {f.name for f in dataclasses.fields(Answer)}
# What a kept answer shows in place of a fact whose document was deleted after it was given.
REMOVED = {"type": "removed", "text": "(removed: its document was deleted)", "evidence": "", "source": {}}

Clock = Callable[[], float]


def stamp(seconds: float) -> str:
    """Return a Unix time as an ISO timestamp in UTC (the form every expiry is stored in)."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="seconds")


def new_key() -> str:
    """Return a new random key for an answer (random, so an old button never shows a new answer)."""
    return secrets.token_urlsafe(6)


def answer_payload(answer: Answer) -> str:
    """Return ``answer`` as JSON, everything a button needs to show it again."""
    return json.dumps(dataclasses.asdict(answer), ensure_ascii=False)


def answer_from_payload(payload: str) -> Answer:
    """Rebuild an answer from ``answer_payload``; fields a newer version added are left out."""
    data: dict[str, Any] = json.loads(payload)
    return Answer(**{k: v for k, v in data.items() if k in _FIELDS})


class KeptAnswers:
    """Answers kept for their buttons, under random keys, and by the message that shows them."""

    def __init__(self, db: Database, *, seconds: float = ANSWER_SECONDS,
                 clock: Clock = time.time) -> None:
        self._db, self._seconds, self._clock = db, seconds, clock

    def put(self, answer: Answer, *, key: str, chat_id: int | None = None,
            message_id: int | None = None) -> None:
        """Keep ``answer`` under ``key``, with the message that shows it (a reply to it continues it)."""
        now = self._clock()
        with self._db.atomic():
            self._db.conn.execute("delete from kept_answers where expires_at <= ?", [stamp(now)])
            self._db.conn.execute(
                "insert or replace into kept_answers"
                " (key, chat_id, message_id, payload, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                [key, chat_id, message_id, answer_payload(answer), stamp(now), stamp(now + self._seconds)])

    def get(self, key: str) -> Answer | None:
        """Return the answer kept under ``key``, or None when it expired or never was."""
        return self._one("key = ?", [key])

    def in_message(self, chat_id: int, message_id: int) -> Answer | None:
        """Return the answer a bot message shows, or None when none is kept for it."""
        return self._one("chat_id = ? and message_id = ?", [chat_id, message_id])

    def _one(self, where: str, params: list[Any]) -> Answer | None:
        row = self._db.conn.execute(
            f"select payload from kept_answers where {where} and expires_at > ?"
            " order by created_at desc limit 1",
            [*params, stamp(self._clock())]).fetchone()
        return self._without_deleted(answer_from_payload(row[0])) if row else None

    def _without_deleted(self, answer: Answer) -> Answer:
        """Blank the facts whose document an admin deleted since; the others keep their places."""
        ids = sorted({str(r["doc_id"]) for r in answer.results if r.get("doc_id")})
        if not ids:
            return answer
        kept = {row[0] for row in self._db.conn.execute(
            f"select id from documents where id in ({', '.join('?' * len(ids))})", ids)}
        if len(kept) == len(ids):
            return answer
        results = [r if not r.get("doc_id") or r["doc_id"] in kept else dict(REMOVED) for r in answer.results]
        return dataclasses.replace(answer, results=results)


class ChatContexts:
    """The last question asked by each user in each chat, for a few minutes."""

    def __init__(self, db: Database, *, seconds: float = CONTEXT_SECONDS,
                 clock: Clock = time.time) -> None:
        self._db, self._seconds, self._clock = db, seconds, clock

    def remember(self, *, chat_id: int, user_id: int, question: str) -> None:
        """Keep ``question`` as what the user's next message in this chat may continue."""
        now = self._clock()
        with self._db.atomic():
            self._db.conn.execute("delete from chat_contexts where expires_at <= ?", [stamp(now)])
            self._db.conn.execute(
                "insert or replace into chat_contexts (chat_id, user_id, question, expires_at)"
                " values (?, ?, ?, ?)",
                [chat_id, user_id, question, stamp(now + self._seconds)])

    def recall(self, *, chat_id: int, user_id: int) -> str | None:
        """Return the user's last question in this chat, or None when there is none this recent."""
        row = self._db.conn.execute(
            "select question from chat_contexts where chat_id = ? and user_id = ? and expires_at > ?",
            [chat_id, user_id, stamp(self._clock())]).fetchone()
        return str(row[0]) if row else None
