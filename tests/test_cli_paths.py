"""Paths the command line is given: a store that is not SQLite, a missing store, odd input files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.test_cli import READOUT


def run(*args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", [["ask", "who attended?"], ["export"], ["ingest"]])
def test_a_db_that_is_not_sqlite_gets_one_line_and_stays_untouched(tmp_path: Path, command: list[str]
                                                                   ) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"These are my notes, not a database.\n" * 200)
    readout = tmp_path / "oslo.txt"
    readout.write_text(READOUT, encoding="utf-8")
    extra = [str(readout)] if command == ["ingest"] else []
    result = run(*command, "--db", str(notes), *extra)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {notes}: cannot be used as the store (file is not a database)\n"
    assert notes.read_bytes() == b"These are my notes, not a database.\n" * 200
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["notes.txt", "oslo.txt"])


@pytest.mark.parametrize("command", [["ask", "who attended?"], ["ask", "--json"], ["export"]])
def test_reading_commands_never_create_a_store_or_folders(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo" / "dir" / "x.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: no store there (ingest documents to create one)\n"
    assert list(tmp_path.iterdir()) == []


def test_ingest_still_creates_a_new_store_with_its_folders(tmp_path: Path) -> None:
    (tmp_path / "oslo.txt").write_text(READOUT, encoding="utf-8")
    result = run("ingest", "--db", str(tmp_path / "new" / "x.db"), str(tmp_path / "oslo.txt"))
    assert result.exit_code == 0
    assert (tmp_path / "new" / "x.db").is_file()


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "pipe.txt")
    return tmp_path / "pipe.txt"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "folder.txt").mkdir()
    return tmp_path / "folder.txt"


@pytest.mark.parametrize(("make", "reason"), [
    pytest.param(lambda tmp: Path("/dev/zero"), "is a device, not a file", id="dev-zero"),
    pytest.param(_fifo, "is a named pipe (FIFO), not a file", id="fifo"),
    pytest.param(_folder, "is a directory, not a file", id="directory"),
    pytest.param(lambda tmp: tmp / "absent.txt", "no such file", id="missing"),
])
def test_an_input_that_is_no_regular_file_is_named_for_what_it_is(tmp_path: Path, make, reason: str) -> None:  # noqa: ANN001
    path = make(tmp_path)
    result = run("ingest", "--db", str(tmp_path / "x.db"), str(path))
    assert result.exit_code == 1
    assert result.stderr == f"error: {path}: {reason}\n"
