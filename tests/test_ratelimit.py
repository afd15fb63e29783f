"""The per-user limit: a sliding minute, per user, kept in the store, with the wait it tells the user."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.ratelimit import StoredRateLimiter
from storage.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def in_the_store(clock: Clock, path: Path) -> StoredRateLimiter:
    return StoredRateLimiter(Store.open(path).db, per_minute=2, clock=clock)


def test_limit_is_per_user_and_slides(tmp_path: Path) -> None:
    clock = Clock()
    limiter = in_the_store(clock, tmp_path / "bot.db")
    answers = [limiter.allow(1), limiter.allow(1), limiter.allow(1), limiter.allow(2)]
    assert answers == [True, True, False, True]
    assert limiter.retry_after(1) == 60
    clock.now += 30
    assert (limiter.allow(1), limiter.retry_after(1)) == (False, 30)
    clock.now += 30
    assert limiter.allow(1) and limiter.retry_after(2) == 0


def test_a_stored_window_outlives_the_process_and_is_shared(tmp_path: Path) -> None:
    clock = Clock()
    before = in_the_store(clock, tmp_path / "bot.db")
    assert before.allow(1) and before.allow(1)
    after, replica = in_the_store(clock, tmp_path / "bot.db"), in_the_store(clock, tmp_path / "bot.db")
    assert (after.allow(1), replica.retry_after(1)) == (False, 60)
    clock.now += 60
    assert replica.allow(1) and after.allow(3)
    assert Store.open(tmp_path / "bot.db").db["rate_windows"].count == 2  # user 1's new minute, user 3's


def test_idle_users_are_forgotten(tmp_path: Path) -> None:
    clock = Clock()
    limiter = in_the_store(clock, tmp_path / "bot.db")
    for user in range(10):
        limiter.allow(user)
    clock.now += 61
    limiter.allow(99)
    limiter.allow(100)
    assert Store.open(tmp_path / "bot.db").db["rate_windows"].count == 2


def test_bad_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        StoredRateLimiter(Store.open(tmp_path / "bot.db").db, per_minute=0)
