"""Offline python-telegram-bot harness in PTB's own test style: a recording BaseRequest.

    async with offline_app(tmp_path, engine=fake) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="hi"), app.bot))
        assert calls.methods() == ["sendMessage"]
"""
from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from telegram.ext import AIORateLimiter, Application
from telegram.request import BaseRequest, RequestData

from bot.app import build_application
from bot.config import Settings
from bot.query.answer import Answer

TOKEN = "123456:" + "T" * 35
BOT = {"id": 123456, "is_bot": True, "first_name": "Pledge", "username": "PledgeTestBot"}
USER = {"id": 42, "is_bot": False, "first_name": "Alice"}
ADMIN = {"id": 7, "is_bot": False, "first_name": "Ada"}
_ids = itertools.count(1000)


class RecordingRequest(BaseRequest):
    """Answer every Bot API call like Telegram would, and remember it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.files: dict[str, bytes] = {}

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    @property
    def read_timeout(self) -> float:
        """Return the default read timeout."""
        return 1.0

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         **timeouts: Any) -> tuple[int, bytes]:
        """Record the call and return Telegram's JSON answer to it."""
        if "/file/" in url:
            return 200, self.files[url.rsplit("/", 1)[-1]]
        name = url.rsplit("/", 1)[-1]
        params = {k: _decode(v) for k, v in (request_data.json_parameters if request_data else {}).items()}
        self.calls.append((name, params))
        return 200, json.dumps({"ok": True, "result": _result(name, params)}).encode()

    def methods(self) -> list[str]:
        """Return the names of the calls made, in order, without the start-up ones."""
        return [name for name, _ in self.calls if name not in {"getMe", "setMyCommands"}]

    def sent(self) -> list[dict[str, Any]]:
        """Return the parameters of every sendMessage and editMessageText call."""
        return [p for name, p in self.calls if name in {"sendMessage", "editMessageText"}]


def _decode(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def _result(name: str, params: dict[str, Any]) -> Any:
    if name == "getMe":
        return {**BOT, "can_join_groups": True, "supports_inline_queries": True}
    if name in {"sendMessage", "editMessageText"}:
        chat_id = int(params["chat_id"])
        return {"message_id": int(params.get("message_id") or next(_ids)), "date": 0, "from": BOT,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "text": str(params.get("text"))}
    if name == "getFile":
        return {"file_id": params["file_id"], "file_unique_id": "u", "file_path": str(params["file_id"])}
    return True


def message_update(*, text: str | None = None, user: dict[str, Any] = USER, chat_id: int | None = None,
                   **extra: Any) -> dict[str, Any]:
    """Return a raw ``message`` update, private to ``user`` unless ``chat_id`` says otherwise."""
    chat_id = user["id"] if chat_id is None else chat_id
    chat = {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "Group"}
    message = {"message_id": next(_ids), "date": 0, "chat": chat, "from": user, **extra}
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": next(_ids), "message": message}


@asynccontextmanager
async def offline_app(tmp_path: Path, *, engine: Callable[..., Answer] | None = None,
                      **settings: Any) -> AsyncIterator[tuple[Application[Any, Any, Any, Any, Any, Any],
                                                              RecordingRequest]]:
    """Build, initialise and start the services of an application that records its calls."""
    values = {"TELEGRAM_BOT_TOKEN": TOKEN, "PLEDGEBOT_DB": str(tmp_path / "bot.db"),
              "ADMIN_IDS": str(ADMIN["id"]), **settings}
    config = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    request = RecordingRequest()
    relaxed = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0)
    app = build_application(config, engine=engine, rate_limiter=relaxed,
                            requests=(request, RecordingRequest()))
    await app.initialize()
    try:
        assert app.post_init is not None
        await app.post_init(app)
        yield app, request
    finally:
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        await app.shutdown()
