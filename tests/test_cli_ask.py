"""``pledgebot ask`` in a real process: every input line answered, UTF-8 out, whatever the locale."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import READOUT, run

PLEDGEBOT = Path(sys.executable).parent / "pledgebot"
# Two good questions around a line with an invalid byte, and one with a lone continuation byte.
BATCH = b"who attended from Norway?\nwhat did \xff Store say\nwhat did Store say?\n\x80\n"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ask")
    (folder / "oslo.txt").write_text(READOUT, encoding="utf-8")
    run("ingest", "--db", str(folder / "ask.db"), str(folder / "oslo.txt"))
    return folder / "ask.db"


LOCALES = [
    pytest.param({"LC_ALL": "C", "PYTHONUTF8": "0"}, id="C"),
    pytest.param({"LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"}, id="C.UTF-8"),
    pytest.param({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}, id="strict-utf-8"),
    pytest.param({"LC_ALL": "C", "PYTHONIOENCODING": "ascii:strict"}, id="ascii-strict"),
]


def _ask(store: Path, env: dict[str, str], *args: str, stdin: bytes = b""
         ) -> subprocess.CompletedProcess[bytes]:
    locale_free = ("LC_", "LANG", "PYTHONIO", "PYTHONUTF8")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(locale_free)}
    return subprocess.run([str(PLEDGEBOT), "ask", "--db", str(store), *args], input=stdin,
                          capture_output=True, env={**clean, **env}, timeout=120, check=False)


@pytest.mark.parametrize("env", LOCALES)
def test_every_line_gets_an_answer_or_an_error_object(store_path: Path, env: dict[str, str]) -> None:
    done = _ask(store_path, env, "--json", stdin=BATCH)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]  # strict UTF-8
    assert [row.get("question") for row in rows] == [
        "who attended from Norway?", None, "what did Store say?", None]
    assert [row.get("error") for row in rows] == [
        None, "the line is not valid UTF-8 text", None, "the line is not valid UTF-8 text"]
    assert [row.get("line") for row in rows] == [None, 2, None, 4]
    assert "Oslo" in rows[0]["answer"]


@pytest.mark.parametrize("env", LOCALES)
def test_answers_with_non_ascii_text_are_utf8_in_any_locale(store_path: Path, env: dict[str, str]) -> None:
    done = _ask(store_path, env, "--json", stdin="що сказав Стере?\n".encode())
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    (row,) = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert row["question"] == "що сказав Стере?"


def test_a_question_argument_with_invalid_bytes_gets_an_error_line(store_path: Path) -> None:
    done = subprocess.run([str(PLEDGEBOT).encode(), b"ask", b"--db", bytes(store_path), b"--json",
                           b"who \xff said"], capture_output=True, timeout=120, check=False,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    (row,) = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert row["error"] == "the question is not valid UTF-8 text"
    assert row["question"] == "who ? said"


def test_text_mode_reports_the_bad_line_and_answers_the_others(store_path: Path) -> None:
    done = _ask(store_path, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}, stdin=BATCH)
    text = done.stdout.decode("utf-8")
    assert "error: line 2: the line is not valid UTF-8 text" in text
    assert "error: line 4: the line is not valid UTF-8 text" in text
    assert text.count("\n\n") == 4
