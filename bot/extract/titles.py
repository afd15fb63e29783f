"""Office titles as they are written in readouts: "Prime Minister", "secretary-general", "канцлер"."""
from __future__ import annotations

import re

from bot.extract import lexicon
from bot.extract.alternation import by_first_letter

# A title may carry its posting: "Special Envoy for Ukraine", "Ambassador to France", "Chief of
# the General Staff of the Ukrainian Armed Forces" (the words after the title are names).
_TAILS = {
    "special envoy": r"(?:\s+for\s+[A-Z]\w+)?",
    "ambassador": r"(?:\s+to\s+[A-Z][\w.]*)?",
    "chief of the general staff": r"(?:\s+of\s+the\s+[A-Z]\w+\s+armed\s+forces)?",
}
_EN = [lexicon.fragment(entry) + _TAILS.get(entry, "") for entry in
       sorted(lexicon.words("en", "titles"), key=len, reverse=True)]
# "the head of the Chilean delegation": the delegation's country sits inside the title.
_EN.append(r"head\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?delegation")
_UK = lexicon.fragments("uk", "titles")
# The start of a word that begins with a letter. Put before a list of words that all begin with a
# letter it changes no match, but the regex engine stops at the end of every word (where "\b"
# holds too) instead of trying each word of the list there: those searches take a third less.
WORD_START = r"\b(?=[^\W\d_])"
# Plural forms: "the Prime Ministers of Albania, Belgium ...", "Senators Lindsey Graham and ...".
_PLURAL = r"(?:s|es)?"
ROLE = by_first_letter([*(f"{p}{_PLURAL}" for p in _EN), *_UK])
ROLE_RE = re.compile(rf"(?i){WORD_START}{ROLE}\b")
ROLE_AT_END = re.compile(rf"(?i)(?P<role>{ROLE})(?P<tail>\s+(?:of|to|for)\s+(?:the\s+)?"
                         r"[A-ZА-ЯІЇЄҐ][\w.’'\-]*(?:\s+(?:[A-ZА-ЯІЇЄҐ][\w.’'\-]*|of|the|and|for))*)?"
                         r"\s*,?\s*$")

_SMALL = {"of", "the", "for", "to", "and"}


def tidy_role(text: str) -> str:
    """Return a role as a title: "prime ministers" -> "Prime Minister", "vice-president" kept."""
    words = text.split()
    if words and words[-1].lower().endswith("ies") and words[-1].lower().startswith("secretar"):
        words[-1] = words[-1][:-3] + "y"
    elif words and re.search(r"(?i)(?<!s)s$", words[-1]) and words[-1].lower() not in {"affairs"}:
        words[-1] = words[-1][:-1]
    elif words and not words[-1].isascii() and re.search(r"[рнтк]и$", words[-1]):
        words[-1] = words[-1][:-1]  # "прем'єр-міністри" -> "прем'єр-міністр", "лідери" -> "лідер"
    elif words and words[-1].lower().startswith("делегаці"):
        words[-1] = "делегація"  # "між делегаціями Чилі і Перу": one delegation per country
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _SMALL:
            out.append(word.lower())
        elif word[:1].isupper() or not word.isascii():
            out.append(word)
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def is_plural_role(text: str) -> bool:
    """Tell whether a role is written in the plural ("Prime Ministers", "Senators", "лідери")."""
    words = text.split()
    last = words[-1].lower() if words else ""
    if words and words[0].lower() == "heads":  # "heads of state and government"
        return True
    ukrainian_plural = last[-1:] in ("и", "і") and not last.isascii()  # "прем'єр-міністри"
    return (last.endswith("s") and last not in {"affairs", "chiefs"}) or ukrainian_plural

# Single words that belong to office titles, never to a person's name (title_words.txt).
ROLE_WORDS = frozenset(word for lang in lexicon.LANGUAGES for word in lexicon.words(lang, "title_words"))
