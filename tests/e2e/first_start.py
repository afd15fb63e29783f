"""Show what a first start sends: ingest a corpus, then run the bot once against the emulator.

    python -m tests.e2e.first_start CORPUS [--follow France] [--seconds 20] [--news]

CORPUS is a folder with ``index.json`` and ``<slug>.txt`` files (as ../shared/corpus): its
documents are ingested with ``pledgebot ingest --manifest`` into a fresh store before the bot
first runs, a private chat follows one country, then the bot runs for a while with an alert
channel. Prints, per chat, how many messages arrived, whether each was silent, and their texts.

With ``--news`` the bot starts on an empty store and the documents arrive one ingest each while
it runs, as news of any age (ALERT_MAX_AGE_DAYS=0): this shows the alerts themselves.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from bot.alerts.match import resolve_subject
from bot.alerts.subscriptions import follow
from bot.cli import main as cli_main
from storage.store import Store
from tests.e2e.harness import Emulator, new_token, running_bot, start_emulator, stop_emulator

CHANNEL = -1009000000009
FOLLOWER = 9009


def write_manifest(corpus: Path, out: Path) -> int:
    """Write the ingest manifest of ``corpus`` (one JSON object a line); return its length."""
    index = json.loads((corpus / "index.json").read_text(encoding="utf-8"))
    fields = ("url", "title", "published", "publisher", "language")
    with out.open("w", encoding="utf-8") as f:
        for doc in index:
            row = {"path": str((corpus / f"{doc['slug']}.txt").resolve()), **{k: doc.get(k) for k in fields}}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(index)


Sent = dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]]]]


async def first_start(db: Path, *, url: str, seconds: float, news: Path | None = None) -> Sent:
    """Run the bot on ``db`` for ``seconds``; return its sendMessage calls and messages per chat.

    ``news``: a manifest whose documents are ingested one by one while the bot runs.
    """
    token = new_token()
    emulator = Emulator(url)
    try:
        age = 0 if news else 14  # news of any age, or the default
        async with running_bot(url, token=token, db=db, ALERT_CHAT_ID=CHANNEL, ALERT_MAX_AGE_DAYS=age):
            await asyncio.sleep(2)  # the first delivery round: the store's backlog, if any
            for line in news.read_text(encoding="utf-8").splitlines() if news else []:
                row = json.loads(line)
                args = ["ingest", "--db", str(db), row["path"], *_options(row)]
                await asyncio.to_thread(CliRunner().invoke, cli_main, args)
            await asyncio.sleep(seconds)
        calls, _ = await emulator.calls(token, method="sendMessage")
        found: Sent = {}
        for call in calls:
            found.setdefault(int(call["params"]["chat_id"]), ([], []))[0].append(call)
        for chat, (_, messages) in found.items():
            messages.extend(await emulator.messages(token, chat))
        return found
    finally:
        await emulator.aclose()


def _options(row: dict[str, Any]) -> list[str]:
    return [arg for key in ("url", "title", "published", "publisher", "language") if row.get(key)
            for arg in (f"--{key}", str(row[key]))]


def describe(name: str, calls: list[dict[str, Any]], messages: list[dict[str, Any]]) -> str:
    """Return a chat's count of messages, then each one's loudness and visible text."""
    silent = sum(_silent(c) for c in calls)
    lines = [f"== {name}: {len(calls)} messages ({silent} silent, {len(calls) - silent} loud)"]
    for call, message in zip(calls, messages, strict=False):
        lines.append(f"-- {'silent' if _silent(call) else 'LOUD'}")
        lines.append(message["message"]["text"])
    return "\n".join(lines)


def _silent(call: dict[str, Any]) -> bool:
    return str(call["params"].get("disable_notification", "false")).lower() == "true"


def run(corpus: Path, *, country: str, seconds: float, news: bool = False) -> str:
    """Ingest ``corpus``, follow ``country``, run the bot; return the report."""
    with tempfile.TemporaryDirectory(prefix="first-start-") as tmp:
        db, manifest = Path(tmp) / "bot.db", Path(tmp) / "manifest.jsonl"
        count = write_manifest(corpus, manifest)
        head = f"{count} documents, one ingest each while the bot runs"
        if not news:
            result = CliRunner().invoke(cli_main, ["ingest", "--db", str(db), "--manifest", str(manifest)])
            head = f"ingested {count} documents before the first start: {result.output.splitlines()[-1]}"
        store = Store.open(db)
        follow(store.db, chat_id=FOLLOWER, subject=resolve_subject(country))
        store.close()
        proc, url = start_emulator()
        try:
            sent = asyncio.run(first_start(db, url=url, seconds=seconds, news=manifest if news else None))
        finally:
            stop_emulator(proc)
    return "\n\n".join([
        head,
        describe("alert channel", *sent.get(CHANNEL, ([], []))),
        describe(f"follower of {country}", *sent.get(FOLLOWER, ([], []))),
    ])


if __name__ == "__main__":
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--follow", default="France", help="the country the follower follows")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the bot runs")
    parser.add_argument("--news", action="store_true", help="ingest one by one while the bot runs")
    args = parser.parse_args()
    print(run(args.corpus, country=args.follow, seconds=args.seconds, news=args.news))
