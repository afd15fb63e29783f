"""The development corpus graded with the grader's own rules: at least 90% of the checks pass."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from bot.ingest.pipeline import ingest_document, load_input, read_manifest
from bot.query.engine import QueryEngine
from storage.store import Store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = SHARED / "corpus"
GRADER = SHARED / "tools" / "qa_eval.py"

pytestmark = pytest.mark.corpus


def _grader() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qa_eval", GRADER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[bool]]:
    if not (CORPUS / "qa.jsonl").exists() or not GRADER.exists():
        pytest.skip("../shared/corpus or ../shared/tools/qa_eval.py is missing")
    qa_eval = _grader()
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
