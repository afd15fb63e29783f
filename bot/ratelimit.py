"""A per-user limit on questions: a sliding window of one minute, in memory or in the store."""
from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from bot.conversation.kept import stamp

if TYPE_CHECKING:
    from sqlite_utils import Database

WINDOW = 60.0  # seconds


class RateLimiter(Protocol):
    """What handlers ask of a limit."""

    def allow(self, user_id: int) -> bool:
        """Count one question by ``user_id``; return False when over the limit."""

    def retry_after(self, user_id: int) -> int:
        """Return the whole seconds until ``user_id`` may ask again."""


class UserRateLimiter:
    """Allow each user ``per_minute`` questions in any sliding minute."""

    def __init__(self, *, per_minute: int, clock: Callable[[], float] = time.monotonic,
                 max_users: int = 10_000) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self._clock = clock
        self._max_users = max_users
        self._seen: dict[int, deque[float]] = {}

    def allow(self, user_id: int) -> bool:
        """Count one question by ``user_id``; return False when over the limit."""
        now = self._clock()
        stamps = self._seen.setdefault(user_id, deque())
        while stamps and now - stamps[0] >= WINDOW:
            stamps.popleft()
        if len(stamps) >= self.per_minute:
            return False
        stamps.append(now)
        if len(self._seen) > self._max_users:
            self._forget_idle(now)
        return True

    def retry_after(self, user_id: int) -> int:
        """Return the whole seconds until ``user_id`` may ask again (0 when they may now)."""
        stamps = self._seen.get(user_id)
        if not stamps or len(stamps) < self.per_minute:
            return 0
        return max(1, int(WINDOW - (self._clock() - stamps[0]) + 0.999))

    def _forget_idle(self, now: float) -> None:
        # Bound memory under a flood of distinct users: drop everyone whose window has passed.
        for user_id in [u for u, s in self._seen.items() if not s or now - s[-1] >= WINDOW]:
            del self._seen[user_id]


class StoredRateLimiter:
    """The same sliding minute, with each user's window kept in the store (``rate_windows``).

    A restart does not hand every user a fresh minute, and every process serving the bot (a
    second webhook replica) counts against one limit. Checking and counting is one transaction.
    """

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
