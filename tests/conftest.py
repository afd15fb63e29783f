"""Fixtures shared by the whole suite."""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from storage.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
TOOLS = REPO.parent / "shared" / "tools"


def shared_tool(name: str) -> ModuleType:
    """Import one of the shared graders (``gold_eval``, ``qa_eval``); skip when it is missing."""
    path = TOOLS / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"the grader is not at {path}")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
