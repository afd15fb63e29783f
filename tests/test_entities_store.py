"""Writing the index to the store and reading discovered people back (bot/entities/store.py)."""
from __future__ import annotations

import json

from bot.entities import EntityIndex
from storage.store import Store


def test_sync_writes_entities_with_roles_and_aliases(store: Store) -> None:
    idx = EntityIndex.default()
    idx.sync(store.db)
    row = store.db["entities"].get("friedrich-merz")
    assert (row["kind"], row["name"], row["country"]) == ("person", "Friedrich Merz", "Germany")
    assert json.loads(row["data"])["roles"][0] == {
        "title": "Chancellor", "country": "Germany", "org": None, "start": "2025-05-06", "end": None}
    norms = {r["norm"] for r in store.db["aliases"].rows_where("entity_id = ?", ["friedrich-merz"])}
    assert {"friedrich merz", "merz", "мерц"} <= norms
    assert store.db["entities"].count == sum(1 for _ in idx.entities())


def test_sync_twice_is_an_upsert(store: Store) -> None:
    idx = EntityIndex.default()
    idx.sync(store.db)
    counts = (store.db["entities"].count, store.db["aliases"].count)
    idx.sync(store.db)
    assert (store.db["entities"].count, store.db["aliases"].count) == counts


def test_sync_inside_a_transaction_rolls_back_with_it(store: Store) -> None:
    idx = EntityIndex.default().with_people(["Petra Rollbackova"])
    try:
        with store.db.atomic():
            idx.sync(store.db)
            raise RuntimeError("ingest failed midway")
    except RuntimeError:
        pass
    assert store.db["entities"].count == 0


def test_extended_from_reads_people_found_in_documents(store: Store) -> None:
    discovered = EntityIndex.default().with_people(["Oksana Storeska"])
    discovered.sync(store.db)
    store.db["aliases"].insert({"entity_id": "oksana-storeska", "alias": "Оксана Сторецька",
                                "norm": "оксана сторецька"})
    fresh = EntityIndex.default().extended_from(store.db)
    assert fresh.person("Oksana Storeska").id == "oksana-storeska"  # type: ignore[union-attr]
    assert fresh.person("Оксани Сторецької").id == "oksana-storeska"  # type: ignore[union-attr]
    assert EntityIndex.default().person("Oksana Storeska") is None


def test_extended_from_keeps_gazetteer_roles(store: Store) -> None:
    store.db["entities"].insert({"id": "friedrich-merz", "kind": "person", "name": "Friedrich Merz",
                                 "country": "Germany", "data": "not json"})
    store.db["aliases"].insert({"entity_id": "friedrich-merz", "alias": "F. Merz", "norm": "f merz"})
    idx = EntityIndex.default().extended_from(store.db)
    merz = idx.person("F. Merz")
    assert merz is not None and merz.roles and "F. Merz" in merz.aliases


def test_extended_from_a_database_without_the_tables() -> None:
    from sqlite_utils import Database

    idx = EntityIndex.default().extended_from(Database(memory=True))
    assert sum(1 for _ in idx.entities()) == sum(1 for _ in EntityIndex.default().entities())
