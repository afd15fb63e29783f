"""Fixtures shared by the whole suite."""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bot.ingest.pipeline import ingest_document
from bot.query.engine import QueryEngine
from bot.wiring import open_store
from storage.records import SourceDocument
from storage.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
TOOLS = REPO.parent / "shared" / "tools"


def engine_over(directory: Path, docs: list[SourceDocument]) -> QueryEngine:
    """Return a query engine over a fresh store of ``docs``, ingested with the real extraction."""
    store = Store.open(directory / "answers.db")
    for doc in docs:
        ingest_document(store, doc)
    return QueryEngine(store)


def missing_shared(reason: str) -> None:
    """Skip a test that needs ../shared when it is absent; in CI fail, since a silent skip there
    would hide a broken set-up."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI=true: ../shared must be beside the checkout)")
    pytest.skip(reason)


def require_corpus() -> Path:
    """The development corpus, or a skip (a failure in CI) when it is not beside the repo."""
    if not (CORPUS / "index.json").is_file():
        missing_shared(f"the development corpus is not at {CORPUS}")
    return CORPUS


def shared_tool(name: str) -> ModuleType:
    """Import one of the shared graders (``gold_eval``, ``qa_eval``); skip (fail in CI) when missing."""
    path = TOOLS / f"{name}.py"
    if not path.is_file():
        missing_shared(f"the grader is not at {path}")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store in a temporary file, opened as the application opens it (every save
    hook: alerts, vocabulary, tracking), closed after the test."""
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def bare_store(tmp_path: Path) -> Iterator[Store]:
    """A store without save hooks: storage alone, or a writer that predates a hook."""
    s = Store.open(tmp_path / "bare.db")
    yield s
    s.close()


@pytest.fixture
def corpus_dir() -> Path:
    """The development corpus; tests that need it skip (fail in CI) when it is not beside the repo."""
    return require_corpus()
