"""Which extracted lines read as a fact about their actor, for alerts and scorecards.

Extraction is generous; a line shown to a channel must not be. Four rules, each stated on the
words of the line (the word lists are data: data/lines/rules.json):

* an amount names a number other than a date ("€2bn", "12 million euros"); "on Wednesday" or
  "12 May" is no amount; a timeframe says by when or over what period ("by 24 February", "in the
  coming years"), not on which day something happened ("on Friday", "on 5 July", "this month");
* a commitment's action is a whole predicate: it does not stop on a dangling word ("said both
  sides have"), and a giving verb is followed by what was given ("has given to Ukraine since ..."
  lost its object to a relative clause; "provided by NATO Allies" is a passive without a subject);
* a page's headline is no commitment or statement (its sentence is the title);
* a statement that is not a quote is reported speech only through a reporting verb ("said",
  "told"); "X welcomed Y" and "X shook hands" are narration.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from bot.extract.dates import find_dates
from bot.resources import read_data_json

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@cache
def _rules() -> dict[str, frozenset[str]]:
    raw = read_data_json("lines", "rules.json")
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").casefold())


def clean_amount(amount: str | None) -> str | None:
    """Return ``amount`` when it names a number other than a date, else None."""
    if not amount:
        return None
    rest = _without_dates(amount)
    if any(ch.isdigit() for ch in rest) or set(_words(rest)) & _rules()["number_words"]:
        return amount
    return None


def is_number_word(word: str) -> bool:
    """Return whether ``word`` names a number ("billion", "млн")."""
    return word.casefold() in _rules()["number_words"]


def clean_timeframe(timeframe: str | None) -> str | None:
    """Return ``timeframe`` when it says by when or over what period, else None."""
    words = _words(timeframe)
    if not words or words[0] in _rules()["when_words"] or not _words(_without_dates(timeframe or "")):
        return None
    return timeframe


def condition_clause(condition: str) -> str:
    """Return a condition as a clause that starts with its own conjunction ("if ...")."""
    words = _words(condition)
    return condition if words and words[0] in _rules()["condition_words"] else f"if {condition}"


def _without_dates(text: str) -> str:
    # Relative dates ("Monday") are found only against a publication date: any date will do.
    for found in reversed(find_dates(text, "2000-01-01")):
        text = text[: found.start] + " " + text[found.end :]
    return text


def is_fragment(action: str | None) -> bool:
    """Return whether a commitment's action is a half-sentence rather than a whole predicate."""
    words = _words(action)
    if not words or words[-1] in _rules()["dangling_words"]:
        return True
    rules = _rules()
    start = 1 if words[0] in rules["auxiliaries"] else 0
    verb, after = words[start:start + 1], words[start + 1:start + 2]
    return bool(verb and after and verb[0] in rules["object_verbs"] and after[0] in rules["missing_object"])


def is_headline(sentence: str | None, title: str | None) -> bool:
    """Return whether a fact's sentence is the page's title."""
    return bool(sentence and title) and _words(sentence) == _words(title)


def is_reported_speech(verb: str | None, *, quote: bool) -> bool:
    """Return whether a statement is a quote or speech reported through a reporting verb."""
    return quote or (verb or "").casefold().strip() in _rules()["reporting_verbs"]


def commitment_reads_well(item: dict[str, Any]) -> bool:
    """Return whether an alert's or scorecard's commitment line reads as a fact about its actor."""
    return not item.get("headline") and not is_fragment(item.get("action"))
