"""/feeds for admins (list, add, remove, poll) and the scheduled poll every FEED_POLL_MINUTES."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import CommandHandler

from bot.config import Settings
from bot.errors import PledgebotError
from bot.feeds.poll import FeedOutcome, poll_due
from bot.feeds.store import add_feed, describe_feed, list_feeds, remove_feed
from bot.handlers.access import admin_only
from bot.handlers.alerts import deliver_soon
from bot.handlers.services import App, Context, services
from bot.ingest.fetch import fetch_limits
from bot.render import render_text

log = logging.getLogger(__name__)

USAGE = "Use /feeds, /feeds add URL, /feeds remove URL or /feeds poll."


def poll_store(settings: Settings, *, force: bool = False) -> list[FeedOutcome]:
    """Poll the due feeds with a connection of its own (this runs in a worker thread)."""
    from bot.wiring import open_store

    store = open_store(settings)
    try:
        return poll_due(store, force=force, limits=fetch_limits(settings))
    finally:
        store.close()


async def poll_job(context: Context) -> None:
    """Poll the feeds that are due, off the event loop; alerts follow at once."""
    outcomes = await asyncio.to_thread(poll_store, services(context).settings)
    for outcome in outcomes:
        log.info("%s", outcome.describe())
    deliver_soon(context.application)


@admin_only
async def feeds_command(update: Update, context: Context) -> None:
    """Manage feeds: /feeds [add URL | remove URL | poll]."""
    args = context.args or []
    action = args[0].lower() if args else "list"
    try:
        text = await _run(context, action, " ".join(args[1:]).strip())
    except PledgebotError as err:
        text = str(err)
    assert update.effective_message is not None
    for chunk in render_text(text):
        await update.effective_message.reply_text(chunk)


async def _run(context: Context, action: str, url: str) -> str:
    db = services(context).store.db
    if action == "list":
        found = list_feeds(db)
        return "\n".join(describe_feed(f) for f in found) if found else "No feeds yet. " + USAGE
    if action == "poll":
        outcomes = await asyncio.to_thread(poll_store, services(context).settings, force=True)
        deliver_soon(context.application)
        return "\n".join(o.describe() for o in outcomes) or "No feeds to poll."
    if action not in ("add", "remove") or not url:
        return USAGE
    if action == "remove":
        remove_feed(db, url=url)
        return f"Removed {url}. Its documents stay."
    added = add_feed(db, url=url)
    if added and context.job_queue is not None:
        context.job_queue.run_once(poll_job, 0, name="feeds-poll-now")
    minutes = services(context).settings.feed_poll_minutes
    return f"Added {url}; polled now, then every {minutes} minutes." if added else f"{url} is already there."


def register(app: App) -> None:
    """Add /feeds (admins)."""
    app.add_handler(CommandHandler("feeds", feeds_command))


async def startup(app: App) -> None:
    """Poll the feeds every FEED_POLL_MINUTES, starting shortly after launch."""
    if app.job_queue is None:
        log.warning("no job queue: feeds are only polled by `pledgebot feeds poll`")
        return
    found = app.bot_data.services
    assert found is not None
    minutes = found.settings.feed_poll_minutes
    app.job_queue.run_repeating(poll_job, interval=minutes * 60, first=10, name="feeds-poll")
