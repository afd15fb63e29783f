"""Questions: the query commands, any text in a private chat, mentions and replies in groups."""
from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.conversation.smalltalk import small_talk, small_talk_reply
from bot.handlers.access import Callback, rate_limited
from bot.handlers.pages import send_answer
from bot.handlers.services import App, Context, Services, services
from bot.query.parse import language_of
from bot.render import render_sources, render_text

MAX_QUESTION = 500  # characters; a question longer than this is cut, not refused

# How each command becomes a question for the engine ({} is what follows the command).
QUESTIONS = {
    "who": "who attended {}",
    "commitments": "what did {} commit to",
    "search": "{}",
}
# What a command says when it is given nothing; an example from the store follows (usage()).
USAGE = {
    "who": "Tell me which country, organisation or meeting",
    "said": "Tell me whose words",
    "commitments": "Tell me whose commitments",
    "search": "Tell me what to look for",
    "sources": "Ask a question to see its sources",
    "question": "Ask me a question",
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


async def _answer(message: Message, context: Context, question: str,
                  previous: str | None = None) -> None:
    found = services(context)
    user = message.from_user.id if message.from_user else message.chat_id
    answer = await found.ask_in_chat(question[:MAX_QUESTION], chat_id=message.chat_id, user_id=user,
                                     previous=previous)
    await send_answer(message, context, answer)


async def usage(command: str, found: Services) -> str:
    """Return a command's usage with an example that answers on the store the bot runs on."""
    def question_of(arg: str) -> str | None:
        return arg if command in ("sources", "question") else command_question(command, arg)

    arg = await found.first_example(command, question_of)
    if arg is None:
        return f"{USAGE[command]}."
    example = arg if command == "question" else f"/{command} {arg}"
    return f"{USAGE[command]}, e.g. {example}"


async def _command(update: Update, context: Context, command: str) -> None:
    message = update.effective_message
    assert message is not None
    question = command_question(command, " ".join(context.args or []))
    if question is None:
        await message.reply_text(render_text(await usage(command, services(context)))[0])
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
        await message.reply_text(render_text(await usage("sources", services(context)))[0])
        return
    for page in render_sources(await services(context).ask(question[:MAX_QUESTION])):
        await message.reply_text(page.html)


@rate_limited
async def private_text(update: Update, context: Context) -> None:
    """Answer any text in a private chat as a question; small talk gets a short reply.

    A reply to one of the bot's answers continues that answer, however long ago it was given.
    """
    message = update.effective_message
    assert message is not None and message.text is not None
    if kind := small_talk(message.text):
        await message.reply_text(render_text(small_talk_reply(kind, language=language_of(message.text)))[0])
        return
    await _answer(message, context, message.text, previous=_replied_question(message, context))


async def group_text(update: Update, context: Context) -> None:
    """Answer a group message that mentions the bot or replies to it; ignore the rest.

    Small talk ("thanks!") gets no reply in a group, where it would only add noise.
    """
    assert update.effective_message is not None
    question = _group_question(update.effective_message, context)
    if question is not None and not (question and small_talk(question)):
        await _answer_group(update, context)


@rate_limited
async def _answer_group(update: Update, context: Context) -> None:
    message = update.effective_message
    assert message is not None
    question = _group_question(message, context)
    if not question:
        await message.reply_text(render_text(await usage("question", services(context)))[0])
        return
    await _answer(message, context, question, previous=_replied_question(message, context))


def _replied_question(message: Message, context: Context) -> str | None:
    """Return the question of the bot's answer ``message`` replies to ("and France?"), if kept."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return None
    answer = services(context).answers.in_message(message.chat_id, replied.message_id)
    return answer.question if answer else None


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
