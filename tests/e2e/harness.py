"""Drive the real bot against the Telegram Bot API emulator (tests/emulator/launcher.js).

    proc, url = start_emulator()                 # node on a free 127.0.0.1 port
    emu = Emulator(url)                          # the user's side and the emulator's records
    async with running_bot(url, token=new_token(), db=path, admin_ids=[ADMIN.id]) as app:
        reply = await emu.ask(app.bot.token, chat=private_chat(ALICE), user=ALICE, text="who?")
        await emu.inject(app.bot.token, {"inline_query": {...}})   # any raw update
        calls = await emu.calls(app.bot.token, method="answerInlineQuery")

Every bot message the emulator returns is the Bot API ``Message`` as Telegram would show it
(``text`` is the visible text, tags removed); ``Emulator.messages`` also keeps the raw ``html``.
"""
from __future__ import annotations

import base64
import itertools
import secrets
import selectors
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from telegram.ext import AIORateLimiter, Application
from telegram.request import HTTPXRequest

from bot.app import build_application
from bot.config import Settings
from bot.query.answer import Answer

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "tests" / "emulator" / "launcher.js"
EMULATOR_PACKAGE = ROOT / "node_modules" / "telegram-test-api"
BOT_USERNAME = "PledgeTestBot"  # what the launcher's getMe says
WAIT = 30.0  # seconds to wait for the bot before failing with the call log (a loaded CI machine)

_tokens = itertools.count(1)
_ssl: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    # Building a TLS context costs ~0.2 s and every httpx client builds one; the emulator speaks
    # plain HTTP, so one shared context keeps each test's start-up fast.
    global _ssl
    if _ssl is None:
        _ssl = ssl.create_default_context()
    return _ssl


class EmulatorUnavailable(RuntimeError):
    """Node or the emulator package is missing, or the emulator did not start."""


@dataclass(frozen=True)
class User:
    """A Telegram user the tests play."""

    id: int
    first_name: str

    def as_json(self) -> dict[str, Any]:
        """Return the Bot API ``User`` object."""
        return {"id": self.id, "is_bot": False, "first_name": self.first_name}


def private_chat(user: User) -> dict[str, Any]:
    """Return the private chat of ``user`` with the bot."""
    return {"id": user.id, "type": "private", "first_name": user.first_name}


def group_chat(chat_id: int) -> dict[str, Any]:
    """Return a group chat (``chat_id`` must be negative)."""
    return {"id": chat_id, "type": "group", "title": "Test group"}


def new_token() -> str:
    """Return a fresh bot token, so that every test has its own updates and messages."""
    return f"{700000 + next(_tokens)}:{secrets.token_urlsafe(27)}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_emulator(*, plain: bool = False, timeout: float = 20.0) -> tuple[subprocess.Popen[str], str]:
    """Start the launcher (``plain``: the unmodified emulator) and return the process and its URL."""
    if not (EMULATOR_PACKAGE / "package.json").is_file():
        raise EmulatorUnavailable(f"{EMULATOR_PACKAGE} is missing: run `npm ci` in {ROOT} (`make test` does)")
    node = shutil.which("node")
    if node is None:
        raise EmulatorUnavailable("node is not on PATH: the end-to-end tests need Node.js 18 or newer")
    port = _free_port()
    proc = subprocess.Popen([node, str(LAUNCHER), "--port", str(port), *(["--plain"] if plain else [])],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if selector.select(timeout=0.2):
                line = proc.stdout.readline()
                if line.startswith("READY "):
                    return proc, line.split()[1]
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    raise EmulatorUnavailable(f"the emulator did not start within {timeout} s: {err.strip()[-2000:]}")


def stop_emulator(proc: subprocess.Popen[str]) -> None:
    """Stop the launcher: closing stdin asks it to exit; kill it if it does not."""
    if proc.stdin:
        proc.stdin.close()
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


@asynccontextmanager
async def running_bot(url: str, *, token: str, db: Path, admin_ids: tuple[int, ...] | list[int] = (),
                      engine: Callable[..., Answer] | None = None,
                      **settings: Any) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """Run the real application with long polling against the emulator at ``url``."""
    config = Settings(_env_file=None, TELEGRAM_BOT_TOKEN=token, PLEDGEBOT_DB=str(db),  # type: ignore[call-arg]
                      ADMIN_IDS=",".join(str(i) for i in admin_ids), TELEGRAM_BASE_URL=url, **settings)
    # Telegram's own limits (20 messages a minute per group) would only slow the tests down.
    relaxed = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0)
    requests = [HTTPXRequest(httpx_kwargs={"verify": _tls()}) for _ in range(2)]
    app = build_application(config, engine=engine, rate_limiter=relaxed, requests=(requests[0], requests[1]))
    await app.initialize()
    try:
        assert app.post_init is not None
        await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=5)
        await app.start()
        yield app
    finally:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        await app.shutdown()


class Emulator:
    """The user's side of the emulator and its records of what the bot did."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._http: httpx.AsyncClient | None = None

    async def aclose(self) -> None:
        """Close the HTTP client (the ``emulator`` fixture does this after each test)."""
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        if self._http is None:
            self._http = httpx.AsyncClient(base_url=self.url, timeout=WAIT + 5, verify=_tls())
        response = await self._http.post(path, json=body)
        response.raise_for_status()
        return response.json()["result"]

    def _message(self, token: str, *, chat: dict[str, Any], user: User, text: str,
                 **extra: Any) -> dict[str, Any]:
        return {"botToken": token, "from": user.as_json(), "chat": chat, "date": int(time.time()),
                "text": text, **extra}

    async def send(self, token: str, *, chat: dict[str, Any], user: User, text: str, **extra: Any) -> None:
        """Send a text message as ``user`` (extra: entities, reply_to_message, ...)."""
        await self._post("/sendMessage", self._message(token, chat=chat, user=user, text=text, **extra))

    async def command(self, token: str, *, chat: dict[str, Any], user: User, text: str) -> None:
        """Send a command (``/who@bot Canada``) with the bot_command entity Telegram adds."""
        length = len(text.split()[0])
        entities = [{"type": "bot_command", "offset": 0, "length": length}]
        await self._post("/sendCommand", self._message(token, chat=chat, user=user, text=text,
                                                       entities=entities))

    async def press(self, token: str, *, message: dict[str, Any], user: User, data: str) -> None:
        """Press the inline button with ``data`` under the bot's ``message``."""
        await self._post("/sendCallback", {"botToken": token, "from": user.as_json(),
                                           "message": message, "data": data})

    async def inject(self, token: str, update: dict[str, Any]) -> int:
        """Queue any raw update (inline query, channel post, document ...); return its update_id."""
        update_id: int = await self._post("/_test/inject", {"token": token, "update": update})
        return update_id

    async def upload(self, *, name: str, data: bytes, mime: str = "text/plain") -> dict[str, Any]:
        """Store a file the bot can fetch with getFile; return its Bot API ``Document``."""
        return dict(await self._post("/_test/upload", {"name": name, "mime": mime,
                                                       "base64": base64.b64encode(data).decode()}))

    async def messages(self, token: str, chat_id: int) -> list[dict[str, Any]]:
        """Return the bot's messages in a chat, edits applied: {message, html, edits}."""
        return list(await self._post("/_test/messages", {"token": token, "chatId": chat_id}))

    async def calls(self, token: str, *, method: str | None = None, chat_id: int | None = None,
                    since: int = 0, wait: float = 0) -> tuple[list[dict[str, Any]], int]:
        """Return the bot's API calls (optionally waiting for one) and the log's length."""
        body = {"token": token, "method": method, "since": since, "wait": wait,
                **({"chatId": chat_id} if chat_id is not None else {})}
        found = await self._post("/_test/calls", body)
        return found["calls"], found["next"]

    async def mark(self) -> int:
        """Return the current length of the call log, to wait for calls after this point."""
        return (await self.calls("", since=0))[1]

    async def wait_call(self, token: str, method: str, *, since: int, chat_id: int | None = None
                        ) -> dict[str, Any]:
        """Wait for the bot's next call of ``method`` after ``since``; fail with the call log."""
        found, _ = await self.calls(token, method=method, chat_id=chat_id, since=since, wait=WAIT)
        if not found:
            log, _ = await self.calls(token, since=since)
            summary = [(c["method"], c["status"], c.get("description")) for c in log]
            raise AssertionError(f"the bot made no {method} call within {WAIT} s; it made: {summary}")
        return found[0]

    async def ask(self, token: str, *, chat: dict[str, Any], user: User, text: str) -> dict[str, Any]:
        """Send ``text`` and return the bot's reply as stored: {message, html, edits}."""
        since = await self.mark()
        if text.startswith("/"):
            await self.command(token, chat=chat, user=user, text=text)
        else:
            await self.send(token, chat=chat, user=user, text=text)
        call = await self.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        assert call["status"] == 200, call
        return (await self.messages(token, chat["id"]))[-1]
