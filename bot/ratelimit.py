"""A per-user limit on questions: a sliding window of one minute, kept in memory."""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

WINDOW = 60.0  # seconds


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
