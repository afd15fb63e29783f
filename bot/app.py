"""build_application(): the only place that wires python-telegram-bot."""
from __future__ import annotations

import logging
from types import ModuleType
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, ApplicationBuilder, BaseRateLimiter, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.errors import ConfigError
from bot.handlers import admin, alerts, basics, feeds, follow, inline, pages, questions, scorecard
from bot.handlers.errors import TokenFilter, on_error
from bot.handlers.question_worker import Engine
from bot.handlers.services import CONTEXT_TYPES, App, open_services

# Handler modules in the order their handlers are tried (all in group 0: the first match wins).
# To add a feature, write a module with register(app) (and optional async startup/shutdown)
# and add it here.
HANDLER_MODULES: tuple[ModuleType, ...] = (
    basics,  # /start, /help
    admin,  # before questions: an admin's URL, file or forwarded post is ingested, not asked
    follow,  # /follow, /unfollow, /following in private chats
    feeds,  # /feeds (admins) and the scheduled feed poll
    alerts,  # no commands: schedules alert delivery and the digest
    questions,  # query commands, any private text, group mentions and replies
    scorecard,  # /scorecard and /status: commitments tracked across meetings
    pages,  # page and source buttons
    inline,  # inline mode
)



def build_application(settings: Settings, *, engine: Engine | None = None,
                      rate_limiter: BaseRateLimiter[Any] | None = None,
                      requests: tuple[BaseRequest, BaseRequest] | None = None) -> App:
    """Build the bot from ``settings``; services open in post_init and close in post_shutdown.

    ``engine`` replaces the question engine, ``rate_limiter`` Telegram's limits, and ``requests``
    the HTTP clients for API calls and for getUpdates (tests use all three).
    """
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")

    async def post_init(app: App) -> None:
        app.bot_data.services = open_services(settings, engine=engine)
        for module in HANDLER_MODULES:
            if hasattr(module, "startup"):
                await module.startup(app)

    async def post_shutdown(app: App) -> None:
        for module in reversed(HANDLER_MODULES):
            if hasattr(module, "shutdown"):
                await module.shutdown(app)
        found, app.bot_data.services = app.bot_data.services, None
        if found is not None:
            found.ingester.close()
            found.questions.close()
            found.store.close()

    builder = (
        ApplicationBuilder()
        .context_types(CONTEXT_TYPES)
        .token(settings.telegram_bot_token.get_secret_value())
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(rate_limiter or AIORateLimiter(max_retries=2))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.telegram_base_url:
        root = settings.telegram_base_url.rstrip("/").removesuffix("/bot")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    if requests is not None:
        builder = builder.request(requests[0]).get_updates_request(requests[1])
    app = builder.build()
    for module in HANDLER_MODULES:
        module.register(app)
    app.add_error_handler(on_error)
    return app


def protect_token(settings: Settings) -> None:
    """Keep the token out of every log line, whatever logs it."""
    if settings.telegram_bot_token is None:
        return
    token_filter = TokenFilter(settings.telegram_bot_token.get_secret_value())
    for handler in logging.getLogger().handlers:
        handler.addFilter(token_filter)
    for name in ("httpx", "httpcore"):  # their INFO lines carry the token in the URL
        logging.getLogger(name).setLevel(logging.WARNING)
