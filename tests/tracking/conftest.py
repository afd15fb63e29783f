"""Fixtures for tracking tests: a store with tracking installed and a one-call document builder."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.wiring import open_store
from storage.records import Attendance, Commitment, Extraction, Meeting, Sentence, SourceDocument
from storage.store import SaveResult, Store

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Yield a fresh store on disk, opened with every save hook (tracking among them)."""
    opened = open_store(tmp_path / "tracking.db")
    yield opened
    opened.close()


def build(*, text: str, commitments: list[dict[str, Any]],
          attendees: list[dict[str, Any]] = ()) -> Extraction:
    """Return an extraction whose sentences are the text's lines, one commitment per dict."""
    sentences, offset = [], 0
    for index, line in enumerate(text.split("\n")):
        sentences.append(Sentence(index=index, start=offset, end=offset + len(line), text=line))
        offset += len(line) + 1
    facts = tuple(Commitment(
        actor=c.get("actor", c.get("country", "")), action=c["action"], kind=c.get("kind", "pledge"),
        sentence=c.get("sentence", 0), start=0, end=1, actor_country=c.get("country"),
        actor_org=c.get("org"), amount=c.get("amount")) for c in commitments)
    people = tuple(Attendance(name=a.get("name"), role=a.get("role"), country=a.get("country"),
                              org=a.get("org"),
                              sentence=a.get("sentence", 0), start=0, end=1) for a in attendees)
    return Extraction(sentences=tuple(sentences), commitments=facts, attendees=people)


Save = Callable[..., SaveResult]


@pytest.fixture
def save(store: Store) -> Save:
    """Return a function that saves one hand-built document into the store."""
    def _save(*, url: str, published: str | None, text: str = "A readout.", publisher: str | None = None,
              meeting: Meeting | None = None, commitments: list[dict[str, Any]] = (),
              attendees: list[dict[str, Any]] = ()) -> SaveResult:
        doc = SourceDocument(text=text, url=url, published=published,
                             publisher=publisher or url.split("/")[2], title=f"Readout {url}")
        extraction = build(text=text, commitments=list(commitments), attendees=list(attendees))
        extraction = Extraction(sentences=extraction.sentences, commitments=extraction.commitments,
                                attendees=extraction.attendees, meeting=meeting or Meeting(date=published))
        return store.save_document(doc, extraction)
    return _save
