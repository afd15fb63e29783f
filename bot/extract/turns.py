"""Transcripts whose turns are labelled: "SECRETARY LIND: We will decide ...", "Anna Berg: ...".

A label is the speaker of its paragraph; a questioner's label ("Q:", "QUESTION:", "MODERATOR:")
makes its paragraph nobody's statement. Labels are read only in a document that has at least
three of them, one of which recurs: "Date: ...", "Source: ..." header lines are no transcript.
"""
from __future__ import annotations

import re
from functools import cache

from bot.extract import lexicon
from bot.extract.agents import Agent, Discourse, person_agent
from bot.extract.context import Context
from bot.extract.people import people_in
from bot.extract.titles import ROLE_WORDS, tidy_role

_UPPER = "A-ZÀ-ÞА-ЯІЇЄҐ"
# "PRIME MINISTER STORE:", "SECRETARY LIND:", "Anna Berg:", "Q:" at the start of a paragraph.
_LABEL = re.compile(rf"^(?P<label>[{_UPPER}][{_UPPER}.’' -]{{0,40}}?|[{_UPPER}][\w’'.-]*"
                    rf"(?:\s+[{_UPPER}][\w’'.-]*){{0,3}})\s*:\s+(?=\S)")
_COURTESY = {"mr", "mrs", "ms", "dr", "sir", "madam", "пан", "пані"}
_MIN_TURNS = 3


@cache
def _question_labels() -> frozenset[str]:
    return frozenset(w for lang in lexicon.LANGUAGES for w in lexicon.words(lang, "question_labels"))


def turn_labels(ctx: Context) -> dict[int, str]:
    """Return the label of each sentence that opens a labelled turn, by sentence index."""
    labels: dict[int, str] = {}
    for sentence in ctx.sentences:
        if ctx.text[max(0, sentence.start - 1):sentence.start] not in ("", "\n"):
            continue  # a label opens a paragraph
        match = _LABEL.match(sentence.text)
        if match and not re.search(r"\d", match.group("label")):
            labels[sentence.index] = match.group("label").strip()
    # Speakers take several turns; a header's "Date:", "Place:", "Source:" lines are one each.
    recurring = len(labels) > len(set(labels.values()))
    return labels if len(labels) >= _MIN_TURNS and recurring else {}


def is_question(label: str) -> bool:
    """Tell whether a turn's label is a questioner's or the chair's ("Q", "QUESTION")."""
    return label.lower().rstrip(".") in _question_labels()


def label_end(text: str) -> int:
    """Return where a turn's words start after its label."""
    match = _LABEL.match(text)
    return match.end() if match else 0


def turn_speaker(ctx: Context, disc: Discourse, label: str) -> Agent:
    """Return who a label names: the person the text names in full ("SECRETARY LIND" after
    "Secretary Tomas Lind"), else the label's name, else its title ("PRIME MINISTER")."""
    words = [w for w in label.split() if w.lower().strip(".") not in ROLE_WORDS | _COURTESY]
    if not words:
        return Agent(label=tidy_role(label.title() if label.isupper() else label), how="role")
    surname = words[-1].lower()
    known = [p for p in disc.people if p.name.split()[-1].lower() == surname]
    if not known:
        known = [p for s in ctx.sentences[:3] for p in people_in(ctx, s)
                 if p.name.split()[-1].lower() == surname]
    if known:
        return person_agent(known[-1])
    name = " ".join(w.capitalize() if w.isupper() else w for w in words)
    full = _in_full(f"{ctx.doc.title or ''}\n{ctx.text[:3000]}", name)
    return Agent(label=full, how="name", name=full)


def _in_full(text: str, surname: str) -> str:
    """Return the name a surname stands for as the header writes it ("Secretary Tomas Lind")."""
    for match in re.finditer(rf"((?:[{_UPPER}][\w’'.-]*\s+){{1,3}}){re.escape(surname)}\b", text):
        first = [w for w in match.group(1).split() if w.lower().strip(".") not in ROLE_WORDS | _COURTESY]
        if first and not match.group(1).isupper():
            return " ".join([*first, surname])
    return surname
