"""Alert delivery on a schedule: the outbox is fanned out and sent every few seconds, and the
daily digest is queued once a day when DAILY_DIGEST is on. No commands: only jobs."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING

from bot.alerts.archive import archive_backlog
from bot.alerts.deliver import BotSender, Report, deliver_round
from bot.alerts.outbox import Audience, queue_digest
from bot.handlers.services import App, Context, services
from bot.wiring import open_unhooked

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

DELIVERY_SECONDS = 15  # how soon an alert reaches Telegram after its facts are saved
DIGEST_TIME = dt.time(8, 0, tzinfo=dt.UTC)


async def deliver_job(context: Context) -> None:
    """Fan out new alerts and send what is due; failures wait for the next round."""
    lock = context.bot_data.delivery_lock
    if lock.locked():
        return  # a round is running; it will pick up what is new
    async with lock:
        found = services(context)
        # Its own connection: the round writes from a worker thread while handlers use theirs.
        db = _delivery_db(context)
        audience = Audience.from_settings(found.settings)
        report = await deliver_round(db, BotSender(context.bot), audience=audience)
    _log(report)


async def digest_job(context: Context) -> None:
    """Queue the daily digest, then deliver it."""
    await asyncio.to_thread(queue_digest, _delivery_db(context))
    await deliver_job(context)


def _delivery_db(context: Context) -> Database:
    db = context.bot_data.delivery_db
    assert db is not None, "the delivery connection is opened in post_init (startup)"
    return db


def deliver_soon(app: App) -> None:
    """Run a delivery round now (after an ingest or a poll) rather than at the next tick."""
    if app.job_queue is not None:
        app.job_queue.run_once(deliver_job, 0, name="alerts-deliver-now")


def _log(report: Report) -> None:
    if report.sent or report.failed or report.dropped:
        log.info("alerts: %s sent, %s failed, %s dropped", report.sent, report.failed, report.dropped)


def register(app: App) -> None:
    """Nothing to register: alerts have no commands (see bot.handlers.follow)."""


async def startup(app: App) -> None:
    """Archive the backlog of a first start, and schedule delivery and the digest (the store's
    saves queue alerts: bot.wiring)."""
    found = app.bot_data.services
    assert found is not None
    delivery = open_unhooked(found.settings)
    app.bot_data.delivery_db = delivery.db
    archived = await asyncio.to_thread(archive_backlog, delivery.db)
    if archived:
        log.info("alerts: %s documents stored before the first start go out as one archive digest", archived)
    if app.job_queue is None:
        log.warning("no job queue (install python-telegram-bot[job-queue]): alerts are not delivered")
        return
    app.job_queue.run_repeating(deliver_job, interval=DELIVERY_SECONDS, first=1, name="alerts-deliver")
    if found.settings.daily_digest:
        app.job_queue.run_daily(digest_job, time=DIGEST_TIME, name="alerts-digest")


async def shutdown(app: App) -> None:
    """Close the delivery connection."""
    db, app.bot_data.delivery_db = app.bot_data.delivery_db, None
    if db is not None:
        db.close()
