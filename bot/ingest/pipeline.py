"""One document in, its facts stored: load -> extract -> save, one transaction per document."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import InputError
from bot.ingest.loaded import LoadedText
from bot.ingest.loaders import load_file
from storage.records import SourceDocument
from storage.store import SaveResult, Store

if TYPE_CHECKING:  # httpx loads only when a URL is fetched
    from bot.extract.kinds import Extractors
    from bot.ingest.fetch import FetchLimits

MANIFEST_FIELDS = {"path", "url", "title", "published", "publisher", "language"}
# A title is a headline, a publisher a name: values far past these are mistakes (a pasted file).
FIELD_LIMITS = {"path": 4096, "url": 2048, "title": 500, "published": 64, "publisher": 200, "language": 16}
MAX_MANIFEST_LINE = 64 * 1024


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
    try:  # utf-8-sig: editors on Windows save JSON Lines with a byte order mark
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        yield InputError(f"{path.name}: cannot be read as UTF-8 JSON Lines ({type(err).__name__})")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            fields = _manifest_fields(line)
        except (ValueError, InputError) as err:
            yield InputError(f"{path.name} line {number}: {err}")
            continue
        if fields["path"] and not Path(fields["path"]).is_absolute():
            fields["path"] = str(base / fields["path"])
        yield DocumentInput(**fields)


def _manifest_fields(line: str) -> dict[str, Any]:
    """Return the known fields of one manifest line; raise ValueError with a one-line reason."""
    if len(line) > MAX_MANIFEST_LINE:
        raise ValueError(f"{len(line) // 1024:,} KB long; a line may have at most "
                         f"{MAX_MANIFEST_LINE // 1024} KB")
    try:
        row = json.loads(line)
    except RecursionError:  # "[[[[..." 100,000 deep: json recurses once per level
        raise ValueError("nested too deeply to be a manifest line") from None
    if not isinstance(row, dict) or not (row.get("path") or row.get("url")):
        raise ValueError("needs a \"path\" or a \"url\"")
    for key in sorted(MANIFEST_FIELDS):
        value = row.get(key)
        if value is None or (key == "published" and isinstance(value, int)):
            continue
        if not isinstance(value, str):
            raise ValueError(f"\"{key}\" must be a string")
        if len(value) > FIELD_LIMITS[key]:
            raise ValueError(f"\"{key}\" has {len(value):,} characters; at most {FIELD_LIMITS[key]:,}")
    if row.get("published") is not None:
        _iso_date(str(row["published"]))  # an impossible date is this line's error, not a stored one
    return {k: row.get(k) for k in MANIFEST_FIELDS}


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
        note=loaded.note,
    )


def load_input(source: DocumentInput, *, limits: FetchLimits | None = None) -> SourceDocument:
    """Load a file or fetch a URL (under ``limits``, by default the strict ones) into a document."""
    if source.path:
        return build_document(source, load_file(Path(source.path)))
    if source.url:
        from bot.ingest.fetch import DEFAULT_LIMITS, fetch_document

        return build_document(source, fetch_document(source.url, limits=limits or DEFAULT_LIMITS))
    raise InputError("nothing to ingest: give a path or a URL")


def ingest_document(store: Store, doc: SourceDocument, *,
                    extractors: Extractors | None = None) -> SaveResult:
    """Extract the facts of ``doc`` (``extractors``: some kinds swapped, bot.extract.kinds) and
    save them in one transaction, with the store's hooks (``bot.wiring.open_store`` installs them)."""
    if store.is_unchanged(doc):  # the same text and metadata: extracting again would change nothing
        return SaveResult(doc.key, "unchanged", store.fact_counts(doc.key))
    from bot.extract import extract_document
    from bot.ingest.boilerplate import mark  # titles, bylines, "Source:" lines: never an answer

    extraction = extract_document(doc, extractors=extractors) if extractors else extract_document(doc)
    return store.save_document(doc, mark(extraction, title=doc.title))


def _iso_date(value: str | None) -> str | None:
    """Return ``value`` as an ISO date; raise InputError for an impossible one (2025-13-45)."""
    if not value:
        return None
    value = str(value).strip()
    if re.match(r"\d{4}-\d{1,2}-\d{1,2}", value):
        try:
            return dt.date(*(int(part) for part in re.split(r"[-T ]", value)[:3])).isoformat()
        except ValueError:
            raise InputError(f"published: {value[:40]!r} is not a real date") from None
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None
