"""A per-user limit on questions: a sliding window of one minute, kept in the store.

Each user's window lives in ``rate_windows`` (migration set pledgebot.chat): a restart does not
hand every user a fresh minute, and every process serving the bot (a second webhook replica)
counts against one limit. Checking and counting is one transaction.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.conversation.kept import stamp

if TYPE_CHECKING:
    from sqlite_utils import Database

WINDOW = 60.0  # seconds


class StoredRateLimiter:
    """Allow each user ``per_minute`` questions in any sliding minute, counted in the store."""

    def __init__(self, db: Database, *, per_minute: int, clock: Callable[[], float] = time.time) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self._db, self._clock = db, clock

    def allow(self, user_id: int) -> bool:
        """Count one question by ``user_id``; return False when over the limit."""
        now = self._clock()
        with self._db.atomic():
            stamps = self._window(user_id, now)
            if len(stamps) >= self.per_minute:
                return False
            # Users whose minute has passed are forgotten, so a flood of users cannot grow the table.
            self._db.conn.execute("delete from rate_windows where expires_at <= ?", [stamp(now)])
            self._db.conn.execute(
                "insert or replace into rate_windows (user_id, stamps, expires_at) values (?, ?, ?)",
                [user_id, json.dumps([*stamps, now]), stamp(now + WINDOW)])
        return True

    def retry_after(self, user_id: int) -> int:
        """Return the whole seconds until ``user_id`` may ask again (0 when they may now)."""
        now = self._clock()
        stamps = self._window(user_id, now)
        if len(stamps) < self.per_minute:
            return 0
        return max(1, int(WINDOW - (now - stamps[0]) + 0.999))

    def _window(self, user_id: int, now: float) -> list[float]:
        row = self._db.conn.execute("select stamps from rate_windows where user_id = ?", [user_id]).fetchone()
        return [t for t in json.loads(row[0]) if now - t < WINDOW] if row else []
