"""Build documents from example sentences written for the tests and extract their facts."""
from __future__ import annotations

from typing import Any

from bot.extract import extract_document
from storage.records import Extraction, SourceDocument


def extract(text: str, *, published: str | None = "2025-06-12", title: str | None = None,
            url: str | None = None, language: str | None = None) -> Extraction:
    """Extract a document whose first line is its title unless ``title`` is given."""
    return extract_document(SourceDocument(
        text=text, title=title if title is not None else text.splitlines()[0],
        url=url, published=published, language=language))


def fields(record: Any, *names: str) -> tuple[Any, ...]:
    """Return the named fields of a record, in order."""
    return tuple(getattr(record, name) for name in names)
