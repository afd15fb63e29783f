"""Who may do what: admin-only callbacks, the per-user question limit, and the command list."""
from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.services import App, Context, services
from bot.render import render_text

Callback = Callable[[Update, Context], Coroutine[Any, Any, Any]]

REFUSAL = ("Sorry, only the bot's admins can add or remove documents. "
           "Ask me a question instead, or see /help.")


def admin_only(callback: Callback) -> Callback:
    """Run ``callback`` for admins; everyone else gets a polite refusal."""
    @functools.wraps(callback)
    async def wrapper(update: Update, context: Context) -> Any:
        user = update.effective_user
        if services(context).is_admin(user.id if user else None):
            return await callback(update, context)
        if update.effective_message:
            await update.effective_message.reply_text(render_text(REFUSAL)[0])
        return None

    wrapper.admin_only = True  # type: ignore[attr-defined]
    return wrapper


def rate_limited(callback: Callback) -> Callback:
    """Run ``callback`` unless its user is over the per-minute limit; then ask them to wait."""
    @functools.wraps(callback)
    async def wrapper(update: Update, context: Context) -> Any:
        user = update.effective_user
        limiter = services(context).limiter
        if user is None or limiter.allow(user.id):
            return await callback(update, context)
        if update.effective_message:
            wait = limiter.retry_after(user.id)
            note = f"You are asking faster than I can keep up. Please try again in {wait} seconds."
            await update.effective_message.reply_text(render_text(note)[0])
        return None

    return wrapper


def command_entries(app: App) -> Iterator[tuple[str, str, bool]]:
    """Yield (command, description, admin only) for every registered command, in order."""
    seen: set[str] = set()
    for group in sorted(app.handlers):
        for handler in app.handlers[group]:
            if not isinstance(handler, CommandHandler):
                continue
            doc = (handler.callback.__doc__ or "").strip().splitlines() or [""]
            admin = getattr(handler.callback, "admin_only", False)
            for command in sorted(handler.commands - seen):
                seen.add(command)
                yield command, doc[0].rstrip("."), admin
