"""/follow, /unfollow and /following: subscriptions of private chats to people, countries,
organisations and topics."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.alerts.match import Subject, default_index, resolve_subject
from bot.alerts.subscriptions import follow, following, unfollow
from bot.errors import NotFoundError
from bot.handlers.services import App, Context, services
from bot.render import render_text

USAGE = (
    "Tell me what to follow: a person, a country, an organisation or a topic, e.g. "
    "/follow Macron, /follow Germany, /follow NATO or /follow air defence."
)
PRIVATE_ONLY = "Subscriptions live in private chats: message me directly to /follow something."
KIND_NAMES = {"person": "person", "country": "country", "org": "organisation", "topic": "topic"}


async def _reply(update: Update, text: str) -> None:
    assert update.effective_message is not None
    for chunk in render_text(text):
        await update.effective_message.reply_text(chunk)


def _argument(context: Context) -> str:
    return " ".join(context.args or []).strip()


async def _resolve(text: str) -> Subject:
    # Off the event loop, index included: the first default_index() builds the entity index.
    return await asyncio.to_thread(lambda: resolve_subject(text[:100], index=default_index()))


async def follow_command(update: Update, context: Context) -> None:
    """Follow a person, country, organisation or topic."""
    assert update.effective_chat is not None
    text = _argument(context)
    if not text:
        await _reply(update, USAGE)
        return
    try:
        subject = await _resolve(text)
        added = follow(services(context).store.db, chat_id=update.effective_chat.id, subject=subject)
    except ValueError as err:
        await _reply(update, str(err))
        return
    what = f"{subject.label} ({KIND_NAMES[subject.kind]})"
    await _reply(
        update,
        f"You now follow {what}. I will message you when new facts about it arrive."
        if added
        else f"You already follow {what}.",
    )


async def unfollow_command(update: Update, context: Context) -> None:
    """Stop following something."""
    assert update.effective_chat is not None
    text = _argument(context)
    if not text:
        await following_command(update, context)
        return
    try:
        subject = await _resolve(text)
        gone = unfollow(
            services(context).store.db, chat_id=update.effective_chat.id, text=text, subject=subject
        )
    except (NotFoundError, ValueError) as err:
        await _reply(update, f"{str(err).capitalize()}. See /following.")
        return
    await _reply(update, "You no longer follow " + ", ".join(s.label for s in gone) + ".")


async def following_command(update: Update, context: Context) -> None:
    """List what you follow."""
    assert update.effective_chat is not None
    found = following(services(context).store.db, chat_id=update.effective_chat.id)
    await _reply(update, describe_following(found))


def describe_following(found: list[Subject]) -> str:
    """Return the text of /following."""
    if not found:
        return "You follow nothing yet. " + USAGE
    lines = [f"• {s.label} ({KIND_NAMES[s.kind]})" for s in found]
    return "You follow:\n" + "\n".join(lines) + "\n\nStop with /unfollow followed by the name."


async def not_here(update: Update, context: Context) -> None:
    """Explain that subscriptions are made in private chats."""
    await _reply(update, PRIVATE_ONLY)


def register(app: App) -> None:
    """Add /follow, /unfollow and /following (private chats; elsewhere a pointer to them)."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("follow", follow_command, filters=private))
    app.add_handler(CommandHandler("unfollow", unfollow_command, filters=private))
    app.add_handler(CommandHandler("following", following_command, filters=private))
    app.add_handler(CommandHandler(["follow", "unfollow", "following"], not_here, filters=~private))
