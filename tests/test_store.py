"""The store: re-ingest is a no-op, a changed document is replaced atomically, failures leave nothing."""
from __future__ import annotations

import sqlite3

import pytest

from storage.records import (
    Agreement,
    Attendance,
    Commitment,
    Extraction,
    Meeting,
    Sentence,
    SourceDocument,
    Statement,
)
from storage.store import Store

TEXT = "Leaders met in Oslo. Norway pledged ten ships."


def extraction(actor: str = "Norway") -> Extraction:
    return Extraction(
        sentences=(Sentence(0, 0, 20, "Leaders met in Oslo."), Sentence(1, 21, 46, TEXT[21:])),
        meeting=Meeting(name="Oslo meeting", date="2025-05-01", place="Oslo"),
        attendees=(Attendance(name=None, role=None, country="Norway", org=None,
                               sentence=1, start=21, end=27),),
        statements=(Statement(speaker="Jonas Gahr Støre", text="ten ships", quote=False,
                              sentence=1, start=21, end=46),),
        commitments=(Commitment(actor=actor, action="pledged ten ships", kind="pledge",
                                sentence=1, start=21, end=46, amount="ten ships"),),
        agreements=(Agreement(title="Oslo accord", parties=("Norway", "Ukraine"), signed=True,
                              sentence=1, start=21, end=46),),
    )


def table_counts(store: Store) -> dict[str, int]:
    tables = ("documents", "sentences", "meetings", "attendances", "statements", "commitments",
              "agreements", "agreement_parties", "sentences_fts", "commitments_fts")
    return {t: store.db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in tables}


def test_new_document_is_saved_with_every_fact(store: Store) -> None:
    doc = SourceDocument(text=TEXT, url="https://example.org/oslo", title="Oslo")
    result = store.save_document(doc, extraction())
    assert (result.status, result.counts) == (
        "new", {"attendees": 1, "statements": 1, "commitments": 1, "agreements": 1})
    facts = store.facts_of(result.doc_id)
    assert facts["agreements"][0]["parties"] == ["Norway", "Ukraine"]
    assert facts["commitments"][0]["actor"] == "Norway"


def test_a_long_document_keeps_every_sentence_searchable(store: Store) -> None:
    # More sentences than one INSERT statement takes: the rows go in several statements.
    lines = [f"Delegation {n} discussed winter repairs of substation {n}." for n in range(450)]
    starts = [sum(len(x) + 1 for x in lines[:n]) for n in range(len(lines))]
    sentences = tuple(Sentence(n, at, at + len(line), line)
                      for n, (at, line) in enumerate(zip(starts, lines, strict=True)))
    doc = SourceDocument(text="\n".join(lines), url="https://example.org/long")
    result = store.save_document(doc, Extraction(sentences=sentences, meeting=Meeting()))
    count = store.db.execute("select count(*) from sentences where doc_id = ?", [result.doc_id]).fetchone()[0]
    assert count == 450
    found = store.db.execute("select s.idx from sentences_fts f join sentences s on s.id = f.rowid "
                             "where sentences_fts match '\"449\"'").fetchall()
    assert found == [(449,)]
    assert store.sentence(result.doc_id, 449)["text"] == lines[449]  # type: ignore[index]


def test_reingesting_the_same_document_changes_nothing(store: Store) -> None:
    doc = SourceDocument(text=TEXT, url="https://example.org/oslo", title="Oslo")
    store.save_document(doc, extraction())
    before = table_counts(store)
    assert store.save_document(doc, extraction()).status == "unchanged"
    assert table_counts(store) == before


@pytest.mark.parametrize("change", [
    pytest.param({}, id="same"),
    pytest.param({"text": TEXT + " Denmark agreed."}, id="text"),
    pytest.param({"title": "Oslo talks"}, id="title"),
    pytest.param({"published": "2025-05-02"}, id="published"),
])
def test_is_unchanged_compares_text_and_metadata(store: Store, change: dict[str, str]) -> None:
    doc = SourceDocument(text=TEXT, url="https://example.org/oslo", title="Oslo", published="2025-05-01")
    assert not store.is_unchanged(doc)
    store.save_document(doc, extraction())
    assert store.is_unchanged(SourceDocument(**{**doc.__dict__, **change})) == (not change)


def test_saved_rows_keep_flags_and_unique_parties(store: Store) -> None:
    ex = extraction()
    ex = Extraction(sentences=ex.sentences, meeting=ex.meeting, commitments=ex.commitments,
                    agreements=(Agreement(title="Oslo accord", parties=("Norway", "Norway", "Ukraine"),
                                          signed=True, sentence=1, start=21, end=46),))
    doc_id = store.save_document(SourceDocument(text=TEXT, url="https://example.org/o"), ex).doc_id
    facts = store.facts_of(doc_id)
    assert facts["agreements"][0]["parties"] == ["Norway", "Ukraine"]
    assert (facts["agreements"][0]["signed"], facts["commitments"][0]["collective"]) == (1, 0)
    assert facts["meetings"][0]["place"] == "Oslo"


def test_same_text_without_url_is_one_document(store: Store) -> None:
    store.save_document(SourceDocument(text=TEXT), extraction())
    assert store.save_document(SourceDocument(text=TEXT), extraction()).status == "unchanged"
    assert table_counts(store)["documents"] == 1


def test_changed_document_replaces_its_facts(store: Store) -> None:
    store.save_document(SourceDocument(text=TEXT, url="https://example.org/oslo"), extraction())
    changed = SourceDocument(text=TEXT + " More.", url="https://example.org/oslo")
    result = store.save_document(changed, extraction(actor="Sweden"))
    assert result.status == "updated"
    assert [c["actor"] for c in store.facts_of(result.doc_id)["commitments"]] == ["Sweden"]
    assert table_counts(store)["commitments"] == 1
    hits = store.db.execute("select actor from commitments_fts where commitments_fts match '\"Sweden\"'")
    assert [r[0] for r in hits] == ["Sweden"]


def test_failure_midway_leaves_the_store_as_it_was(store: Store) -> None:
    store.save_document(SourceDocument(text=TEXT, url="https://example.org/oslo"), extraction())
    before = table_counts(store)

    def explode(*_: object) -> None:
        raise RuntimeError("crash in the middle of an ingest")

    store.write_hooks.append(explode)
    with pytest.raises(RuntimeError):
        store.save_document(SourceDocument(text=TEXT + " Changed.", url="https://example.org/oslo"),
                            extraction(actor="Sweden"))
    with pytest.raises(RuntimeError):
        store.save_document(SourceDocument(text="Another text.", url="https://example.org/other"),
                            extraction())
    assert table_counts(store) == before
    assert [c["actor"] for c in store.db["commitments"].rows] == ["Norway"]


def test_delete_document_removes_every_fact(store: Store) -> None:
    result = store.save_document(SourceDocument(text=TEXT, url="https://example.org/oslo"), extraction())
    assert store.delete_document(result.doc_id) is True
    assert set(table_counts(store).values()) == {0}
    assert store.delete_document(result.doc_id) is False


def test_store_is_a_wal_file_with_foreign_keys(tmp_path) -> None:
    s = Store.open(tmp_path / "x.db")
    assert s.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        s.db.execute("insert into sentences (doc_id, idx, start, [end], text) values ('nope', 0, 0, 1, 'x')")
    s.close()


def test_export_has_the_grader_fields(store: Store) -> None:
    store.save_document(SourceDocument(text=TEXT, url="https://example.org/oslo", title="Oslo",
                                       published="2025-05-02"), extraction())
    (doc,) = store.export()["documents"]
    assert doc["event"] == {"name": "Oslo meeting", "date": "2025-05-01", "place": "Oslo", "format": None}
    assert doc["attendees"][0]["country"] == "Norway"
    assert {k: doc["statements"][0][k] for k in ("speaker", "quote", "text")} == {
        "speaker": "Jonas Gahr Støre", "quote": False, "text": "ten ships"}
    assert {k: doc["commitments"][0][k] for k in ("actor", "action", "kind")} == {
        "actor": "Norway", "action": "pledged ten ships", "kind": "pledge"}
    assert {k: doc["agreements"][0][k] for k in ("title", "parties", "signed")} == {
        "title": "Oslo accord", "parties": ["Norway", "Ukraine"], "signed": True}
