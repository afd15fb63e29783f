"""Run the bot as `pledgebot run` does, in its own process, with a watch on its event loop.

    python -m tests.hostile.load_bot STATS.json

The application is the production one (``build_application`` with Telegram's AIORateLimiter),
polling as ``run_polling`` does, configured from the environment. A task wakes every 10 ms and
counts how late it woke: lateness past 5 ms is time the loop was blocked (extraction, a slow
query, anything run on the loop instead of a worker thread). The figures are written to
STATS.json when the process stops (SIGINT / SIGTERM).
"""
from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import build_application, protect_token
from bot.cli import configure_logging
from bot.config import load_settings

TICK = 0.010
BLOCKED_PAST = 0.005


async def watch_loop(stats: dict[str, Any]) -> None:
    """Sleep a tick at a time; add each wake-up's lateness past BLOCKED_PAST to the blocked time."""
    while True:
        before = time.perf_counter()
        await asyncio.sleep(TICK)
        late = time.perf_counter() - before - TICK
        stats["ticks"] += 1
        if late > BLOCKED_PAST:
            stats["blocked_s"] += late
            stats["stalls"] += 1
            stats["longest_stall_s"] = max(stats["longest_stall_s"], late)


def main(stats_path: Path) -> None:
    """Run the bot until a signal stops it, then write the loop's figures to ``stats_path``."""
    settings = load_settings()
    configure_logging(settings.log_level)
    protect_token(settings)
    app = build_application(settings)
    stats: dict[str, Any] = {"ticks": 0, "stalls": 0, "blocked_s": 0.0, "longest_stall_s": 0.0}
    started = time.perf_counter()
    post_init, post_shutdown = app.post_init, app.post_shutdown
    assert post_init is not None and post_shutdown is not None

    async def init_and_watch(application: Any) -> None:
        await post_init(application)
        application.create_task(watch_loop(stats))

    async def report_and_stop(application: Any) -> None:
        stats["ran_s"] = time.perf_counter() - started
        stats_path.write_text(json.dumps(stats), encoding="utf-8")
        await post_shutdown(application)

    app.post_init, app.post_shutdown = init_and_watch, report_and_stop
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
