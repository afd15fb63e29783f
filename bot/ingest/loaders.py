"""Read a file's bytes into clean text: plain text, Markdown or HTML (through trafilatura)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.errors import InputError, UnsupportedInput

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # a readout is a few KB; anything this large is not one
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class LoadedText:
    """Text ready for extraction, with whatever metadata the file itself carried."""

    text: str
    title: str | None = None
    published: str | None = None


def load_file(path: Path) -> LoadedText:
    """Read ``path`` (text, Markdown or HTML) into clean text; raise InputError when unusable."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(f"{path.name}: {size // 1024} KB is larger than the {MAX_DOCUMENT_BYTES // 1024} KB limit")
    return load_bytes(path.read_bytes(), name=path.name)


def load_bytes(data: bytes, *, name: str = "document", content_type: str | None = None) -> LoadedText:
    """Decode ``data`` and extract its main text; ``name`` picks the format by its suffix."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"{name}: larger than the {MAX_DOCUMENT_BYTES // 1024} KB limit")
    text = decode(data, name=name)
    suffix = Path(name).suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (content_type or "").startswith("text/html") or _looks_like_html(text)
    if is_html:
        from bot.ingest.html import html_to_text  # trafilatura is heavy: import it only when needed

        return html_to_text(text, name=name)
    if suffix not in TEXT_SUFFIXES and not (content_type or "").startswith("text/"):
        raise UnsupportedInput(f"{name}: only .txt, .md and .html documents can be ingested")
    return text_to_loaded(text)


def decode(data: bytes, *, name: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or Windows-1251; refuse binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise UnsupportedInput(f"{name}: looks like a binary file, not text") from None
            text = data.decode("cp1251")  # the usual legacy encoding of Ukrainian text
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise UnsupportedInput(f"{name}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_to_loaded(text: str) -> LoadedText:
    """Take a plain-text or Markdown document; a short first line followed by a blank is its title."""
    lines = text.strip("\n").split("\n")
    title = None
    if len(lines) > 2 and not lines[1].strip() and 0 < len(lines[0]) <= 300:
        title = lines[0].lstrip("# ").strip()
    return LoadedText(text=text.strip("\n") + "\n", title=title)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _control_ratio(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
