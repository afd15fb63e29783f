"""Read a file's bytes into clean text: plain text, Markdown or HTML (through trafilatura).

Every input a user can send ends here in one of two ways: a ``LoadedText`` with readable text, or
an ``InputError`` whose message says what is wrong. Nothing else may escape (tests/hostile).
"""
from __future__ import annotations

import re
import stat
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from bot.errors import InputError, UnsupportedInput
from bot.ingest.encoding import Decoded, decode_utf8_or_legacy
from bot.ingest.loaded import LoadedText

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # a readout is a few KB; anything this large is not one
# Extraction time grows with the text, and the bot extracts on its event loop: a long
# transcript is about 100,000 characters; a text past this is not one document.
MAX_TEXT_CHARS = 300_000
MAX_HTML_DEPTH = 200  # lxml (under trafilatura) drops everything below depth 256
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# C0 controls other than tab, newline, form feed and carriage return never occur in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def load_file(path: Path) -> LoadedText:
    """Read ``path`` (text, Markdown or HTML) into clean text; raise InputError when unusable."""
    size = _regular_file_size(path)
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{path.name}: {size // 1024} KB is larger than the {MAX_DOCUMENT_BYTES // 1024} KB limit")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path.name}: cannot be read ({err.strerror or err})") from None
    return load_bytes(data, name=path.name)


def _regular_file_size(path: Path) -> int:
    """Return the size of ``path``; raise InputError saying what it is when not a readable file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:  # permission denied on a folder, a name too long, a loop of links
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
    # Checked before opening: a FIFO would block the read forever, /dev/zero never ends.
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    if stat.S_ISFIFO(info.st_mode):
        raise InputError(f"{path}: is a named pipe (FIFO), not a file")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        raise InputError(f"{path}: is a device, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: is not a regular file")
    return info.st_size


def load_bytes(data: bytes, *, name: str = "document", content_type: str | None = None) -> LoadedText:
    """Decode ``data`` and extract its main text; ``name`` picks the format by its suffix."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"{name}: larger than the {MAX_DOCUMENT_BYTES // 1024} KB limit")
    decoded = decode_bytes(data, name=name)
    text = decoded.text
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{name}: no readable text, only blanks, marks or symbols")
    suffix = Path(name).suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (content_type or "").startswith("text/html")
    if is_html or _looks_like_html(text):
        loaded = _load_html(text, name=name)
    elif suffix not in TEXT_SUFFIXES and not (content_type or "").startswith("text/"):
        raise UnsupportedInput(f"{name}: only .txt, .md and .html documents can be ingested")
    else:
        loaded = text_to_loaded(text, name=name)
    return replace(_within_length(loaded, name=name), note=decoded.note)


def _within_length(loaded: LoadedText, *, name: str) -> LoadedText:
    if len(loaded.text) > MAX_TEXT_CHARS:
        raise InputError(f"{name}: {len(loaded.text):,} characters of text; one document may have "
                         f"at most {MAX_TEXT_CHARS:,}")
    return loaded


def decode(data: bytes, *, name: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or a detected legacy encoding."""
    return decode_bytes(data, name=name).text


def decode_bytes(data: bytes, *, name: str) -> Decoded:
    """Decode ``data`` and say how; raise UnsupportedInput for binary data."""
    if b"\x00" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = decode_utf8_or_legacy(data)
        if decoded is None:
            raise UnsupportedInput(f"{name}: not readable as UTF-8, UTF-16 or a usual legacy encoding "
                                   "(Windows-1251, Windows-1252, KOI8-U, ...)")
    else:
        try:
            decoded = _decode_utf16(data)
        except UnicodeDecodeError:
            raise UnsupportedInput(f"{name}: not readable as UTF-16 text") from None
    if decoded is None or _control_ratio(decoded.text) > 0.05 or "\x00" in decoded.text:
        raise UnsupportedInput(f"{name}: looks like a binary file, not text")
    return replace(decoded, text=decoded.text.replace("\r\n", "\n").replace("\r", "\n"))


def _decode_utf16(data: bytes) -> Decoded | None:
    """Return UTF-16 text (BOM or NUL bytes: 8-bit text never holds a NUL), or None for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16")
    text = _bomless_utf16(data)
    return None if text is None else Decoded(text, "utf-16")


def _bomless_utf16(data: bytes) -> str | None:
    # Text saved as UTF-16 without a BOM has NULs in every other byte; binary files have NULs too,
    # so accept the decoding only when it reads as Latin or Cyrillic text.
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        readable = sum(1 for ch in sample if ch.isspace() or ord(ch) < 0x250 or 0x400 <= ord(ch) < 0x530
                       or 0x2000 <= ord(ch) < 0x2070)
        if readable >= 0.95 * len(sample):
            return text
    return None


def text_to_loaded(text: str, *, name: str = "document") -> LoadedText:
    """Take a plain-text or Markdown document; a short first line followed by a blank is its title."""
    if not any(ch.isalnum() for ch in text):  # blank, punctuation or zero-width characters only
        raise InputError(f"{name}: no readable text, only blanks, marks or symbols")
    lines = text.strip("\n").split("\n")
    title = None
    if len(lines) > 2 and not lines[1].strip() and 0 < len(lines[0]) <= 300:
        title = lines[0].lstrip("# ").strip() or None
    return LoadedText(text=text.strip("\n") + "\n", title=title)


def _load_html(text: str, *, name: str) -> LoadedText:
    from bot.ingest.html import html_to_text  # trafilatura is heavy: import it only when needed

    try:
        return html_to_text(text, name=name)
    except InputError:
        flat = flatten_nesting(text, max_depth=MAX_HTML_DEPTH)
        if flat == text:
            raise
        return html_to_text(flat, name=name)


def flatten_nesting(html: str, *, max_depth: int) -> str:
    """Drop the tags nested deeper than ``max_depth``, keeping their text."""
    flattener = _Flattener(max_depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out) if flattener.dropped else html


class _Flattener(HTMLParser):
    """Re-emit HTML as it came, except the start and end tags below ``max_depth``."""

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it was emitted)
        self.dropped = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        keep = len(self.stack) < self.max_depth
        if keep:
            self.out.append(self.get_starttag_text() or f"<{tag}>")
        else:
            self.dropped = True
        if tag not in _VOID_TAGS:
            self.stack.append((tag, keep))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if self.stack[i][1]:
                    self.out.append(f"</{tag}>")
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)
