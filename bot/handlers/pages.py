"""Send an answer as pages; turn pages and show sources when their buttons are pressed."""
from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler

from bot.conversation.kept import new_key
from bot.handlers.services import App, Context, services
from bot.query.answer import Answer
from bot.render import page_keyboard, render_answer, render_source

EXPIRED = "This answer has expired; please ask again."


async def send_answer(message: Message, context: Context, answer: Answer) -> None:
    """Reply to ``message`` with the first page of ``answer`` and its buttons.

    The answer is kept in the store under the key its buttons carry, with the message that
    shows it: buttons work after a restart, and a reply to the message continues the answer.
    """
    pages = render_answer(answer)
    key = new_key()
    keyboard = None
    if answer.results or len(pages) > 1:
        keyboard = page_keyboard(key, pages, 0, language=answer.language)
    sent = await message.reply_text(pages[0].html, reply_markup=keyboard,
                                    do_quote=message.chat.type != ChatType.PRIVATE)
    services(context).answers.put(answer, key=key, chat_id=sent.chat_id, message_id=sent.message_id)


async def turn_page(update: Update, context: Context) -> None:
    """Show another page of an answer in the same message."""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, key, number = query.data.split(":")
    answer = services(context).answers.get(key)
    pages = render_answer(answer) if answer is not None else []
    if answer is None or not number.isdigit() or int(number) >= len(pages):
        await query.answer(EXPIRED)
        return
    page = int(number)
    await query.answer()
    try:
        await query.edit_message_text(pages[page].html,
                                      reply_markup=page_keyboard(key, pages, page, language=answer.language))
    except BadRequest as err:
        if "not modified" not in str(err):  # a double tap asks for the page already shown
            raise


async def show_source(update: Update, context: Context) -> None:
    """Reply with the exact sentence a fact came from, and its link."""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, key, index = query.data.split(":")
    answer = services(context).answers.get(key)
    results = answer.results if answer else []
    if not index.isdigit() or int(index) >= len(results):
        await query.answer(EXPIRED)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.reply_text(render_source(results[int(index)]), do_quote=True)


def register(app: App) -> None:
    """Add the page and source buttons."""
    app.add_handler(CallbackQueryHandler(turn_page, pattern=r"^p:[\w-]+:\d+$"))
    app.add_handler(CallbackQueryHandler(show_source, pattern=r"^s:[\w-]+:\d+$"))
