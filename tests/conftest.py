"""Fixtures shared by the whole suite."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store in a temporary file, closed after the test."""
    s = Store.open(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def corpus_dir() -> Path:
    """The development corpus; tests that need it skip when it is not beside the repo."""
    if not (CORPUS / "index.json").is_file():
        pytest.skip(f"the development corpus is not at {CORPUS}")
    return CORPUS
