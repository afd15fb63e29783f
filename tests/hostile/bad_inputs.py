"""The table of bad inputs and the outcome each must get (inputs/README.md explains each row).

Small inputs are committed under ``inputs/``; large or binary ones are generated into
``tmp_path`` at test time (the 50 MB file is never committed).
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

INPUTS = Path(__file__).resolve().parent / "inputs"
FIFTY_MB = 50 * 1024 * 1024


@dataclass(frozen=True)
class BadFile:
    """One file a user might send, and what loading it must give."""

    name: str  # the file name the loader sees (its suffix picks the format)
    make: Callable[[Path], Path]  # writes (or finds) the file and returns its path
    error: str | None  # a fragment of the InputError message, or None when it must load
    has: tuple[str, ...] = ()  # fragments the loaded text must contain
    lacks: tuple[str, ...] = ()  # fragments it must not contain


def committed(name: str) -> Callable[[Path], Path]:
    """Return a maker that uses the committed input ``name``."""
    return lambda _tmp: INPUTS / name


def generated(name: str, data: Callable[[], bytes]) -> Callable[[Path], Path]:
    """Return a maker that writes ``data()`` to ``tmp/name``."""
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data())
        return path
    return make


def fifty_megabytes(tmp: Path) -> Path:
    """Write 50 MB of plausible text in chunks, so the test never holds it all in memory."""
    path = tmp / "fifty-megabytes.txt"
    line = b"The ministers met again and agreed to keep supporting Ukraine for as long as it takes.\n"
    chunk = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as out:
        while out.tell() < FIFTY_MB:
            out.write(chunk)
    return path


def random_binary() -> bytes:
    """Return a PNG signature followed by seeded random bytes."""
    return b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(64 * 1024)


def nested_html(depth: int = 10_000, close: bool = True) -> bytes:
    """Return a page whose one paragraph sits ``depth`` tags deep."""
    body = "<p>The defence ministers met in Sofia on 3 March 2025 and agreed to fund new drones.</p>"
    tail = "</div>" * depth if close else ""
    return f"<html><body>{'<div>' * depth}{body}{tail}</body></html>".encode()


FILES = [
    pytest.param(BadFile("empty.txt", committed("empty.txt"), "the file is empty"), id="empty"),
    pytest.param(BadFile("whitespace-only.txt", committed("whitespace-only.txt"), "the file is empty"),
                 id="whitespace-only"),
    pytest.param(BadFile("zero-width-only.txt", committed("zero-width-only.txt"), "no readable text"),
                 id="zero-width-only"),
    pytest.param(BadFile("picture.png", generated("picture.png", random_binary), "binary"), id="binary-png"),
    pytest.param(BadFile("picture.txt", generated("picture.txt", random_binary), "binary"),
                 id="binary-named-txt"),
    pytest.param(BadFile("nul-in-middle.txt", generated(
        "nul-in-middle.txt", lambda: b"Leaders met in Rome.\n" * 300 + b"\x00\x01\x02\x03" * 10),
        "binary"), id="nul-bytes-after-text"),
    pytest.param(BadFile("fifty-megabytes.txt", fifty_megabytes, "larger than the 5120 KB limit"),
                 id="fifty-megabytes"),
    pytest.param(BadFile("windows-1251.txt", committed("windows-1251.txt"), None,
                         has=("Міністр оборони Литви заявив", "Вільнюсі"), lacks=("\r",)),
                 id="windows-1251"),
    pytest.param(BadFile("utf-16-bom.txt", committed("utf-16-bom.txt"), None,
                         has=("Estonia will send two more field hospitals",)), id="utf-16-with-bom"),
    pytest.param(BadFile("utf-16-be-no-bom.txt", committed("utf-16-be-no-bom.txt"), None,
                         has=("Міністри оборони дванадцяти країн",)), id="utf-16-without-bom"),
    pytest.param(BadFile("odd.txt", generated("odd.txt", lambda: b"\xff\xfeL\x00e\x00a"), "not readable"),
                 id="utf-16-truncated"),
    pytest.param(BadFile("legacy.txt", generated("legacy.txt", lambda: "Київ ".encode("cp1251") + b"\x98"),
                         "not readable"), id="windows-1251-undefined-byte"),
    pytest.param(BadFile("scripts.html", committed("scripts.html"), None,
                         has=("met in Prague on 4 September 2025", "more artillery ammunition"),
                         lacks=("INJECTED", "document.cookie", "alert(", "evil.example", "<script")),
                 id="html-with-scripts"),
    pytest.param(BadFile("nested.html", generated("nested.html", nested_html), None,
                         has=("met in Sofia on 3 March 2025",), lacks=("<div",)),
                 id="html-10000-nested-tags"),
    pytest.param(BadFile("unclosed.html", generated("unclosed.html", lambda: nested_html(close=False)), None,
                         has=("met in Sofia",)), id="html-10000-unclosed-tags"),
    pytest.param(BadFile("zero-width-and-rtl.txt", committed("zero-width-and-rtl.txt"), None,
                         has=("met in Riga on 2 July 2025",)), id="zero-width-and-rtl"),
    pytest.param(BadFile("emoji.txt", committed("emoji.txt"), None, has=("Poland will deliver",)),
                 id="emoji"),
    pytest.param(BadFile("report.pdf", generated("report.pdf", lambda: b"%PDF-1.7\nLeaders met.\n"),
                         "only .txt, .md and .html"), id="unsupported-suffix"),
]

# Questions nobody should be able to break the query engine with; each must get an Answer.
QUESTIONS = [
    pytest.param("what did " + "Macron " * 584 + "say", id="4096-characters"),
    pytest.param("x" * 4096, id="4096-one-word"),
    pytest.param('what did "Macron say', id="fts-unbalanced-quote"),
    pytest.param("NEAR(Macron Putin", id="fts-near-unclosed"),
    pytest.param("NEAR(Macron Putin, 2)", id="fts-near"),
    pytest.param("* OR * -", id="fts-star-or-minus"),
    pytest.param("Macron OR", id="fts-trailing-or"),
    pytest.param("- Macron", id="fts-leading-minus"),
    pytest.param("AND OR NOT", id="fts-bare-operators"),
    pytest.param("text: ^Macron {col}", id="fts-column-filter"),
    pytest.param("'; DROP TABLE documents; --", id="sql-drop"),
    pytest.param("\" OR 1=1 --", id="sql-or-1"),
    pytest.param("Macron' UNION SELECT text FROM documents --", id="sql-union"),
    pytest.param("what did Mac\u200bron say", id="zero-width-inside-name"),
    pytest.param("\u202ewhat did Macron say\u202c", id="right-to-left-override"),
    pytest.param("מה אמר מקרון", id="hebrew"),
    pytest.param("🇫🇷 said what? 🤔🤔", id="emoji"),
    pytest.param("", id="empty"),
    pytest.param("   \n\t ", id="whitespace"),
    pytest.param("\x00\x01\x7f", id="control-characters"),
    pytest.param("%_%", id="like-wildcards"),
    pytest.param("<b>Macron</b> & <script>alert(1)</script>", id="html-in-question"),
]
