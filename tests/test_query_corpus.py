"""The development corpus graded with the grader's own rules, held to the ratchets of each part."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.ask import answer_question
from bot.ingest.pipeline import ingest_document, load_input, read_manifest
from bot.wiring import open_store
from tests.conftest import require_corpus, shared_tool
from tests.corpus_ratchets import QA

pytestmark = pytest.mark.corpus


def _grade_part(qa_eval: Any, corpus: Path, tmp: Path, part: int | None) -> dict[str, Any]:
    """Ingest a part's documents (all of them for None) into a fresh store and grade its checks."""
    qa_eval.write_manifest(corpus, tmp / "manifest.jsonl", part)
    store = open_store(tmp / "corpus.db")
    try:
        for item in read_manifest(tmp / "manifest.jsonl"):
            assert not isinstance(item, Exception)
            ingest_document(store, load_input(item))
        passed = precise = 0
        lengths: list[int] = []
        for line in (corpus / "qa.jsonl").read_text(encoding="utf-8").splitlines():
            check = json.loads(line) if line.strip() else None
            if not check or (part is not None and check.get("part") != part):
                continue
            reply = answer_question(check["question"], store=store).as_json()
            reasons = qa_eval.grade(check, reply)
            passed += not reasons
            precise += bool(check.get("expect_none")) and not any(r.startswith("contains") for r in reasons)
            if not check.get("empty"):
                lengths.append(len(reply.get("answer") or ""))
    finally:
        store.close()
    lengths.sort()
    return {"passed": passed, "precise": precise, "median_chars": lengths[len(lengths) // 2]}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[int | str, dict[str, Any]]:
    corpus = require_corpus()
    qa_eval = shared_tool("qa_eval")
    return {part: _grade_part(qa_eval, corpus, Path(tmp_path_factory.mktemp(f"part-{part}")),
                              None if part == "all" else int(part))
            for part in QA}


@pytest.mark.parametrize("part", list(QA), ids=[f"part-{p}" for p in QA])
def test_checks_passed_never_fall(graded: dict[int | str, dict[str, Any]], part: int | str) -> None:
    assert graded[part]["passed"] >= QA[part]["passed"], graded[part]


@pytest.mark.parametrize("part", list(QA), ids=[f"part-{p}" for p in QA])
def test_precision_checks_never_fall(graded: dict[int | str, dict[str, Any]], part: int | str) -> None:
    assert graded[part]["precise"] >= QA[part]["precise"], graded[part]


@pytest.mark.parametrize("part", list(QA), ids=[f"part-{p}" for p in QA])
def test_median_answer_never_grows(graded: dict[int | str, dict[str, Any]], part: int | str) -> None:
    assert graded[part]["median_chars"] <= QA[part]["median_chars"], graded[part]
