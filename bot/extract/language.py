"""Tell Ukrainian from English text by its script, which is all the bot needs to know."""
from __future__ import annotations


def detect_language(text: str) -> str:
    """Return "uk" when most letters are Cyrillic, else "en"."""
    sample = text[:3000]
    cyrillic = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "uk" if cyrillic > latin else "en"
