"""The data files the code reads, found with importlib.resources wherever the package is installed.

The checkout's top-level ``data/`` directory ships in the wheel as the package ``pledgebot_data``
(pyproject.toml maps it): gazetteer, word lists, Datasette metadata. Code reads them through
these functions, never by a path relative to a source file, which would point outside an
installed package. The database is no package data: see ``bot.config`` for where it lives.
"""
from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

PACKAGE = "pledgebot_data"


def data_path(*parts: str) -> Traversable:
    """Return the shipped data file or directory at ``parts``, e.g. ("gazetteer", "people.json")."""
    found = files(PACKAGE)
    for part in parts:
        found = found / part
    return found


def read_data_text(*parts: str) -> str:
    """Return the UTF-8 text of the shipped data file at ``parts``."""
    return data_path(*parts).read_text(encoding="utf-8")


def read_data_json(*parts: str) -> Any:
    """Return the parsed JSON of the shipped data file at ``parts``."""
    return json.loads(read_data_text(*parts))


def read_word_list(*parts: str) -> tuple[str, ...]:
    """Return the entries of a shipped word list: one a line, ``#`` starts a comment, blank
    lines skipped, spaces inside an entry folded to one."""
    entries = (line.split("#", 1)[0].strip() for line in read_data_text(*parts).splitlines())
    return tuple(" ".join(entry.split()) for entry in entries if entry)
