"""Questions: the query commands, any text in a private chat, mentions and replies in groups."""
from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.handlers.access import Callback, rate_limited
from bot.handlers.pages import send_answer
from bot.handlers.services import App, Context, services
from bot.render import render_sources, render_text

MAX_QUESTION = 500  # characters; a question longer than this is cut, not refused

# How each command becomes a question for the engine ({} is what follows the command).
QUESTIONS = {
    "who": "who attended {}",
    "commitments": "what did {} commit to",
    "search": "{}",
}
USAGE = {
    "who": "Tell me which country, organisation or meeting, e.g. /who Canada",
    "said": "Tell me whose words, e.g. /said Merz about air defence",
    "commitments": "Tell me whose commitments, e.g. /commitments the United Kingdom",
    "search": "Tell me what to look for, e.g. /search shadow fleet",
    "sources": "Ask a question to see its sources, e.g. /sources who pledged troops",
}
ABOUT = re.compile(r"\s+(?:about|on)\s+", re.IGNORECASE)


def command_question(command: str, args: str) -> str | None:
    """Turn a command and its arguments into a question; None when arguments are missing."""
    args = " ".join(args.split())[:MAX_QUESTION]
    if command == "signed":
        return f"which agreements were signed at {args}" if args else "which agreements were signed"
    if command == "meetings":
        return f"which meetings did {args} attend" if args else "which meetings took place"
    if not args:
        return None
    if command == "said":
        parts = ABOUT.split(args, maxsplit=1)
        return f"what did {parts[0]} say about {parts[1]}" if len(parts) == 2 else f"what did {args} say"
    return QUESTIONS[command].format(args)


async def _answer(message: Message, context: Context, question: str) -> None:
    await send_answer(message, context, services(context).ask(question[:MAX_QUESTION]))


async def _command(update: Update, context: Context, command: str) -> None:
    message = update.effective_message
    assert message is not None
    question = command_question(command, " ".join(context.args or []))
    if question is None:
        await message.reply_text(render_text(USAGE[command])[0])
        return
    await _answer(message, context, question)


# The question commands in menu order, with the help line /help and the menu show for each.
COMMANDS = (
    ("who", "Show who attended: /who <country, organisation or meeting>"),
    ("said", "Show what someone said: /said <person> [about <topic>]"),
    ("commitments", "Show what someone committed to: /commitments <country, organisation or person>"),
    ("signed", "Show what was signed: /signed [meeting]"),
    ("meetings", "List meetings: /meetings [person, country or organisation]"),
    ("search", "Search statements and commitments: /search <text>"),
)


def question_command(command: str, doc: str) -> Callback:
    """Return the callback of one question command; its docstring is its help line."""
    async def callback(update: Update, context: Context) -> None:
        await _command(update, context, command)

    callback.__doc__, callback.__name__ = doc, command
    return rate_limited(callback)


@rate_limited
async def sources(update: Update, context: Context) -> None:
    """List the documents behind an answer: /sources <question>."""
    message = update.effective_message
    assert message is not None
    question = " ".join(context.args or [])
    if not question:
        await message.reply_text(render_text(USAGE["sources"])[0])
        return
    for page in render_sources(services(context).ask(question[:MAX_QUESTION])):
        await message.reply_text(page.html)


@rate_limited
async def private_text(update: Update, context: Context) -> None:
    """Answer any text in a private chat as a question."""
    assert update.effective_message is not None and update.effective_message.text is not None
    await _answer(update.effective_message, context, update.effective_message.text)


async def group_text(update: Update, context: Context) -> None:
    """Answer a group message that mentions the bot or replies to it; ignore the rest."""
    assert update.effective_message is not None
    if _group_question(update.effective_message, context) is not None:
        await _answer_group(update, context)


@rate_limited
async def _answer_group(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None
    question = _group_question(message, context)
    if not question:
        await message.reply_text(render_text("Ask me a question, e.g. who attended from Canada?")[0])
        return
    await _answer(message, context, question)


def _group_question(message: Message, context: Context) -> str | None:
    return addressed_question(message, bot_id=context.bot.id, username=context.bot.username)


def addressed_question(message: Message, *, bot_id: int, username: str) -> str | None:
    """Return the question a group message puts to the bot, or None when it is not for the bot."""
    text = message.text or ""
    mention = f"@{username}".lower()
    mentions = [e for e, value in message.parse_entities([MessageEntity.MENTION]).items()
                if value.lower() == mention]
    replied = message.reply_to_message
    if not mentions and not (replied and replied.from_user and replied.from_user.id == bot_id):
        return None
    for entity in sorted(mentions, key=lambda e: e.offset, reverse=True):
        text = _cut_utf16(text, entity.offset, entity.length)
    return " ".join(text.split()).strip(" ,:")


def _cut_utf16(text: str, offset: int, length: int) -> str:
    # Entity offsets count UTF-16 code units, not Python characters; the ", " or ": " that
    # follows a mention ("@bot, who ...") goes with it.
    units = text.encode("utf-16-le")
    before = units[: offset * 2].decode("utf-16-le")
    after = units[(offset + length) * 2:].decode("utf-16-le")
    return f"{before.rstrip()} {after.lstrip(' ,:')}"


def register(app: App) -> None:
    """Add the question commands, private questions and group mentions."""
    for name, doc in COMMANDS:
        app.add_handler(CommandHandler(name, question_command(name, doc)))
    app.add_handler(CommandHandler("sources", sources))
    text = filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & text, private_text))
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & text, group_text))
