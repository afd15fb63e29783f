"""The benchmark: deterministic synthetic corpus, sensible questions, and a tiny end-to-end run."""
from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run
from bench.answerer import store_writer
from bench.baseline import Bm25, Scan
from bench.generator import CORE_PEOPLE, generate, generate_document, make_person, pool_size
from bench.questions import KINDS, LABELS, REAL_KINDS, Question, is_hit, make_questions, misspell
from bench.report import percentile
from bench.table import format_markdown

FEW = ["--per-kind", "1", "--cold-per-kind", "0", "--cold-repeats", "1"]  # a run in seconds


def test_documents_are_deterministic_and_prefix_stable() -> None:
    small, large = generate(20, seed=3), generate(40, seed=3)
    assert [d.doc for d in small] == [d.doc for d in large[:20]]
    assert generate(5, seed=3, start=4)[0].doc == small[4].doc
    assert generate(5, seed=4)[0].doc.text != small[0].doc.text


def test_documents_are_readouts_of_the_right_length() -> None:
    docs = generate(200)
    assert all(1500 <= len(d.doc.text) <= 3000 for d in docs)
    for d in docs[:20]:
        facts, text = d.facts, d.doc.text
        assert facts["meeting"]["place"] in text
        assert all(a["name"] in text for a in facts["attendees"])
        assert all(c["amount"] in text for c in facts["commitments"])
        assert all(a["title"] in text for a in facts["agreements"])


def test_pool_grows_one_person_per_two_documents_and_every_newcomer_appears() -> None:
    assert pool_size(0) == CORE_PEOPLE
    assert pool_size(1000) - pool_size(0) == 500
    doc = generate_document(500)
    assert any(a["person"] == f"p{pool_size(500) - 1}" for a in doc.facts["attendees"])


def test_names_come_in_several_spellings() -> None:
    people = [make_person(i, seed=7) for i in range(300)]
    assert len({p.name for p in people}) == 300
    assert sum(len(p.surnames) > 1 for p in people) > 100
    spelled = {a["surname"] for d in generate(300) for a in d.facts["attendees"]}
    assert spelled & {s for p in people for s in p.surnames[1:]}


@pytest.mark.parametrize(("text", "seed"), [
    pytest.param("Zaroskyi", 1, id="surname"),
    pytest.param("Coalition of the Willing", 2, id="longest-word"),
])
def test_misspell_changes_one_word_by_one_edit(text: str, seed: int) -> None:
    typo = misspell(text, random.Random(seed))
    changed = [(a, b) for a, b in zip(text.split(), typo.split(), strict=True) if a != b]
    assert len(changed) <= 1
    assert all(abs(len(a) - len(b)) <= 1 for a, b in changed)


def test_questions_cover_every_kind_with_and_without_typos() -> None:
    questions = make_questions(100, per_kind=3)
    assert sorted({q.label for q in questions}) == sorted(LABELS)
    assert {q.kind for q in questions} == {*KINDS, *REAL_KINDS}
    assert all(q.expect for q in questions if q.kind != "nothing")
    assert make_questions(100, per_kind=3) == questions
    assert [q.label for q in questions[:len(LABELS)]] == list(LABELS)  # balanced rounds


def test_real_shaped_questions_name_what_their_document_states() -> None:
    questions = [q for q in make_questions(300, per_kind=30) if q.kind in REAL_KINDS]
    ukrainian = [q.text for q in questions if q.kind == "real:ukrainian"]
    assert all(any(c in text for c in "абвгдежзийклмнопрстуфхцчшщьюяєії") for text in ukrainian)
    assert any(text.islower() and not text.endswith("?")
               for text in (q.text for q in questions if q.kind == "real:casual"))
    roles = [q.text for q in questions if q.kind == "real:role"]
    assert any(" pm " in text for text in roles) and all(text.startswith("what did") for text in roles)
    assert len({q.text for q in questions}) > 0.9 * len(questions)


@pytest.mark.parametrize(("expect", "found", "text", "hit"), [
    pytest.param(("Kharchuk",), True, "From Finland: President Kaja Kharchuk", True, id="contains"),
    pytest.param(("Kharchuk",), False, "Nothing known about Kharchuk", False, id="not-found"),
    pytest.param(("Kharchuk",), True, "x" * 1500 + "Kharchuk", False, id="too-far-down"),
    pytest.param(("Kalarić",), True, "Antonio Kalaric said", True, id="accent-folded"),
    pytest.param((), False, "Nothing is known about Brazil.", True, id="nothing-expected"),
])
def test_is_hit(expect: tuple[str, ...], found: bool, text: str, hit: bool) -> None:
    assert is_hit(Question("statement", False, "q", expect), found=found, text=text) is hit


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50, 95, 99)
    assert percentile([3.0], 99) == 3.0


@pytest.fixture
def three_docs(tmp_path):  # noqa: ANN001, ANN201
    from bot.ingest.pipeline import ingest_document
    from bot.wiring import open_store

    store = open_store(tmp_path / "b.db")
    for item in generate(3):
        ingest_document(store, item.doc)
    store.close()
    return tmp_path / "b.db"


def test_scan_finds_a_topic_by_like(three_docs) -> None:  # noqa: ANN001
    topic = generate_document(0).facts["statements"][0]["topic"]
    found, text = Scan(three_docs).answer(f"anything on {topic}?")
    assert found and topic.split()[-1] in text


def test_a_second_run_on_a_kept_store_still_saves_its_documents(three_docs) -> None:  # noqa: ANN001
    import sqlite3

    def last_sentence() -> str:
        with sqlite3.connect(three_docs) as conn:
            return conn.execute("select text from sentences order by id desc limit 1").fetchone()[0]

    store_writer(str(three_docs), document_every=1)()
    first = last_sentence()
    # The same seed draws the same document and line: saved as it is, it would change nothing.
    store_writer(str(three_docs), document_every=1)()
    second = last_sentence()
    assert first.endswith("within 1 weeks.") and second.endswith("within 1 weeks and 1 days.")


def test_bm25_returns_the_five_best_sentences_for_any_word(three_docs) -> None:  # noqa: ANN001
    statement = generate_document(1).facts["statements"][0]
    found, text = Bm25(three_docs).answer(f"what did {statement['surname']} say?")
    assert found and statement["surname"] in text.splitlines()[0]
    assert len(Bm25(three_docs).answer("who said or told anything?")[1].splitlines()) == 5
    assert Bm25(three_docs).answer("\"*\" OR (") == (False, "")  # syntax is words, and none match


def test_writes_record_feed_polls_and_save_the_stores_documents_again(three_docs) -> None:  # noqa: ANN001
    import sqlite3

    def counts() -> tuple[int, int]:
        with sqlite3.connect(three_docs) as conn:
            return conn.execute("select count(*), max(id) from sentences").fetchone()

    def docs() -> int:
        with sqlite3.connect(three_docs) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]

    (sentences, last), write = counts(), store_writer(str(three_docs), document_every=2)
    write()  # a feed poll
    with sqlite3.connect(three_docs) as conn:
        assert conn.execute("select etag from feeds").fetchall() == [("v1",)]
    assert counts() == (sentences, last)
    write()  # a document
    assert docs() == 3 and counts()[0] == sentences + 1 and counts()[1] > last
    write()
    write()  # another sentence, whichever document it saves
    with sqlite3.connect(three_docs) as conn:
        added = conn.execute("select count(*) from sentences where text like '%within 4 weeks%'").fetchone()
    assert docs() == 3 and added == (1,)


def test_benchmark_runs_at_a_tiny_size_and_writes_every_field(tmp_path) -> None:  # noqa: ANN001
    path = run.main(["--sizes", "15,30", "--per-kind", "2", "--bm25-per-kind", "1", "--scan-per-kind", "1",
                     "--cold-per-kind", "1", "--cold-repeats", "1", "--ingest-sample", "10",
                     "--out", str(tmp_path), "--work", str(tmp_path / "work")])
    result = json.loads(path.read_text())
    assert set(result) == {"meta", "sizes", "growth", "targets"}
    assert [s["docs"] for s in result["sizes"]] == [15, 30]
    assert [s["ingest"]["built_in_pool"] for s in result["sizes"]] == [5, 5]
    for size in result["sizes"]:
        assert {"ingest", "db_bytes", "db_bytes_per_doc", "facts", "project", "bm25", "scan",
                "ratios", "cold_start"} <= set(size)
        assert size["ingest"]["docs"] == 10 and size["ingest"]["docs_per_s"] > 0
        assert size["facts"]["sentences"] > size["docs"]
        project = size["project"]
        asked = ((project["warm"], 2), (project["write"], 2), (project["cold"], 1), (size["bm25"], 1),
                 (size["scan"], 1))
        for measured, n in asked:
            assert {"startup_ms", "first_ms", "rss_mb", "latency"} <= set(measured)
            assert set(measured["latency"]) == {*LABELS, "all"}
            assert {"n", "p50", "p95", "p99", "max", "cpu_p50", "cpu_p95", "found", "hit"} == set(
                measured["latency"]["all"])
            assert measured["latency"]["all"]["n"] == n * len(LABELS)
        assert set(size["ratios"]) == {"bm25", "scan"}
        assert set(size["ratios"]["bm25"]) == {*LABELS, "all"}
        assert size["cold_start"]["median_ms"] > 0
    assert set(result["growth"]["labels"]) == {*LABELS, "all"}
    assert set(result["targets"]) == {"p95_ms", "p95_cpu_ms", "p95_write_ms", "p95_write_cpu_ms",
                                      "x_faster_bm25", "x_faster_bm25_cpu", "growth", "ingest_docs_per_s",
                                      "ingest_docs_per_cpu_s", "rss_mb", "cold_start_ms",
                                      "cold_start_cpu_ms"}
    assert all(set(t) == {"target", "measured", "met"} for t in result["targets"].values())
    # The speed-up target compares p95 over all questions, as the issue asks, not one label's.
    bm25_all = result["sizes"][-1]["ratios"]["bm25"]["all"]
    assert result["targets"]["x_faster_bm25"]["measured"] == bm25_all["p95"]
    assert result["targets"]["x_faster_bm25_cpu"]["measured"] == bm25_all["cpu_p95"]
    summary = format_markdown(result)
    assert all(f"| {label} |" in summary for label in LABELS)


def test_benchmark_reuses_a_kept_store_for_the_largest_size(tmp_path) -> None:  # noqa: ANN001
    run.main(["--sizes", "20", *FEW, "--out", str(tmp_path),
              "--work", str(tmp_path / "work")])
    kept = tmp_path / "work" / "bench.db"
    path = run.main(["--sizes", "10,20", *FEW, "--out", str(tmp_path / "again"), "--reuse", str(kept)])
    small, large = json.loads(path.read_text())["sizes"]
    assert small["ingest"]["docs"] == 10
    assert large["facts"]["sentences"] > small["facts"]["sentences"]
    # Ingest at the reused size is timed on a copy: the kept store gains no document.
    assert large["ingest"]["reused"] == str(kept) and large["ingest"]["on_copy"]
    assert large["ingest"]["docs"] > 0 and large["ingest"]["docs_per_cpu_s"] > 0
    store = sqlite3.connect(kept)
    assert store.execute("select count(*) from documents").fetchone()[0] == 20
    store.close()
    assert not [p for p in kept.parent.iterdir() if p.name.startswith("pledgebot-bench-copy-")]


def test_a_run_that_only_reuses_a_store_times_ingest_on_its_copy(tmp_path) -> None:  # noqa: ANN001
    run.main(["--sizes", "20", *FEW, "--out", str(tmp_path),
              "--work", str(tmp_path / "work")])
    kept = str(tmp_path / "work" / "bench.db")
    path = run.main(["--sizes", "20", *FEW, "--out", str(tmp_path / "again"), "--reuse", kept])
    targets = json.loads(path.read_text())["targets"]
    assert {"p95_ms", "rss_mb", "cold_start_ms", "ingest_docs_per_s", "ingest_docs_per_cpu_s"} <= set(targets)
    path = run.main(["--sizes", "20", *FEW, "--ingest-sample", "0", "--out", str(tmp_path / "third"),
                     "--reuse", kept])
    assert "ingest_docs_per_s" not in json.loads(path.read_text())["targets"]


def test_a_run_with_every_document_built_in_the_pool_times_no_ingest(tmp_path) -> None:  # noqa: ANN001
    path = run.main(["--sizes", "10", *FEW, "--ingest-sample", "0",
                     "--out", str(tmp_path), "--work", str(tmp_path / "work")])
    result = json.loads(path.read_text())
    assert result["sizes"][0]["ingest"]["docs"] == 0
    assert result["sizes"][0]["ingest"]["built_in_pool"] == 10
    assert "ingest_docs_per_s" not in result["targets"]


def test_copying_a_store_keeps_this_process_s_hold_on_it(tmp_path: Path) -> None:
    """The ingest copy must not drop this process's locks on the store it keeps open.

    With the locks gone, another process closing its connection takes itself for the store's
    last user: it checkpoints and deletes the WAL under our open connection (how the reused runs'
    later reads found the store "malformed").
    """
    db = tmp_path / "bench.db"
    conn = sqlite3.connect(db)
    conn.execute("pragma journal_mode = wal")
    conn.execute("create table t (x)")
    conn.execute("insert into t values (1)")
    conn.commit()
    assert conn.execute("select x from t").fetchall() == [(1,)]
    run.copy_store(db, tmp_path / "copy.db")
    other = (f"import sqlite3; c = sqlite3.connect({str(db)!r}); "
             "c.execute('select x from t').fetchall(); c.close()")
    subprocess.run([sys.executable, "-c", other], check=True)
    assert (tmp_path / "bench.db-wal").exists()  # still ours: the other process was not the last user
    assert sqlite3.connect(tmp_path / "copy.db").execute("select x from t").fetchall() == [(1,)]
    conn.close()
