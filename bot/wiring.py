"""The composition root of the store: open it with every save hook, in one fixed order.

Every process that writes opens its store here: the command line, the bot (its services, admin
ingest and feed poller), the benchmark and the tests. So every save keeps the same derived
tables, whoever made it; no other module installs a hook.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.alerts.outbox import queue_archive_alert, queue_document_alert
from bot.query.compaction import merge_sentence_index
from bot.query.vocabulary import remember_words
from bot.tracking.refresh import refresh_after_save
from storage.store import Store, WriteHook

if TYPE_CHECKING:
    from bot.config import Settings

# How a save's alerts go out: "each" queues an alert for the facts the save added, compared
# with those it replaced; "archive" files them for the one silent archive digest (a bulk
# import, old news); "none" queues nothing (`pledgebot ingest --no-alerts`).
ALERT_MODES: dict[str, tuple[WriteHook, ...]] = {
    "each": (queue_document_alert,),
    "archive": (queue_archive_alert,),
    "none": (),
}
# Run after the alert hook, in this order, inside the save's transaction; any of them failing
# rolls the save back.
DERIVED_HOOKS: tuple[WriteHook, ...] = (
    remember_words,  # the vocabulary that prefixes and typos in questions are looked up in
    refresh_after_save,  # meeting clusters, commitment threads and their links
    merge_sentence_index,  # the full-text index in one segment again after a tenth more sentences
)


def open_store(where: Settings | str | Path, *, create: bool = True, alerts: str = "each") -> Store:
    """Open the store of ``where`` (the settings, or a database path) with every save hook;
    ``create=False`` raises StoreError instead of creating a missing store, and ``alerts`` is
    one of ALERT_MODES."""
    if alerts not in ALERT_MODES:
        raise ValueError(f"unknown alert mode {alerts!r}; known: {', '.join(ALERT_MODES)}")
    store = open_unhooked(where, create=create)
    store.write_hooks.extend((*ALERT_MODES[alerts], *DERIVED_HOOKS))
    return store


def open_unhooked(where: Settings | str | Path, *, create: bool = True) -> Store:
    """Open a connection of its own without save hooks, for work that saves no document (the
    delivery of alerts, which must not wait on the bot's own connection)."""
    return Store.open(where if isinstance(where, str | Path) else where.db, create=create)
