"""The development corpus graded with the grader's own rules: at least 90% of the checks pass."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_document, load_input, read_manifest
from bot.query.engine import QueryEngine
from storage.store import Store
from tests.conftest import CORPUS, shared_tool

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[bool]]:
    if not (CORPUS / "qa.jsonl").exists():
        pytest.skip(f"the development corpus is not at {CORPUS}")
    qa_eval = shared_tool("qa_eval")
    tmp = Path(tmp_path_factory.mktemp("corpus"))
    qa_eval.write_manifest(CORPUS, tmp / "manifest.jsonl")
    store = Store.open(tmp / "corpus.db")
    for item in read_manifest(tmp / "manifest.jsonl"):
        assert not isinstance(item, Exception)
        ingest_document(store, load_input(item))
    engine = QueryEngine(store)
    by_kind: dict[str, list[bool]] = {}
    for line in (CORPUS / "qa.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            check = json.loads(line)
            reply = engine.answer(check["question"]).as_json()
            by_kind.setdefault(f"{check['kind']}/{check['lang']}", []).append(not qa_eval.grade(check, reply))
    return by_kind


def test_at_least_90_percent_of_checks_pass(graded: dict[str, list[bool]]) -> None:
    results = [ok for oks in graded.values() for ok in oks]
    assert sum(results) / len(results) >= 0.9


def test_at_least_80_percent_of_each_kind_pass(graded: dict[str, list[bool]]) -> None:
    rates = {kind: sum(oks) / len(oks) for kind, oks in graded.items()}
    assert {k: r for k, r in rates.items() if r < 0.8} == {}
