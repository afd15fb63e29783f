"""/scorecard and /status: the pure answer, and the real bot against the Telegram emulator."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.handlers.scorecard import tracking_answer
from bot.wiring import open_store
from tests.e2e.conftest import emulator, emulator_url  # noqa: F401 - fixtures shared with the e2e suite
from tests.e2e.harness import Emulator, User, new_token, private_chat, running_bot
from tests.tracking.conftest import build

ALICE = User(id=9102, first_name="Alice")
TODAY = dt.date(2025, 12, 1)


def _seed(path: Path) -> None:
    from storage.records import SourceDocument

    store = open_store(path)
    for url, date, action, kind in (
        ("https://wire.example/1", "2025-04-11", "four IRIS-T air defence systems", "pledge"),
        ("https://wire.example/2", "2025-08-20", "two IRIS-T air defence systems were delivered", "other"),
    ):
        text = f"Germany: {action}."
        store.save_document(SourceDocument(text=text, url=url, published=date, publisher="Wire"),
                            build(text=text, commitments=[{"country": "Germany", "action": action,
                                                            "kind": kind}]))
    store.close()


@pytest.mark.parametrize(("command", "args", "first_line"), [
    pytest.param("scorecard", "Germany",
                 "Scorecard of Germany as of 2025-12-01: 1 commitment, 1 with a later report",
                 id="scorecard"),
    pytest.param("status", "German IRIS-T", "Germany: four IRIS-T air defence systems — delivered "
                 "(last update 2025-08-20) [2 sources, 103 days ago]", id="status"),
    pytest.param("status", "Canada tanks", "No tracked commitment matches “Canada tanks”. Try the actor "
                 "and a word of the promise, e.g. /status Germany defence system", id="nothing"),
    pytest.param("scorecard", "Canada", "I know no commitments of “Canada”. Try a country or organisation "
                 "name, e.g. /scorecard Germany", id="no-scorecard"),
])
def test_tracking_answer(tmp_path: Path, command: str, args: str, first_line: str) -> None:
    _seed(tmp_path / "bot.db")
    store = open_store(tmp_path / "bot.db")
    try:
        assert tracking_answer(command, args, store=store, today=TODAY).text.splitlines()[0] == first_line
    finally:
        store.close()


@pytest.mark.e2e
async def test_scorecard_command_replies_in_telegram(tmp_path: Path, emulator: Emulator,  # noqa: F811
                                                      emulator_url: str) -> None:  # noqa: F811
    _seed(tmp_path / "bot.db")
    token = new_token()
    async with running_bot(emulator_url, token=token, db=tmp_path / "bot.db"):
        reply = await emulator.ask(token, chat=private_chat(ALICE), user=ALICE, text="/scorecard Germany")
        usage = await emulator.ask(token, chat=private_chat(ALICE), user=ALICE, text="/status")
    assert "Scorecard of Germany" in reply["message"]["text"]
    assert "four IRIS-T air defence systems" in reply["message"]["text"]
    assert usage["message"]["text"] == ("Tell me which commitment: the actor and a word of the promise, "
                                        "e.g. /status Germany defence system")


@pytest.mark.e2e
async def test_every_suggested_example_answers_and_a_refusal_is_said_once(
        tmp_path: Path, emulator: Emulator, emulator_url: str) -> None:  # noqa: F811
    _seed(tmp_path / "bot.db")
    token, chat = new_token(), private_chat(ALICE)
    replies: dict[str, str] = {}
    async with running_bot(emulator_url, token=token, db=tmp_path / "bot.db"):
        for text in ("/status", "/scorecard", "/status Canada tanks", "/scorecard Canada"):
            replies[text] = (await emulator.ask(token, chat=chat, user=ALICE, text=text))["message"]["text"]
        asked = await emulator.ask(token, chat=chat, user=ALICE, text="has Germany delivered the IRIS-T?")
        examples = {line.rsplit("e.g. ", 1)[1] for line in replies.values()}
        for example in examples:
            reply = await emulator.ask(token, chat=chat, user=ALICE, text=example)
            replies[example] = reply["message"]["text"]
    assert examples == {"/status Germany defence system", "/scorecard Germany"}
    assert replies["/status Canada tanks"].count("No tracked commitment matches") == 1
    assert replies["/scorecard Canada"].count("I know no commitments") == 1
    assert replies["/status Germany defence system"].startswith("Germany: four IRIS-T air defence systems")
    assert replies["/scorecard Germany"].startswith("Scorecard of Germany")
    assert asked["message"]["text"].startswith("Germany: four IRIS-T air defence systems — delivered")


def test_with_no_commitments_no_example_is_offered(tmp_path: Path) -> None:
    store = open_store(tmp_path / "empty.db")
    try:
        text = tracking_answer("status", "Canada tanks", store=store, today=TODAY).text
    finally:
        store.close()
    assert text == ("No tracked commitment matches “Canada tanks”. Try the actor and a word of the promise. "
                    "No commitments are tracked yet: ingest some readouts first.")
