"""The per-user limit: a sliding minute, per user, with the wait it tells the user."""
from __future__ import annotations

import pytest

from bot.ratelimit import UserRateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_is_per_user_and_slides() -> None:
    clock = Clock()
    limiter = UserRateLimiter(per_minute=2, clock=clock)
    answers = [limiter.allow(1), limiter.allow(1), limiter.allow(1), limiter.allow(2)]
    assert answers == [True, True, False, True]
    assert limiter.retry_after(1) == 60
    clock.now += 30
    assert (limiter.allow(1), limiter.retry_after(1)) == (False, 30)
    clock.now += 30
    assert limiter.allow(1) and limiter.retry_after(2) == 0


def test_idle_users_are_forgotten() -> None:
    clock = Clock()
    limiter = UserRateLimiter(per_minute=1, clock=clock, max_users=10)
    for user in range(10):
        limiter.allow(user)
    clock.now += 61
    limiter.allow(99)
    limiter.allow(100)
    assert len(limiter._seen) <= 2


def test_bad_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        UserRateLimiter(per_minute=0)
