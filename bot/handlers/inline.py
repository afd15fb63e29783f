"""Inline mode: ``@bot merz`` in any chat lists matching facts, 50 a page."""
from __future__ import annotations

from telegram import Update
from telegram.ext import InlineQueryHandler

from bot.conversation.named_first import inline_answer
from bot.handlers.questions import MAX_QUESTION
from bot.handlers.services import App, Context, services
from bot.render import inline_results

PER_PAGE = 50  # Telegram's maximum number of results in one answer


async def inline_query(update: Update, context: Context) -> None:
    """Answer an inline query with one result per matching fact, paginated by offset."""
    query = update.inline_query
    assert query is not None
    text = query.query.strip()[:MAX_QUESTION]
    offset = int(query.offset) if query.offset.isdecimal() else 0  # isdigit() lets "²" through
    found = services(context)
    if not text or not found.limiter.allow(query.from_user.id):
        await query.answer([], cache_time=5, is_personal=True)
        return
    answer = await found.questions.run(  # "merz": Merz's own words first
        lambda side: inline_answer(text, side.ask, index=found.index))
    results, next_offset = inline_results(answer, offset=offset, per_page=PER_PAGE)
    # None, not "": with HTML Defaults, PTB 22.8 sends an empty next_offset as "[]", which
    # Telegram would hand back as the offset of a next page that does not exist.
    await query.answer(results, next_offset=next_offset or None, cache_time=30)


def register(app: App) -> None:
    """Add inline mode."""
    app.add_handler(InlineQueryHandler(inline_query))
