"""The whole extraction over the development corpus, scored with the grader's own matching and
held to the ratchets of each part."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import pytest

from bot.extract import extract_document
from bot.ingest.pipeline import DocumentInput, load_input
from tests.conftest import require_corpus, shared_tool
from tests.corpus_ratchets import GOLD

pytestmark = pytest.mark.corpus

KINDS = ("attendees", "statements", "commitments", "agreements")


@pytest.fixture(scope="module")
def scored() -> dict[int | str, dict[str, Any]]:
    corpus = require_corpus()
    grader = shared_tool("gold_eval")
    same = {"attendees": grader.same_attendee, "agreements": grader.same_agreement,
            "statements": lambda g, e: grader.same_speaker(g.get("speaker"), e.get("speaker")),
            "commitments": lambda g, e: grader.same_speaker(g.get("actor"), e.get("actor"))}
    totals: dict[int | str, dict[str, list[int]]] = {p: {k: [0, 0, 0] for k in KINDS} for p in GOLD}
    dates: dict[int | str, int] = dict.fromkeys(GOLD, 0)
    for row in json.loads((corpus / "index.json").read_text(encoding="utf-8")):
        doc = load_input(DocumentInput(
            path=str(corpus / f"{row['slug']}.txt"), url=row["url"], title=row["title"],
            published=row["published"], publisher=row["publisher"], language=row["language"]))
        extraction = extract_document(doc)
        gold = json.loads((corpus / f"{row['slug']}.gold.json").read_text(encoding="utf-8"))
        gold["agreements"] = gold.get("documents", [])
        for part in ("all", row["part"]):
            for kind in KINDS:
                got = [asdict(f) for f in getattr(extraction, kind)]
                totals[part][kind][0] += grader.match(gold.get(kind) or [], got, same[kind])
                totals[part][kind][1] += len(gold.get(kind) or [])
                totals[part][kind][2] += len(got)
            gold_date = gold["event"].get("date")
            dates[part] += bool(gold_date) and extraction.meeting.date == gold_date
    return {part: {**{k: round(grader.prf(*totals[part][k])[2], 2) for k in KINDS}, "dates": dates[part]}
            for part in GOLD}


@pytest.mark.parametrize("part", list(GOLD), ids=[f"part-{p}" for p in GOLD])
@pytest.mark.parametrize("kind", KINDS)
def test_f1_never_falls(scored: dict[int | str, dict[str, Any]], part: int | str, kind: str) -> None:
    assert scored[part][kind] >= GOLD[part][kind], scored[part]


@pytest.mark.parametrize("part", list(GOLD), ids=[f"part-{p}" for p in GOLD])
def test_event_dates_never_fall(scored: dict[int | str, dict[str, Any]], part: int | str) -> None:
    assert scored[part]["dates"] >= GOLD[part]["dates"], scored[part]
