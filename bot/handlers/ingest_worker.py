"""Extraction and saving of the documents admins send, off the event loop.

A document takes a few hundred milliseconds to extract (a long one, seconds): on the event loop
that would stall every chat. One worker thread does it, with a connection of its own opened on
that thread, so saves are serialised and the bot's connection keeps answering meanwhile; the
question engine sees each commit on its next question.
"""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.ingest.pipeline import ingest_document
from bot.wiring import open_store
from storage.records import SourceDocument
from storage.store import SaveResult, Store


@dataclass(frozen=True)
class Ingested:
    """What saving one document did, and the meeting it reports (None when it names none)."""

    result: SaveResult
    meeting: dict[str, Any] | None


class IngestWorker:
    """Extract and save documents one at a time on a worker thread with its own connection."""

    def __init__(self, db: Path) -> None:
        self._db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pledgebot-ingest")
        self._store: Store | None = None  # opened on the worker thread, at the first document

    async def ingest(self, doc: SourceDocument) -> Ingested:
        """Extract and save ``doc`` on the worker thread; the event loop goes on meanwhile."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._ingest, doc)

    def _ingest(self, doc: SourceDocument) -> Ingested:
        if self._store is None:
            self._store = open_store(self._db)
        result = ingest_document(self._store, doc)
        meetings = self._store.facts_of(result.doc_id)["meetings"]
        return Ingested(result=result, meeting=meetings[0] if meetings else None)

    def close(self) -> None:
        """Close the worker's connection on its own thread, then stop the thread."""
        self._executor.submit(self._close).result()
        self._executor.shutdown()

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
