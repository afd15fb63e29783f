"""Alert delivery on a schedule: the outbox is fanned out and sent every few seconds, and the
daily digest is queued once a day when DAILY_DIGEST is on. No commands: only jobs."""

from __future__ import annotations

import datetime as dt
import logging

from bot.alerts.deliver import BotSender, Report, deliver_round
from bot.alerts.outbox import Audience, queue_digest
from bot.handlers.services import App, Context, services

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
        report = await deliver_round(
            found.store.db, BotSender(context.bot), audience=Audience.from_settings(found.settings)
        )
    _log(report)


async def digest_job(context: Context) -> None:
    """Queue the daily digest, then deliver it."""
    queue_digest(services(context).store.db)
    await deliver_job(context)


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
    """Schedule delivery and the digest (the store's saves queue alerts: bot.wiring)."""
    found = app.bot_data.services
    assert found is not None
    if app.job_queue is None:
        log.warning("no job queue (install python-telegram-bot[job-queue]): alerts are not delivered")
        return
    app.job_queue.run_repeating(deliver_job, interval=DELIVERY_SECONDS, first=1, name="alerts-deliver")
    if found.settings.daily_digest:
        app.job_queue.run_daily(digest_job, time=DIGEST_TIME, name="alerts-digest")
