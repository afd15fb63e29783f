"""The patched emulator answers python-telegram-bot the way Telegram does, errors included."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, Conflict
from telegram.request import HTTPXRequest

from tests.e2e.harness import Emulator, User, new_token, private_chat

pytestmark = pytest.mark.e2e

ALICE = User(id=9301, first_name="Alice")


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[Bot]:
    """A plain PTB Bot with its own token, talking to the patched emulator."""
    async with Bot(new_token(), base_url=f"{emulator.url}/bot", base_file_url=f"{emulator.url}/file/bot",
                   request=HTTPXRequest(), get_updates_request=HTTPXRequest()) as started:
        yield started


@pytest.mark.parametrize(("text", "error"), [
    pytest.param("<b>bold</i>", "can't parse entities: Unmatched end tag", id="unbalanced"),
    pytest.param("<div>x</div>", "can't parse entities: Unsupported start tag \"div\"", id="unknown-tag"),
    pytest.param("Tom & Jerry", "can't parse entities: Unsupported HTML entity", id="bare-ampersand"),
    pytest.param("<b>open", "Can't find end tag corresponding to start tag \"b\"", id="unclosed"),
    pytest.param("x" * 4097, "Message is too long", id="too-long"),
    pytest.param("<b></b>", "Message text is empty", id="empty"),
])
async def test_bad_messages_are_refused_like_telegram_refuses_them(bot: Bot, text: str, error: str) -> None:
    with pytest.raises(BadRequest, match="(?i)" + error):  # PTB re-capitalises Telegram's text
        await bot.send_message(ALICE.id, text, parse_mode="HTML")


async def test_good_html_arrives_as_visible_text(bot: Bot) -> None:
    sent = await bot.send_message(ALICE.id, '<b>4096</b> &lt;ok&gt; &amp; <a href="https://x.org/?a=1&amp;b=2">link</a>'
                                  + "é" * 4080, parse_mode="HTML")
    assert sent.text.startswith("4096 <ok> & link") and len(sent.text) == 4096
    assert sent.date.year >= 2025  # seconds, not milliseconds


async def test_edits_return_the_message_and_refuse_no_change(bot: Bot) -> None:
    sent = await bot.send_message(ALICE.id, "first")
    edited = await bot.edit_message_text("second", chat_id=ALICE.id, message_id=sent.message_id)
    assert (edited.message_id, edited.text) == (sent.message_id, "second")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("second", chat_id=ALICE.id, message_id=sent.message_id)


async def test_updates_wait_for_offset_confirmation(bot: Bot, emulator: Emulator) -> None:
    for text in ("one", "two"):
        await emulator.send(bot.token, chat=private_chat(ALICE), user=ALICE, text=text)
    first = await bot.get_updates(timeout=0)
    again = await bot.get_updates(timeout=0)
    after = await bot.get_updates(offset=first[-1].update_id + 1, timeout=0)
    assert [u.message.text for u in first] == ["one", "two"] and again == first and after == ()


async def test_files_upload_and_download(bot: Bot, emulator: Emulator) -> None:
    document = await emulator.upload(name="readout.txt", data="Привіт & <hello>".encode())
    file = await bot.get_file(document["file_id"])
    assert bytes(await file.download_as_bytearray()) == "Привіт & <hello>".encode()
    sent = await bot.send_document(ALICE.id, b"report body", filename="report.txt", caption="<b>Report</b>",
                                   parse_mode="HTML")
    assert (sent.document.file_name, sent.caption) == ("report.txt", "Report")


async def test_a_second_poller_cuts_off_the_first_with_409_conflict(emulator: Emulator) -> None:
    """Two processes polling one bot: Telegram answers the waiting request 409, as here."""
    url = f"{emulator.url}/bot{new_token()}/getUpdates"
    async with httpx.AsyncClient(timeout=30) as http:
        first = asyncio.create_task(http.post(url, json={"timeout": 20}))
        while not first.done():  # until the first request is waiting, and so cut off
            second = await http.post(url, json={"timeout": 0})
            await asyncio.sleep(0.05)
        cut = await first
    assert (second.status_code, second.json()) == (200, {"ok": True, "result": []})
    assert cut.status_code == 409
    assert cut.json()["description"].startswith("Conflict: terminated by other getUpdates request")


async def test_ptb_sees_the_conflict_like_a_second_bot_instance_on_telegram(
        bot: Bot, emulator: Emulator) -> None:
    other = asyncio.create_task(bot.get_updates(timeout=20))
    async with Bot(bot.token, base_url=f"{emulator.url}/bot") as second:
        while not other.done():  # until the first instance's request is waiting, and so cut off
            assert await second.get_updates(timeout=0) == ()
            await asyncio.sleep(0.05)
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await other


@pytest.mark.parametrize("size", [pytest.param(75 * 1024, id="75-KB"),
                                  pytest.param(20 * 1024 * 1024, id="20-MB")])
async def test_files_up_to_twenty_megabytes_upload_and_download(bot: Bot, emulator: Emulator,
                                                               size: int) -> None:
    data = bytes(range(256)) * (size // 256)
    document = await emulator.upload(name="big.bin", data=data, mime="application/octet-stream")
    assert document["file_size"] == size
    file = await bot.get_file(document["file_id"])
    assert bytes(await file.download_as_bytearray()) == data


async def test_a_file_over_twenty_megabytes_is_too_big_for_get_file(bot: Bot, emulator: Emulator) -> None:
    document = await emulator.upload(name="huge.bin", data=b"x" * (20 * 1024 * 1024 + 1))
    with pytest.raises(BadRequest, match="(?i)file is too big"):
        await bot.get_file(document["file_id"])
