"""Amounts, timeframes and conditions of commitments: "€2bn", "450 million pounds ($585
million)", "5,000 missiles", "10 мільярдів євро"; "in 2025", "by the end of the year";
"once a ceasefire is agreed"."""
from __future__ import annotations

import re

_SCALE = r"(?:bn|billion|million|mn|m|trillion|thousand|млрд|млн|мільярд\w*|мільйон\w*|тис\.?)"
_CURRENCY = (r"(?:euros?|dollars?|pounds?|sterling|hryvnias?|kron(?:er|or|a|e)|zloty|yen|francs?|"
             r"євро|доларів|гривень|фунтів)")
_AMOUNT = re.compile(
    rf"(?:(?:almost|nearly|about|over|more\s+than|at\s+least|up\s+to|понад|близько|щонайменше)\s+)?"
    rf"(?:[$€£]\s?\d[\d.,]*\s*{_SCALE}?(?![\w])|\d[\d.,]*\s*{_SCALE}\s+{_CURRENCY}|"
    rf"\d[\d.,]*\s+{_SCALE}\s+(?:\w+\s+)?{_CURRENCY}|\d[\d.,]*\s*{_SCALE}(?=\s|$)|"
    rf"\d{{1,3}}(?:,\d{{3}})+\s+\w+|\d+\s+(?:new\s+)?(?:missiles|howitzers|tanks|drones|"
    rf"systems|rounds|shells|vehicles)\b)"
    rf"(?:\s*\([^)]{{0,30}}\))?", re.IGNORECASE)
_TIMEFRAME = re.compile(
    r"(?i)\b(?:in|by|on|until|before|from|through|during|for)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
    r"(?:(?:19|20)\d\d|year|month|next\s+\w+|coming\s+\w+|near\s+future|summer|winter|spring|"
    r"autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2})?)\b|"
    r"\bthis\s+(?:year|month|week)\b|\bfor\s+at\s+least\s+\d+\s+days\b|"
    r"\bз\s+(?:понеділка|вівторка|середи|четверга|п.ятниці|суботи|неділі)(?:,\s*\d+\s+\w+)?|"
    r"\bщонайменше\s+на\s+\d+\s+\w+|\bу\s+\d{4}\s+році")
_CONDITION = re.compile(r"(?i)(?:^|[\s,])(?P<cond>(?:if|once|provided\s+that|as\s+soon\s+as|"
                        r"unless|якщо|щойно|за\s+умови)\s+[^,.;]+)")


def find_amount(text: str) -> str | None:
    """Return the first amount of money or materiel in ``text``."""
    match = _AMOUNT.search(text)
    return match.group().strip() if match else None


def find_timeframe(text: str) -> str | None:
    """Return when a commitment is due, as the text says it."""
    match = _TIMEFRAME.search(text)
    return match.group().strip() if match else None


def find_condition(text: str) -> str | None:
    """Return the condition a commitment depends on ("once a ceasefire is agreed")."""
    match = _CONDITION.search(text)
    return match.group("cond").strip() if match else None
