"""The held-out corpus (tests/data/heldout) graded by the shared graders, run as the grader runs them.

The floors sit a little below the figures measured when the set was written (QA 94.7%,
attendees F1 0.76, statements 0.73, commitments 0.55, agreements 0.76, dates 9/11): they catch
regressions on unseen texts, while the dev-corpus tests catch regressions on the dev corpus.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "data" / "heldout"
TOOLS = REPO / ".." / "shared" / "tools"
PLEDGEBOT = REPO / ".venv" / "bin" / "pledgebot"

pytestmark = pytest.mark.corpus

QA_FLOOR = 88.0
GOLD_FLOORS = {"attendees": 0.70, "statements": 0.66, "commitments": 0.48, "agreements": 0.66}
DATES_FLOOR = 8


def _grade(tool: str, *flags: str) -> str:
    """Run one shared grader on the held-out corpus and return its standard output."""
    if not (TOOLS / tool).exists():
        pytest.skip(f"../shared/tools/{tool} is missing, so the held-out set cannot be graded")
    if not PLEDGEBOT.exists():
        pytest.skip(f"{PLEDGEBOT} is missing; install the project into .venv first")
    run = subprocess.run([sys.executable, str(TOOLS / tool), str(HELDOUT), "--cmd", str(PLEDGEBOT), *flags],
                         capture_output=True, text=True, timeout=300, check=False)
    print(run.stdout)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return run.stdout


def test_heldout_questions_pass_above_floor() -> None:
    out = _grade("qa_eval.py", "--show-fails")
    found = re.search(r"^qa: (\d+)/(\d+) passed \(([\d.]+)%\)$", out, re.M)
    assert found, out[-2000:]
    print(f"held-out QA: {found.group(1)}/{found.group(2)} ({found.group(3)}%), floor {QA_FLOOR}%")
    assert float(found.group(3)) >= QA_FLOOR


def test_heldout_extraction_scores_above_floors() -> None:
    out = _grade("gold_eval.py", "--verbose")
    last = out.strip().splitlines()[-1]
    scores = {kind: float(f1) for kind, f1 in re.findall(r"(\w+) F1 ([\d.]+)", last)}
    dates = re.search(r"dates (\d+)/(\d+)", last)
    assert set(scores) == set(GOLD_FLOORS) and dates, last
    print(f"held-out extraction: {last}")
    below = {kind: f1 for kind, f1 in scores.items() if f1 < GOLD_FLOORS[kind]}
    assert not below, f"F1 below floor {GOLD_FLOORS}: {below}"
    assert int(dates.group(1)) >= DATES_FLOOR


def test_heldout_checks_quote_their_texts() -> None:
    """Every expect_all string, and one string of every expect_any group, is in some text."""
    sys.path.insert(0, str(TOOLS))
    qa_eval = pytest.importorskip("qa_eval", reason="../shared/tools/qa_eval.py is missing")
    corpus = qa_eval.fold(" ".join(p.read_text(encoding="utf-8") for p in HELDOUT.glob("*.txt")))
    checks = [json.loads(line) for line in (HELDOUT / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    missing = [(c["id"], w) for c in checks for w in c["expect_all"] if qa_eval.fold(w) not in corpus]
    missing += [(c["id"], g) for c in checks for g in c["expect_any"]
                if not any(qa_eval.fold(w) in corpus for w in g)]
    assert not missing
