"""Delivery against a scripted sender: sent once, RetryAfter, Forbidden, ChatMigrated, failures kept."""

from __future__ import annotations

import datetime as dt
import json
import threading
import warnings
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.alerts.deliver import deliver_due
from bot.alerts.match import Subject
from bot.alerts.outbox import Audience, fan_out
from bot.alerts.subscriptions import follow, following
from storage.store import Store
from tests.alert_facts import doc, extraction, pledge

CHANNEL = -100500
NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)


@dataclass
class ScriptedSender:
    """Records what it sends; raises the errors scripted for a chat, once each, in order."""

    errors: dict[int, list[Exception]] = field(default_factory=dict)
    sent: list[tuple[int, str, bool]] = field(default_factory=list)

    async def send(self, *, chat_id: int, html: str, silent: bool) -> int:
        queue = self.errors.get(chat_id) or []
        if queue:
            raise queue.pop(0)
        self.sent.append((chat_id, html, silent))
        return len(self.sent)


def queued(store: Store, *chats: int) -> None:
    for chat in chats:
        follow(store.db, chat_id=chat, subject=Subject(kind="country", value="Norway", label="Norway"))
    store.save_document(doc(), extraction(commitments=(pledge(),)))
    fan_out(store.db, audience=Audience(channel_id=CHANNEL))


def statuses(store: Store) -> dict[str, str]:
    return {r["key"]: r["status"] for r in store.db["deliveries"].rows}


async def test_each_delivery_is_sent_once(store: Store) -> None:
    queued(store, 11)
    sender = ScriptedSender()
    first = await deliver_due(store.db, sender, now=NOW)
    again = await deliver_due(store.db, sender, now=NOW + dt.timedelta(days=1), reclaim=True)
    assert (first.sent, again.sent) == (2, 0)
    assert [(chat, silent) for chat, _, silent in sender.sent] == [(CHANNEL, False), (11, False)]
    assert "<b>Norway</b> [pledge]" in sender.sent[0][1] and "Because you follow Norway" in sender.sent[1][1]
    assert statuses(store) == {f"1:{CHANNEL}": "sent", "1:11": "sent"}


async def test_retry_after_postpones_without_counting_a_failure(store: Store) -> None:
    queued(store)
    with warnings.catch_warnings():  # PTB 22 warns about the int form of retry_after as it builds one
        warnings.simplefilter("ignore")
        flood = RetryAfter(30)
    sender = ScriptedSender(errors={CHANNEL: [flood]})
    report = await deliver_due(store.db, sender, now=NOW)
    row = store.db["deliveries"].get(f"1:{CHANNEL}")
    assert (report.retry_after, row["status"], row["attempts"]) == (30.0, "pending", 0)
    assert (await deliver_due(store.db, sender, now=NOW + dt.timedelta(seconds=10))).sent == 0
    assert (await deliver_due(store.db, sender, now=NOW + dt.timedelta(seconds=31))).sent == 1


async def test_forbidden_drops_the_subscriber_but_not_the_channel(store: Store) -> None:
    queued(store, 11)
    sender = ScriptedSender(
        errors={
            11: [Forbidden("bot was blocked by the user")],
            CHANNEL: [Forbidden("bot is not a member of the channel chat")],
        }
    )
    report = await deliver_due(store.db, sender, now=NOW)
    assert (report.dropped, report.failed) == (1, 1)
    assert following(store.db, chat_id=11) == []
    assert statuses(store) == {f"1:{CHANNEL}": "failed", "1:11": "dropped"}


async def test_chat_migrated_moves_the_subscription_and_sends_there(store: Store) -> None:
    queued(store, -11)
    sender = ScriptedSender(errors={-11: [ChatMigrated(-10011)]})
    await deliver_due(store.db, sender, now=NOW)
    assert [chat for chat, _, _ in sender.sent] == [CHANNEL, -10011]
    assert following(store.db, chat_id=-10011) == [Subject(kind="country", value="Norway", label="Norway")]
    assert store.db["deliveries"].get("1:-11")["chat_id"] == -10011


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(NetworkError("connection reset"), id="network"),
        pytest.param(BadRequest("can't parse entities"), id="bad-request"),
    ],
)
async def test_failed_alert_is_kept_for_the_next_try(store: Store, error: Exception) -> None:
    queued(store)
    sender = ScriptedSender(errors={CHANNEL: [error]})
    assert (await deliver_due(store.db, sender, now=NOW)).failed == 1
    row = store.db["deliveries"].get(f"1:{CHANNEL}")
    assert (row["status"], row["next_attempt_at"]) == ("failed", "2026-02-03T12:00:30+00:00")
    assert (await deliver_due(store.db, sender, now=NOW)).sent == 0  # backing off
    assert (await deliver_due(store.db, sender, now=NOW + dt.timedelta(minutes=1))).sent == 1


async def test_an_alert_that_cannot_be_rendered_fails_alone(store: Store) -> None:
    queued(store, 11)
    store.db.execute("update alerts set payload = '{}'")
    report = await deliver_due(store.db, ScriptedSender(), now=NOW)
    assert (report.failed, statuses(store)) == (2, {f"1:{CHANNEL}": "failed", "1:11": "failed"})


async def test_a_lease_keeps_a_second_deliverer_away(store: Store) -> None:
    queued(store)
    store.db.execute(
        "update deliveries set status = 'sending', lease_until = ?", ["2026-02-03T12:02:00+00:00"]
    )
    sender = ScriptedSender()
    assert (await deliver_due(store.db, sender, now=NOW)).sent == 0
    assert (await deliver_due(store.db, sender, now=NOW + dt.timedelta(minutes=3))).sent == 1


# Telegram's answers, as the Bot API sends them, by chat: python-telegram-bot turns them into errors.
API_ANSWERS: dict[int, tuple[int, dict[str, Any]]] = {
    CHANNEL: (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 7",
            "parameters": {"retry_after": 7},
        },
    ),
    11: (403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}),
    -12: (
        400,
        {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: group chat was upgraded",
            "parameters": {"migrate_to_chat_id": -10012},
        },
    ),
}


class FakeBotApi(BaseHTTPRequestHandler):
    """A Bot API on 127.0.0.1 that answers getMe, and sendMessage as scripted (once per chat)."""

    answers: dict[int, tuple[int, dict[str, Any]]] = {}
    sent: list[tuple[int, str]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        params = json.loads(body) if body.startswith("{") else {k: v[0] for k, v in parse_qs(body).items()}
        if self.path.endswith("/getMe"):
            status, answer = (
                200,
                {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "B", "username": "b_bot"}},
            )
        else:
            chat = int(params["chat_id"])
            status, answer = self.answers.pop(
                chat,
                (
                    200,
                    {
                        "ok": True,
                        "result": {
                            "message_id": 99,
                            "date": 0,
                            "chat": {"id": chat, "type": "private"},
                            "text": "x",
                        },
                    },
                ),
            )
            if status == 200:
                self.sent.append((chat, params.get("disable_notification", "")))
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


# PTB 22 itself warns while it builds RetryAfter from the answer: not ours to fix.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_real_bot_api_errors_map_to_retry_drop_and_migrate(store: Store) -> None:
    from telegram import Bot

    from bot.alerts.deliver import BotSender

    queued(store, 11, -12, 13)
    FakeBotApi.answers, FakeBotApi.sent = dict(API_ANSWERS), []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeBotApi)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/bot"
    try:
        async with Bot("123:abc", base_url=base) as bot:
            first = await deliver_due(store.db, BotSender(bot), now=NOW)  # the channel floods first
            later = await deliver_due(store.db, BotSender(bot), now=NOW + dt.timedelta(seconds=8))
    finally:
        server.shutdown()
        server.server_close()
    assert (first.retry_after, first.sent, later.sent, later.dropped) == (7.0, 0, 3, 1)
    assert [chat for chat, _ in FakeBotApi.sent] == [CHANNEL, -10012, 13]
    assert statuses(store) == {f"1:{CHANNEL}": "sent", "1:11": "dropped", "1:-12": "sent", "1:13": "sent"}
    assert following(store.db, chat_id=11) == [] and len(following(store.db, chat_id=-10012)) == 1
