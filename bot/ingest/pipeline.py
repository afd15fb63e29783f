"""One document in, its facts stored: load -> extract -> save, one transaction per document."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import InputError
from bot.ingest.loaders import LoadedText, load_file
from storage.records import SourceDocument
from storage.store import SaveResult, Store

if TYPE_CHECKING:
    from bot.extract.kinds import Extractors

MANIFEST_FIELDS = {"path", "url", "title", "published", "publisher", "language"}


@dataclass(frozen=True)
class DocumentInput:
    """Where a document comes from and what the caller knows about it."""

    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    language: str | None = None

    @property
    def label(self) -> str:
        """Return a short name for messages."""
        return self.path or self.url or "document"


def read_manifest(path: Path) -> Iterator[DocumentInput | InputError]:
    """Yield one input per JSON line of a manifest, or an error for a bad line."""
    base = path.resolve().parent
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        yield InputError(f"{path.name}: cannot be read as UTF-8 JSON Lines ({type(err).__name__})")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not (row.get("path") or row.get("url")):
                raise ValueError("needs a \"path\" or a \"url\"")
            wrong = [k for k in sorted(MANIFEST_FIELDS) if row.get(k) is not None
                     and not isinstance(row[k], str) and not (k == "published" and isinstance(row[k], int))]
            if wrong:
                raise ValueError(f"\"{wrong[0]}\" must be a string")
        except ValueError as err:
            yield InputError(f"{path.name} line {number}: {err}")
            continue
        fields: dict[str, Any] = {k: row.get(k) for k in MANIFEST_FIELDS}
        if fields["path"] and not Path(fields["path"]).is_absolute():
            fields["path"] = str(base / fields["path"])
        yield DocumentInput(**fields)


def build_document(source: DocumentInput, loaded: LoadedText) -> SourceDocument:
    """Combine what the caller said with what the file carried; the caller wins."""
    from bot.extract.language import detect_language

    return SourceDocument(
        text=loaded.text,
        url=source.url,
        title=source.title or loaded.title,
        publisher=source.publisher,
        published=_iso_date(source.published or loaded.published),
        language=source.language or detect_language(loaded.text),
    )


def load_input(source: DocumentInput) -> SourceDocument:
    """Load a file or fetch a URL into a document ready for extraction."""
    if source.path:
        return build_document(source, load_file(Path(source.path)))
    if source.url:
        from bot.ingest.fetch import fetch_document

        return build_document(source, fetch_document(source.url))
    raise InputError("nothing to ingest: give a path or a URL")


def ingest_document(store: Store, doc: SourceDocument, *,
                    extractors: Extractors | None = None) -> SaveResult:
    """Extract the facts of ``doc`` (``extractors``: some kinds swapped, bot.extract.kinds) and
    save them in one transaction."""
    if store.is_unchanged(doc):  # the same text and metadata: extracting again would change nothing
        return SaveResult(doc.key, "unchanged", store.fact_counts(doc.key))
    from bot.extract import extract_document
    from bot.query.vocabulary import install as keep_vocabulary  # words for prefix searches
    from bot.tracking import install  # clusters and commitment links follow every save

    return install(keep_vocabulary(store)).save_document(
        doc, extract_document(doc, extractors=extractors) if extractors else extract_document(doc))


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = str(value).strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None
