"""The composition root of the store: open it with every save hook, in one fixed order.

Every process that writes opens its store here: the command line, the bot (its services, admin
ingest and feed poller), the benchmark and the tests. So every save keeps the same derived
tables, whoever made it; no other module installs a hook.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.alerts.outbox import queue_document_alert
from bot.query.vocabulary import remember_words
from bot.tracking.refresh import refresh_after_save
from storage.store import Store, WriteHook

if TYPE_CHECKING:
    from bot.config import Settings

# Run in this order inside the save's transaction; any of them failing rolls the save back.
SAVE_HOOKS: tuple[WriteHook, ...] = (
    queue_document_alert,  # alerts for the facts the save added, compared with those it replaced
    remember_words,  # the vocabulary that prefixes and typos in questions are looked up in
    refresh_after_save,  # meeting clusters, commitment threads and their links
)


def open_store(where: Settings | str | Path, *, create: bool = True) -> Store:
    """Open the store of ``where`` (the settings, or a database path) with every save hook;
    ``create=False`` raises StoreError instead of creating a missing store."""
    path = where if isinstance(where, str | Path) else where.db
    store = Store.open(path, create=create)
    store.write_hooks.extend(SAVE_HOOKS)
    return store
