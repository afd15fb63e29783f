"""The outbox: alerts queued in the save transaction, fanned out once to the right chats."""

from __future__ import annotations

import json

import pytest

from bot.alerts.match import Subject
from bot.alerts.outbox import Audience, fan_out, queue_digest, queue_notice
from bot.alerts.subscriptions import follow
from storage.store import Store
from tests.alert_facts import ACCORD, doc, extraction, pledge, quote

CHANNEL = -100500


def alerts(store: Store) -> list[dict]:
    return [{**r, "payload": json.loads(r["payload"])} for r in store.db["alerts"].rows_where(order_by="id")]


def deliveries(store: Store) -> list[tuple]:
    return [
        (r["alert_id"], r["chat_id"], r["audience"], r["status"])
        for r in store.db["deliveries"].rows_where(order_by="alert_id, key")
    ]


def test_save_queues_one_alert_with_the_new_facts(store: Store) -> None:
    store.save_document(
        doc(), extraction(commitments=(pledge(),), statements=(quote(),), agreements=(ACCORD,))
    )
    [alert] = alerts(store)
    assert (alert["kind"], alert["silent"], alert["payload"]["status"]) == ("document", 0, "new")
    assert [i["kind"] for i in alert["payload"]["items"]] == [
        "meeting",
        "commitment",
        "agreement",
        "statement",
    ]
    assert alert["payload"]["doc"] == {
        "id": doc().key,
        "url": "https://news.example/oslo",
        "title": "Leaders meet in Oslo",
        "publisher": "Example News",
        "published": "2026-02-03",
    }


def test_unchanged_reingest_queues_nothing_and_minor_update_is_silent(store: Store) -> None:
    store.save_document(doc(), extraction(commitments=(pledge(),)))
    store.save_document(doc(), extraction(commitments=(pledge(),)))
    store.save_document(
        doc(doc().text + " More."), extraction(commitments=(pledge(),), statements=(quote(),))
    )
    assert [(a["payload"]["status"], a["silent"]) for a in alerts(store)] == [("new", 0), ("updated", 1)]


def test_a_failing_save_queues_no_alert(store: Store) -> None:

    def explode(*_: object) -> None:
        raise RuntimeError("disk full")

    store.write_hooks.append(explode)
    with pytest.raises(RuntimeError):
        store.save_document(doc(), extraction(commitments=(pledge(),)))
    assert alerts(store) == [] and store.document(doc().key) is None


def test_fan_out_reaches_channel_and_matching_subscribers_once(store: Store) -> None:
    follow(store.db, chat_id=11, subject=Subject(kind="country", value="Norway", label="Norway"))
    follow(store.db, chat_id=11, subject=Subject(kind="topic", value="energy", label="energy"))
    follow(store.db, chat_id=22, subject=Subject(kind="country", value="Chile", label="Chile"))
    store.save_document(doc(), extraction(commitments=(pledge(),)))
    audience = Audience(channel_id=CHANNEL)
    assert fan_out(store.db, audience=audience) == 2
    assert fan_out(store.db, audience=audience) == 0
    assert deliveries(store) == [(1, CHANNEL, "channel", "pending"), (1, 11, "subscriber", "pending")]
    row = store.db["deliveries"].get("1:11")
    assert (json.loads(row["items"]), row["reason"]) == ([1], "Norway, energy")


def test_notices_go_to_admins_once(store: Store) -> None:
    assert queue_notice(store.db, key="feed:x:1", text="feed x fails") is True
    assert queue_notice(store.db, key="feed:x:1", text="feed x fails") is False
    fan_out(store.db, audience=Audience(channel_id=CHANNEL, admin_chats=(7, 8)))
    assert deliveries(store) == [(1, 7, "admin", "pending"), (1, 8, "admin", "pending")]


def test_daily_digest_replaces_channel_alerts(store: Store) -> None:
    follow(store.db, chat_id=11, subject=Subject(kind="country", value="Norway", label="Norway"))
    store.save_document(doc(), extraction(commitments=(pledge(),)))
    store.save_document(doc(url="https://news.example/two"), extraction(agreements=(ACCORD,)))
    audience = Audience(channel_id=CHANNEL, daily_digest=True)
    fan_out(store.db, audience=audience)
    digest_id = queue_digest(store.db)
    assert queue_digest(store.db) is None  # nothing left to digest
    fan_out(store.db, audience=audience)
    assert deliveries(store) == [(1, 11, "subscriber", "pending"), (digest_id, CHANNEL, "channel", "pending")]
    assert len(alerts(store)[-1]["payload"]["documents"]) == 2


def test_fan_out_follows_a_migrated_channel(store: Store) -> None:
    store.db["chat_migrations"].insert({"old_chat_id": CHANNEL, "new_chat_id": -100600})
    queue_notice(store.db, key="x", text="hello")
    store.save_document(doc(), extraction(commitments=(pledge(),)))
    fan_out(store.db, audience=Audience(channel_id=CHANNEL))
    assert deliveries(store) == [(2, -100600, "channel", "pending")]
