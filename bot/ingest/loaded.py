"""What every loader (plain text, HTML, a fetched page) hands on to extraction."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoadedText:
    """Text ready for extraction, with whatever metadata the file itself carried."""

    text: str
    title: str | None = None
    published: str | None = None
    note: str | None = None  # how the bytes were read, when it was not plain UTF-8
