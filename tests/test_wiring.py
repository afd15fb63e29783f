"""The composition root: every store opens with the same save hooks, in one fixed order, and
nothing else installs one."""
from __future__ import annotations

from pathlib import Path

from bot.alerts.outbox import queue_document_alert
from bot.config import load_settings
from bot.ingest.pipeline import ingest_document
from bot.query.compaction import merge_sentence_index
from bot.query.vocabulary import Vocabulary, remember_words
from bot.tracking.refresh import refresh_after_save
from bot.wiring import open_store
from storage.records import SourceDocument
from storage.store import Store

TEXT = ("Leaders of Norway and Denmark met in Oslo on 1 May 2025. "
        "Norway pledged €100 million for air defence, Prime Minister Jonas Gahr Støre said.")
DOC = SourceDocument(text=TEXT, url="https://example.org/oslo", title="Oslo", published="2025-05-02")


def _count(store: Store, table: str) -> int:
    return int(store.db.execute(f"select count(*) from [{table}]").fetchone()[0])


def test_a_store_opens_with_every_hook_once_in_order(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a.db")
    assert store.write_hooks == [queue_document_alert, remember_words, refresh_after_save,
                                 merge_sentence_index]
    store.close()


def test_settings_name_the_store_they_open(tmp_path: Path) -> None:
    store = open_store(load_settings(PLEDGEBOT_DB=str(tmp_path / "from-settings.db")))
    store.close()
    assert (tmp_path / "from-settings.db").is_file()


def test_one_ingest_queues_an_alert_keeps_words_and_tracks_the_pledge(store: Store) -> None:
    ingest_document(store, DOC)
    assert _count(store, "alerts") == 1
    assert "pledged" in {r[0] for r in store.db.execute("select term from vocabulary")}
    assert _count(store, "commitment_links") >= 1 and _count(store, "tracking_dirty") == 0


def test_ingest_installs_no_hook_of_its_own(bare_store: Store) -> None:
    ingest_document(bare_store, DOC)
    assert bare_store.write_hooks == []
    assert _count(bare_store, "alerts") == 0
    # Questions still see the new words: they are read from the sentences until a wired save.
    assert Vocabulary(bare_store.db).starting("pledg", limit=5) == ["pledged"]


def test_questions_go_to_tracking_or_to_the_engine_never_both(store: Store) -> None:
    import datetime as dt

    from bot.ask import answer_question
    from bot.query.engine import engine_for
    from bot.tracking.router import try_answer

    ingest_document(store, DOC)
    today = dt.date(2025, 6, 1)
    status = "status of the Norwegian air defence pledge"
    tracked = try_answer(status, store, today=today)
    assert tracked is not None
    assert answer_question(status, store=store, today=today) == tracked
    plain = "what did Norway pledge?"
    assert try_answer(plain, store, today=today) is None
    assert answer_question(plain, store=store, today=today) == engine_for(store).answer(plain)
