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
    "scorecard": "Tell me which country or organisation",
    "status": "Tell me which commitment: the actor and a word of the promise",
}
QUESTION = {"scorecard": "scorecard of {}", "status": "status of {}"}
NOT_FOUND = {
    "scorecard": "I know no commitments of {}. Try a country or organisation name",
    "status": "No tracked commitment matches {}. Try the actor and a word of the promise",
}
NOTHING_TRACKED = "No commitments are tracked yet: ingest some readouts first."
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
    text = with_example(command, NOT_FOUND[command].format(f"“{args}”"), store=store, today=today)
    return Answer(question=question, text=text, found=False, intent=command)  # said once: no header


def with_example(command: str, text: str, *, store: Store, today: dt.date | None = None) -> str:
    """Add an example that works on ``store`` to ``text`` (or say that nothing is tracked)."""
    from bot.tracking.examples import scorecard_example, status_example

    example = (scorecard_example if command == "scorecard" else status_example)(store, today=today)
    return f"{text}, e.g. {example}" if example else f"{text}. {NOTHING_TRACKED}"


def _command(command: str, doc: str) -> Any:
    async def callback(update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None
        args = " ".join(context.args or [])
        store = services(context).store
        if not args.strip():
            usage = with_example(command, USAGE[command], store=store)
            await message.reply_text(render_text(usage)[0])
            return
        await send_answer(message, context, tracking_answer(command, args, store=store))

    callback.__doc__, callback.__name__ = doc, command
    return rate_limited(callback)


def register(app: App) -> None:
    """Add /scorecard and /status."""
    for name, doc in COMMANDS:
        app.add_handler(CommandHandler(name, _command(name, doc)))
