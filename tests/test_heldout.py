"""The team's own held-out corpora (tests/data/heldout*), graded by the shared graders as they run.

Both sets were written by the team in its own words to check generalisation, so they follow the
rules more than real reports do; the real check is ../shared/corpus (test_query_corpus,
test_extract_corpus). The floors sit a little below the figures measured when each set was
written: heldout QA 94.7%, attendees F1 0.76, statements 0.73, commitments 0.55, agreements 0.76,
dates 9/11; heldout2 QA 93.8%, attendees 0.83, statements 0.69, commitments 0.42, agreements 0.57
on 4 gold items, dates 10/10.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import TOOLS, missing_shared, shared_tool

REPO = Path(__file__).resolve().parents[1]
PLEDGEBOT = REPO / ".venv" / "bin" / "pledgebot"

pytestmark = pytest.mark.corpus


@dataclass(frozen=True)
class HeldOut:
    directory: Path
    qa_floor: float
    gold_floors: dict[str, float]
    dates_floor: int


SETS = [
    pytest.param(HeldOut(REPO / "tests" / "data" / "heldout", 88.0,
                         {"attendees": 0.70, "statements": 0.66, "commitments": 0.48, "agreements": 0.66}, 8),
                 id="heldout"),
    pytest.param(HeldOut(REPO / "tests" / "data" / "heldout2", 88.0,
                         {"attendees": 0.77, "statements": 0.63, "commitments": 0.36, "agreements": 0.45}, 9),
                 id="heldout2"),
]


def _grade(tool: str, corpus: Path, *flags: str) -> str:
    """Run one shared grader on a held-out corpus and return its standard output."""
    if not (TOOLS / tool).exists():
        missing_shared(f"../shared/tools/{tool} is missing, so the held-out set cannot be graded")
    if not PLEDGEBOT.exists():
        pytest.skip(f"{PLEDGEBOT} is missing; install the project into .venv first")
    run = subprocess.run([sys.executable, str(TOOLS / tool), str(corpus), "--cmd", str(PLEDGEBOT), *flags],
                         capture_output=True, text=True, timeout=300, check=False)
    print(run.stdout)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return run.stdout


@pytest.mark.parametrize("held", SETS)
def test_questions_pass_above_floor(held: HeldOut) -> None:
    out = _grade("qa_eval.py", held.directory, "--show-fails")
    found = re.search(r"^qa: (\d+)/(\d+) passed \(([\d.]+)%\)$", out, re.M)
    assert found, out[-2000:]
    assert float(found.group(3)) >= held.qa_floor


@pytest.mark.parametrize("held", SETS)
def test_extraction_scores_above_floors(held: HeldOut) -> None:
    out = _grade("gold_eval.py", held.directory, "--verbose")
    last = out.strip().splitlines()[-1]
    scores = {kind: float(f1) for kind, f1 in re.findall(r"(\w+) F1 ([\d.]+)", last)}
    dates = re.search(r"dates (\d+)/(\d+)", last)
    assert set(scores) == set(held.gold_floors) and dates, last
    below = {kind: f1 for kind, f1 in scores.items() if f1 < held.gold_floors[kind]}
    assert not below, f"F1 below floor {held.gold_floors}: {below}"
    assert int(dates.group(1)) >= held.dates_floor


@pytest.mark.parametrize("held", SETS)
def test_checks_quote_their_texts(held: HeldOut) -> None:
    """Every expect_all string, and one string of every expect_any group, is in some text."""
    fold = shared_tool("qa_eval").fold
    corpus = fold(" ".join(p.read_text(encoding="utf-8") for p in held.directory.glob("*.txt")))
    lines = (held.directory / "qa.jsonl").read_text(encoding="utf-8").splitlines()
    checks = [json.loads(line) for line in lines]
    missing = [(c["id"], w) for c in checks for w in c["expect_all"] if fold(w) not in corpus]
    missing += [(c["id"], g) for c in checks for g in c["expect_any"]
                if not any(fold(w) in corpus for w in g)]
    assert not missing
