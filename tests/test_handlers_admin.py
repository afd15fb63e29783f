"""Admin ingest offline: files, URLs and refusals, with the real pipeline behind them."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.errors import FetchError
from bot.handlers import admin
from bot.ingest.fetch import FetchLimits
from bot.ingest.pipeline import DocumentInput
from storage.records import SourceDocument
from tests.telegram_offline import ADMIN, USER, message_update, offline_app

READOUT = b"Ministers meet in Oslo\n\nThe defence ministers met in Oslo on 3 March 2025.\n"


def document_update(user: dict[str, Any], name: str, size: int) -> dict[str, Any]:
    document = {"file_id": "F1", "file_unique_id": "u1", "file_name": name, "file_size": size,
                "mime_type": "text/plain"}
    return message_update(user=user, document=document)


@pytest.mark.parametrize(("user", "name", "reply", "stored"), [
    pytest.param(ADMIN, "oslo.txt", "<b>New</b>: Ministers meet in Oslo", 1, id="admin-txt"),
    pytest.param(ADMIN, "oslo.pdf", "oslo.pdf: only .txt, .md and .html files can be ingested.", 0, id="pdf"),
    pytest.param(USER, "oslo.txt", "Sorry, only the bot&#x27;s admins", 0, id="not-admin"),
])
async def test_document_ingest(tmp_path: Path, user: dict[str, Any], name: str, reply: str,
                               stored: int) -> None:
    async with offline_app(tmp_path) as (app, calls):
        app.bot.request.files["F1"] = READOUT  # type: ignore[attr-defined]
        await app.process_update(Update.de_json(document_update(user, name, len(READOUT)), app.bot))
        documents = list(app.bot_data.services.store.documents())
    assert calls.sent()[-1]["text"].startswith(reply)
    assert len(documents) == stored


async def test_a_huge_document_is_refused_before_download(tmp_path: Path) -> None:
    async with offline_app(tmp_path) as (app, calls):
        await app.process_update(Update.de_json(document_update(ADMIN, "big.txt", 50 * 1024 * 1024), app.bot))
    assert calls.methods() == ["sendMessage"]
    assert "too large" in calls.sent()[0]["text"]


async def test_url_ingest_reports_what_was_found_and_fetch_errors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def load(source: DocumentInput, *, limits: FetchLimits) -> SourceDocument:
        assert (limits.allow_private, limits.total_timeout) == (False, 60)  # the settings' defaults
        if source.url and "broken" in source.url:
            raise FetchError(f"{source.url}: HTTP 404")
        return SourceDocument(text=READOUT.decode(), url=source.url, title="Oslo talks")

    monkeypatch.setattr(admin, "load_input", load)
    async with offline_app(tmp_path) as (app, calls):
        for url in ("https://example.org/oslo", "https://example.org/broken", "https://example.org/oslo"):
            await app.process_update(Update.de_json(message_update(text=url, user=ADMIN), app.bot))
    texts = [p["text"] for p in calls.sent()]
    assert texts[0].startswith("<b>New</b>: Oslo talks")
    assert texts[1] == "Could not ingest https://example.org/broken: https://example.org/broken: HTTP 404"
    assert texts[2].startswith("<b>Unchanged</b>: Oslo talks")


async def test_a_url_from_a_non_admin_is_refused_not_fetched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admin, "load_input", lambda source: pytest.fail("fetched for a non-admin"))
    async with offline_app(tmp_path) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="https://example.org/x"), app.bot))
    assert "only the bot&#x27;s admins" in calls.sent()[0]["text"]


async def test_extraction_runs_on_the_ingest_thread_with_its_own_connection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import bot.extract
    from bot.ingest import pipeline

    seen: list[tuple[str, object]] = []
    real_extract, real_ingest = bot.extract.extract_document, pipeline.ingest_document

    def extract(doc: SourceDocument) -> Any:
        seen.append(("extract", threading.current_thread().name))
        return real_extract(doc)

    def ingest(store: Any, doc: SourceDocument) -> Any:
        seen.append(("connection", store.db.conn))
        return real_ingest(store, doc)

    monkeypatch.setattr(bot.extract, "extract_document", extract)
    monkeypatch.setattr("bot.handlers.ingest_worker.ingest_document", ingest)
    async with offline_app(tmp_path) as (app, calls):
        app.bot.request.files["F1"] = READOUT  # type: ignore[attr-defined]
        update = document_update(ADMIN, "oslo.txt", len(READOUT))
        for _ in range(2):  # the second finds the document unchanged on the same connection
            await app.process_update(Update.de_json(update, app.bot))
        bot_connection = app.bot_data.services.store.db.conn
        documents = list(app.bot_data.services.store.documents())  # the bot's connection sees the save
    [(_, thread)] = [s for s in seen if s[0] == "extract"]
    assert thread != threading.current_thread().name and str(thread).startswith("pledgebot-ingest")
    connections = [c for kind, c in seen if kind == "connection"]
    assert len(connections) == 2 and connections[0] is connections[1] is not bot_connection
    assert len(documents) == 1 and calls.sent()[-1]["text"].startswith("<b>Unchanged</b>")
