"""``pledgebot alerts deliver|digest|status``: the outbox from the command line (the bot does
the same on its own schedule)."""

from __future__ import annotations

from typing import Any

import click

from bot.commands.options import DB_OPTION, open_store


@click.group("alerts")
def alerts_group() -> None:
    """Deliver queued alerts, queue a digest, show the outbox."""


@alerts_group.command("deliver")
@DB_OPTION
@click.option(
    "--reclaim",
    is_flag=True,
    help="Also resend messages a crashed run left half-sent (only when no bot is running).",
)
def deliver(db: str | None, reclaim: bool) -> None:
    """Send every due alert to ALERT_CHAT_ID, the subscribers and the admins."""
    import asyncio  # here, not at the top: every `pledgebot ask` imports this module

    from bot.alerts.outbox import Audience
    from bot.config import load_settings
    from bot.errors import PledgebotError

    try:
        settings = load_settings()
    except PledgebotError as err:
        raise click.ClickException(str(err)) from None
    if settings.telegram_bot_token is None:
        raise click.ClickException("TELEGRAM_BOT_TOKEN is not set: nothing can be delivered")
    store = open_store(db)
    report = asyncio.run(
        _deliver(store, settings, audience=Audience.from_settings(settings), reclaim=reclaim)
    )
    click.echo(
        f"sent {report.sent}, failed {report.failed}, dropped {report.dropped}"
        + (f", Telegram asks to wait {report.retry_after:.0f} s" if report.retry_after else "")
    )


async def _deliver(store: Any, settings: Any, **options: Any) -> Any:
    from bot.alerts.deliver import BotSender, deliver_round

    async with make_bot(settings) as bot:
        return await deliver_round(store.db, BotSender(bot), **options)


def make_bot(settings: Any) -> Any:
    """Build a ``telegram.Bot`` for the token and Bot API server of ``settings``."""
    from telegram import Bot

    token = settings.telegram_bot_token.get_secret_value()
    if settings.telegram_base_url:  # as bot.app does: the root, with or without /bot
        root = settings.telegram_base_url.rstrip("/").removesuffix("/bot")
        return Bot(token, base_url=f"{root}/bot", base_file_url=f"{root}/file/bot")
    return Bot(token)


@alerts_group.command("digest")
@DB_OPTION
def digest(db: str | None) -> None:
    """Gather the alerts not yet posted into one digest for the channel (when DAILY_DIGEST is on)."""
    from bot.alerts.outbox import Audience, fan_out, queue_digest
    from bot.config import load_settings

    store = open_store(db)
    fan_out(store.db, audience=Audience.from_settings(load_settings()))
    found = queue_digest(store.db)
    click.echo("nothing to digest" if found is None else f"digest queued: alert {found}")


@alerts_group.command("status")
@DB_OPTION
def status(db: str | None) -> None:
    """Count the deliveries by status."""

    rows = (
        open_store(db)
        .db.execute("select status, count(*) from deliveries group by status order by status")
        .fetchall()
    )
    for name, count in rows:
        click.echo(f"{name}: {count}")
