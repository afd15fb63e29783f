"""The console conversation: follow-ups for a few minutes, small talk, and "more"."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.conversation.console import ConsoleChat
from bot.entities import EntityIndex
from bot.query.answer import Answer
from tests.test_cli import run, write_docs


def fact(n: int) -> dict[str, Any]:
    return {"type": "statement", "text": f"Speaker {n}: point {n}.", "doc_id": "d", "sentence": n,
            "evidence": "", "source": {}}


class Engine:
    """Answer every question with twelve facts, of which the text shows the first five."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, question: str) -> Answer:
        self.asked.append(question)
        results = [fact(n) for n in range(1, 13)]
        text = "\n".join(f"• {r['text']}" for r in results[:5])
        return Answer(question=question, text=text, found=True, intent="statement", results=results, total=20)


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def chat() -> tuple[ConsoleChat, Engine, Clock]:
    engine, clock = Engine(), Clock()
    return ConsoleChat(engine, index=EntityIndex.default(), seconds=300, clock=clock), engine, clock


def test_more_prints_the_next_facts_with_the_true_count(chat: tuple[ConsoleChat, Engine, Clock]) -> None:
    session, _, _ = chat
    first = session.reply("what did Merz say")
    assert first.endswith('(7 more: type "more")') and "point 6." not in first
    assert session.reply("more") == "\n".join(
        [f"• Speaker {n}: point {n}." for n in range(6, 11)] + ["(6–10 of 20)"])
    assert session.reply("ще").endswith("(11–12 of 20)")
    assert session.reply("more") == "Nothing more: ask another question."


def test_follow_ups_last_a_few_minutes(chat: tuple[ConsoleChat, Engine, Clock]) -> None:
    session, engine, clock = chat
    session.reply("who attended from Canada")
    clock.now += 299
    session.reply("and France?")
    clock.now += 300
    session.reply("and Italy?")
    assert engine.asked == ["who attended from Canada", "who attended from France", "and Italy?"]


def test_small_talk_is_not_asked(chat: tuple[ConsoleChat, Engine, Clock]) -> None:
    session, engine, _ = chat
    assert session.reply("thanks!").startswith("You're welcome")
    assert engine.asked == []


def test_pledgebot_chat_follows_up(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    run("ingest", "--db", db, "--manifest", str(write_docs(tmp_path)))
    said = "what did Jonas Gahr Store say\nhi\nand what did he say about Ukraine?\n\n"
    result = run("chat", "--db", db, input=said)
    assert result.exit_code == 0
    replies = result.stdout.split("> ")[1:]
    assert "Norway will keep helping Ukraine" in replies[0]
    assert replies[1].startswith("Hi!")
    alone = run("ask", "--db", db, "what did he say about Ukraine?").stdout
    # "he" is Jonas Gahr Støre; asked alone, the question names no one.
    heads = (replies[2].split("\n")[0], alone.split("\n")[0])
    assert heads == ("What Jonas Gahr Støre said:", "What was said:")
