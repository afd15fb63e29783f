"""Questions drawn from the facts of the synthetic documents, each kind with and without typos.

A question carries what a good answer should contain (``expect``, any one of the strings) or,
for the "nothing" kind, that nothing should be found. These checks are a sanity signal that the
engine measured is doing real work, not a grade.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from bench.generator import generate_document, long_date, make_person
from bench.shapes import SHAPES, shaped_question
from bench.vocab import ABSENT_COUNTRIES, ABSENT_PEOPLE

KINDS = ("attendance", "statement", "commitment", "agreement", "meeting", "free_text", "nothing")
# Questions shaped like real users' (bench/shapes.py), each shape its own row, no typo variant.
REAL_KINDS = tuple(f"real:{shape}" for shape in SHAPES)
LABELS = (*(kind + variant for kind in KINDS for variant in ("", "+typo")), *REAL_KINDS)


@dataclass(frozen=True)
class Question:
    """One benchmark question and what its answer should contain."""

    kind: str
    typo: bool
    text: str
    expect: tuple[str, ...] = ()  # any one of these, folded; empty for "nothing"

    @property
    def label(self) -> str:
        """Return the kind with its typo variant, e.g. "statement+typo"."""
        return self.kind + ("+typo" if self.typo else "")

    def as_json(self) -> dict[str, Any]:
        """Return the question as a JSON-ready dict."""
        return {**asdict(self), "expect": list(self.expect)}


def make_questions(docs: int, *, per_kind: int, seed: int = 7) -> list[Question]:
    """Return ``per_kind`` questions of each label (kind and typo variant, real shape).

    The questions are about documents 0..docs-1. They come in rounds of one question per label,
    so any prefix is balanced.
    """
    rng = random.Random(f"{seed}:questions:{docs}")
    rounds = [[*(_question(kind, typo, rng, docs, seed) for kind in KINDS for typo in (False, True)),
               *(_real(kind, rng, docs, seed) for kind in REAL_KINDS)] for _ in range(per_kind)]
    return [q for one in rounds for q in one]


def _real(kind: str, rng: random.Random, docs: int, seed: int) -> Question:
    text, expect = shaped_question(kind.removeprefix("real:"), rng, docs, seed, misspell)
    return Question(kind, False, text, expect)


def _question(kind: str, typo: bool, rng: random.Random, docs: int, seed: int) -> Question:
    if kind == "nothing":
        text, key = rng.choice((
            ("what did {} say about the ceasefire?", rng.choice(ABSENT_PEOPLE)),
            ("who attended from {}?", rng.choice(ABSENT_COUNTRIES)),
            ("what did {} pledge?", rng.choice(ABSENT_COUNTRIES)),
        ))
        return Question(kind, typo, text.format(misspell(key, rng) if typo else key))
    while True:  # a document may lack the fact a kind needs (e.g. no agreement): draw again
        facts = generate_document(rng.randrange(docs), seed=seed).facts
        made = _BUILDERS[kind](facts, rng, seed)
        if made:
            template, key, expect = made
            return Question(kind, typo, template.format(misspell(key, rng) if typo else key), expect)


Built = tuple[str, str, tuple[str, ...]] | None


def _attendance(facts: dict[str, Any], rng: random.Random, seed: int) -> Built:
    a, m = rng.choice(facts["attendees"]), facts["meeting"]
    if rng.random() < 0.5:
        return (f"who represented {{}} in {m['place']} on {long_date(m['date'])}?", a["country"],
                (a["surname"],))
    return (f"who attended the {{}} meeting on {long_date(m['date'])}?", m["place"], (a["surname"],))


def _statement(facts: dict[str, Any], rng: random.Random, seed: int) -> Built:
    s = rng.choice(facts["statements"])
    spellings = make_person(int(s["person"][1:]), seed=seed).surnames
    return f"what did {{}} say about {s['topic']}?", s["surname"], spellings


def _commitment(facts: dict[str, Any], rng: random.Random, seed: int) -> Built:
    c, m = rng.choice(facts["commitments"]), facts["meeting"]
    month = long_date(m["date"]).split(" ", 1)[1]
    return f"what did {{}} pledge in {m['place']} in {month}?", c["country"], (c["amount"],)


def _agreement(facts: dict[str, Any], rng: random.Random, seed: int) -> Built:
    if not facts["agreements"]:
        return None
    a, m = rng.choice(facts["agreements"]), facts["meeting"]
    return f"what was signed in {{}} on {long_date(m['date'])}?", m["place"], (a["title"],)


def _meeting(facts: dict[str, Any], rng: random.Random, seed: int) -> Built:
    m = facts["meeting"]
    day = long_date(m["date"])
    return f"where did the {{}} meet on {day}?", m["format"], (m["place"],)


def _free_text(facts: dict[str, Any], rng: random.Random, seed: int) -> Built:
    s = rng.choice(facts["statements"])
    return "anything new on {}?", s["topic"], (s["topic"],)


_BUILDERS = {"attendance": _attendance, "statement": _statement, "commitment": _commitment,
             "agreement": _agreement, "meeting": _meeting, "free_text": _free_text}


def misspell(text: str, rng: random.Random) -> str:
    """Return ``text`` with one typo (swap, drop or double a letter) in its longest word."""
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5:
        return text
    i = rng.randrange(1, len(word) - 2)
    edit = rng.choice(("swap", "drop", "double"))
    if edit == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    elif edit == "drop":
        word = word[:i] + word[i + 1:]
    else:
        word = word[:i] + word[i] + word[i:]
    words[longest] = word
    return " ".join(words)


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents or typographic dashes and quotes."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(str.maketrans("‘’“”–—", "''\"\"--"))


def is_hit(question: Question, *, found: bool, text: str) -> bool:
    """Return whether an answer is what the question expects (in its first 1,500 characters)."""
    if not question.expect:
        return not found
    head = fold(text[:1500])
    return found and any(fold(e) in head for e in question.expect)
