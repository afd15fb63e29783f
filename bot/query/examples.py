"""Examples the bot suggests, taken from the store it runs on and tried before they are offered.

A fixed example ("/who Canada") fails on a store that never heard of Canada, and teaches the
user that the bot knows nothing. Candidates come from the store's most frequent facts; an
example is offered only when the question it stands for finds something.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.lines.debris import is_number_word
from bot.lines.normalize import terms

if TYPE_CHECKING:
    from bot.query.answer import Answer
    from storage.store import Store

CANDIDATES = 5  # names tried per command, the most frequent first
SAMPLE = 500  # commitments whose words are counted for a search example
MIN_WORD = 5  # letters: shorter words are rarely what anyone searches for

_TOP = {
    "country": "select country from attendances where country is not null "
               "group by country order by count(*) desc, country limit ?",
    # Each person by the shortest way the texts name them ("Keir Starmer", not "British Prime
    # Minister Keir Starmer"), the most quoted first.
    "speaker": "select speaker from (select speaker, person_id, count(*) over (partition by person_id) n, "
               "row_number() over (partition by person_id order by length(speaker), speaker) r "
               "from statements where person_id is not null) where r = 1 order by n desc, person_id limit ?",
    "actor": "select actor_country from commitments where actor_country is not null "
             "group by actor_country order by count(*) desc, actor_country limit ?",
}


def _top(store: Store, what: str) -> list[str]:
    return [r[0] for r in store.db.execute(_TOP[what], [CANDIDATES]).fetchall() if r[0]]


def _search_words(store: Store) -> list[str]:
    """Return the words most often found in commitments ("ceasefire", "security")."""
    rows = store.db.execute("select action from commitments order by id limit ?", [SAMPLE]).fetchall()
    counts = Counter(w for r in rows for w in set(terms(r[0]).split()) if len(w) >= MIN_WORD and w.isalpha()
                     and not is_number_word(w))
    return [w for w, _ in counts.most_common(CANDIDATES)]


def candidates(store: Store) -> dict[str, list[str]]:
    """Return, per command, the arguments worth trying, the most frequent first."""
    countries = _top(store, "country")
    return {
        "who": countries,
        "said": _top(store, "speaker"),
        "commitments": _top(store, "actor"),
        "search": _search_words(store),
        "sources": [f"who attended from {c}" for c in countries],
        "question": [f"who attended from {c}?" for c in countries],
        "intro": [f"what did {s} say?" for s in _top(store, "speaker")],
    }


def first_working(args: list[str], *, question_of: Callable[[str], str | None],
                  ask: Callable[[str], Answer]) -> str | None:
    """Return the first argument whose question finds something, or None."""
    for arg in args:
        question = question_of(arg)
        if question is not None and ask(question).found:
            return arg
    return None
