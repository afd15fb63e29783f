"""The one error handler: log the failure (never the token), tell the user and the admin chat."""
from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.error import TelegramError

from bot.handlers.services import Context
from bot.render import render_text

log = logging.getLogger("pledgebot.telegram")

SORRY = "Sorry, something went wrong while answering. Please try again later."


def redact(text: str, token: str | None) -> str:
    """Return ``text`` with the bot token blanked out."""
    return text.replace(token, "<token>") if token else text


async def on_error(update: object, context: Context) -> None:
    """Log an exception raised while handling an update, and tell whoever should know."""
    err = context.error
    token = context.bot.token
    described = redact(f"{type(err).__name__}: {err}", token)
    update_id = update.update_id if isinstance(update, Update) else None
    trace = "".join(traceback.format_exception(err)) if err else ""
    log.error("update %s failed: %s\n%s", update_id, described, redact(trace, token))
    if isinstance(update, Update) and update.effective_message and update.effective_message.chat:
        await _quietly(update.effective_message.reply_text(render_text(SORRY)[0]))
    services = context.bot_data.services
    chat_id = services.settings.admin_chat_id if services else None
    if chat_id:
        note = f"Error while handling update {update_id}: {described}"[:1000]
        await _quietly(context.bot.send_message(chat_id, render_text(note)[0]))


async def _quietly(sending: object) -> None:
    # Telling someone about an error must never raise another one into the loop.
    try:
        await sending  # type: ignore[misc]
    except TelegramError as err:
        log.warning("could not report an error: %s", type(err).__name__)


class TokenFilter(logging.Filter):
    """Blank the bot token out of every log record, its traceback included."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite ``record`` without the token; never drop it."""
        # Freeze the message now, even without the token: PTB logs its API results by reference
        # and later rewrites a File's file_path into a URL holding the token, so a handler that
        # formats the record later (caplog, queues) would otherwise see the token appear.
        record.msg, record.args = redact(record.getMessage(), self.token), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.token)
        return True
