"""The first line of a comparison: "did Germany or France pledge more?" is answered by each
actor's amounts side by side ("Germany: $1.2 billion (17 February 2024); France: €3 billion
(16 February 2024)"), the commitments that hold them following as usual.

Amounts are shown as extracted, never added up: two pledges may be in other currencies, over
other periods, or the same money announced twice.
"""
from __future__ import annotations

from bot.extract.amounts import find_amount
from bot.query.names import NameTerms, folded_words
from bot.query.parse import Query
from bot.query.pick import Picked
from bot.query.terms import WordSet
from bot.query.wording import date_text
from bot.resources import read_word_list

_COMPARING = WordSet.of(read_word_list("query", "comparing.txt"))
_SHOWN = 3  # amounts an actor's part of the line names; the lines below show the rest


def compares(query: Query) -> bool:
    """Tell whether the question asks to compare ("more", "than", "порівняйте")."""
    return any(w in _COMPARING for w in folded_words(query.text))


def comparison_line(query: Query, targets: list[NameTerms], picked: list[Picked]) -> str | None:
    """Return each target's amounts, in the order the question names them; None unless a
    commitment question compares two or more actors."""
    if query.intent != "commitment" or len(targets) < 2 or not compares(query):
        return None
    uk = query.lang == "uk"
    parts = []
    for target in targets:
        amounts: dict[str, str] = {}
        for p in picked:
            if not (p.row and target.in_fact(p.row)):
                continue
            # The sentence's amount when extraction kept none with the fact ("a package worth
            # $3.2 billion, the largest France has given"): the line below shows the same sentence.
            amount = p.row.get("amount") or find_amount(p.item.hit.text)
            if amount:
                when = date_text(p.item.doc.published or p.item.doc.date, query.lang)
                amounts.setdefault(str(amount), when)
        name = query.said_as.get(target.label, target.label) if uk else target.label
        if not amounts:
            parts.append(f"{name}: " + ("суми не названо" if uk else "no amount recorded"))
            continue
        shown = [f"{amount} ({when})" if when else amount for amount, when in list(amounts.items())[:_SHOWN]]
        parts.append(f"{name}: {', '.join(shown)}")
    return "; ".join(parts)
