"""The vocabulary of news language, per language, read from ``data/language/<lang>/<name>.txt``.

One entry a line, ``#`` starts a comment, blank lines are skipped. An entry is a phrase as it is
written, with three marks so that one line covers the usual spellings:

- a space between words matches any run of spaces or a line break ("prime minister");
- an apostrophe matches any apostrophe or none ("прем'єр" = "прем’єр" = "премʼєр" = "премєр");
- a ``*`` at the end of a word matches any ending ("зустріч*" = "зустріч", "зустрічі", ...);
- a ``?`` makes the character before it optional ("віце-?прем'єр" = "віцепрем'єр").

Everything else is a literal character. The patterns the extraction rules search for are built
from these lists (``alternation``), so that a rule's words can be read, reviewed and extended in
one place and in one notation.
"""
from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from bot.extract.alternation import by_first_letter
from bot.resources import read_data_text, read_word_list

LANGUAGES = ("en", "uk")
_APOSTROPHES = "'’ʼ"


def _known(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    return lang


@cache
def words(lang: str, name: str) -> tuple[str, ...]:
    """Return the entries of one vocabulary file, in file order, comments and blanks dropped."""
    return read_word_list("language", _known(lang), f"{name}.txt")


@cache
def table(lang: str, name: str) -> Any:
    """Return the parsed ``data/language/<lang>/<name>.json``, for vocabularies with fields."""
    return json.loads(read_data_text("language", _known(lang), f"{name}.json"))


def fragment(entry: str) -> str:
    """Return the regex that matches one entry written in the notation of this module."""
    out: list[str] = []
    for char in entry:
        if char == " ":
            out.append(r"\s+")
        elif char in _APOSTROPHES:
            out.append("[" + _APOSTROPHES + "]?")
        elif char == "*":
            out.append(r"\w*")
        elif char == "?" and out and out[-1] == r"\s+":
            out[-1] = r"\s*"  # an optional space: "vice-? ?president" = "vicepresident"
        elif char == "?" and out:
            out.append("?")
        else:
            out.append(re.escape(char))
    return "".join(out)


def fragments(lang: str, name: str) -> list[str]:
    """Return the entries of a vocabulary as regex fragments, longest first.

    Longest first so that, at one position, "deputy prime minister" is tried before "deputy" and
    the alternation takes the longest entry that matches, whatever order the file lists them in.
    """
    entries = sorted(words(lang, name), key=len, reverse=True)
    return [fragment(entry) for entry in entries]


def needle(entry: str) -> str:
    """Return the longest word of an entry that every text it matches holds as written: a word
    cut at its "*" or apostrophe, without the character a "?" makes optional."""
    runs: list[str] = re.findall(r"[^\s*?" + _APOSTROPHES + "]+", re.sub(r".\?", " ", entry))
    if not runs:
        raise ValueError(f"no literal word in {entry!r}")
    return max(runs, key=len)


@cache
def alternation(name: str, langs: tuple[str, ...] = LANGUAGES) -> str:
    """Return one group matching any entry of the vocabulary ``name`` in the given languages."""
    return by_first_letter([one for lang in langs for one in fragments(lang, name)])
