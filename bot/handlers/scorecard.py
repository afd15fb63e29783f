"""Tracking commands: /scorecard <country> and /status <commitment words>."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.access import rate_limited
from bot.handlers.pages import send_answer
from bot.handlers.services import App, Context, services
from bot.query.answer import Answer
from bot.render import render_text

if TYPE_CHECKING:
    from storage.store import Store

MAX_ARGS = 300  # characters of the command's arguments that are read
USAGE = {
    "scorecard": "Tell me which country or organisation, e.g. /scorecard France",
    "status": "Tell me which commitment, e.g. /status US backstop",
}
QUESTION = {"scorecard": "scorecard of {}", "status": "status of {}"}
NOT_FOUND = {
    "scorecard": "I know no commitments of {}. Try a country or organisation name, e.g. /scorecard France",
    "status": ("No tracked commitment matches {}. Try the actor and a word of the promise, "
               "e.g. /status US backstop"),
}
COMMANDS = (
    ("scorecard", "Show every commitment of a country and its latest status: /scorecard <country>"),
    ("status", "Show the timeline of one commitment: /status <actor and commitment words>"),
)


def tracking_answer(command: str, args: str, *, store: Store, today: dt.date | None = None) -> Answer:
    """Answer /scorecard or /status from the tracking threads; say so when nothing matches."""
    from bot.tracking.router import try_answer

    args = " ".join(args.split())[:MAX_ARGS]
    question = QUESTION[command].format(args)
    found = try_answer(question, store, today=today)
    if found is not None:
        return found
    text = NOT_FOUND[command].format(f"“{args}”")
    return Answer(question=question, text=text, found=False, intent=command, header=text)


def _command(command: str, doc: str) -> Any:
    async def callback(update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None
        args = " ".join(context.args or [])
        if not args.strip():
            await message.reply_text(render_text(USAGE[command])[0])
            return
        await send_answer(message, context, tracking_answer(command, args, store=services(context).store))

    callback.__doc__, callback.__name__ = doc, command
    return rate_limited(callback)


def register(app: App) -> None:
    """Add /scorecard and /status."""
    for name, doc in COMMANDS:
        app.add_handler(CommandHandler(name, _command(name, doc)))
