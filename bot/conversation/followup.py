"""Follow-ups: "and France?" or "and what did he say about sanctions?" continue the last question.

A follow-up is resolved into a whole question the engine answers like any other, so the engine
needs no memory of its own:

    what did Merz say about air defence  +  and about sanctions?       -> what did Merz say about sanctions
    who attended from Canada             +  and France?                -> who attended from France
    what did Merz say                    +  and what did he say in Kyiv? -> what did Merz say in Kyiv?

A fragment ("and France?", "what about in Kyiv?") takes the place of the name of the same kind in
the last question (a person for a person, a country for a country, a place for a place), or of
who it asked about, or else is added to it. A whole question has its pronoun ("he", "they")
replaced by the name the last question asked about. A message without a lead word or a pronoun
is a new question.
"""
from __future__ import annotations

import functools
import re

from bot.conversation.words import phrases, tokens, vocabulary
from bot.entities import EntityIndex, Mention
from bot.query.intent import detect_intent
from bot.query.parse import restore_codes

_WHO_KINDS = ("person", "country", "org")
# One word as tokens() reads it, with the punctuation around it.
_FIRST_WORD = re.compile(r"[\W_]*[^\W_]+(?:['’][^\W_]+)?[\W_]*")


@functools.cache
def _words() -> tuple[list[tuple[str, ...]], dict[str, str], frozenset[str]]:
    follow = vocabulary()["follow_up"]
    leads = phrases([w for lang in follow["leads"].values() for w in lang])
    pronouns = {w: kind for kind, ws in follow["pronouns"].items() for w in ws}
    topics = frozenset(w for lang in follow["topic_words"].values() for w in lang)
    return leads, pronouns, topics


def follow_up(question: str, previous: str | None, *, index: EntityIndex) -> str:
    """Return ``question`` resolved against the ``previous`` one, or unchanged when it is new."""
    if not previous:
        return question
    leads, pronouns, _ = _words()
    rest = _without_lead(question, leads)
    words = tokens(rest)
    if not words:
        return question
    pronoun = next((w for w in words if w in pronouns), None)
    if rest == question and (pronoun is None or pronouns[pronoun] != "person"):
        return question  # no "and ...", no "he": a question of its own ("they" alone is too vague)
    if detect_intent(rest) == "search" and pronoun is None:
        return _fragment(rest, previous, index=index)
    return _replace_pronoun(rest, previous, pronoun, kind=pronouns.get(pronoun or ""), index=index)


def _without_lead(question: str, leads: list[tuple[str, ...]]) -> str:
    """Return ``question`` without its opening "and" / "what about" / "а як щодо"."""
    words = tokens(question)
    lead = next((p for p in leads if tuple(words[:len(p)]) == p), None)
    if lead is None:
        return question
    text = question
    for _ in lead:
        text = text[_FIRST_WORD.match(text).end():]  # type: ignore[union-attr]  # tokens() found a word
    return text.strip()


def _mentions(text: str, index: EntityIndex) -> list[Mention]:
    # restore_codes keeps the length of the text, so spans hold for the text as written.
    return [m for m in index.find_mentions(restore_codes(text)) if m.score >= 0.8 or len(m.text) >= 6]


def _fragment(fragment: str, previous: str, *, index: EntityIndex) -> str:
    """Put the fragment's name (or topic) in place of its counterpart in ``previous``."""
    base = previous.strip().rstrip("?!. ")
    named = _mentions(fragment, index)
    words = tokens(fragment)
    if words and words[0] in _words()[2]:  # "and about sanctions?": a new topic
        found = re.search(rf"\s(?:{'|'.join(map(re.escape, sorted(_words()[2])))})\s", base, re.I)
        return f"{base[:found.start()] if found else base} {fragment.rstrip('?!. ')}"
    if len(named) != 1:
        return f"{base} {fragment.rstrip('?!. ')}"
    new = named[0]
    old = _mentions(base, index)
    same = [m for m in old if m.entity.kind == new.entity.kind]
    who = [m for m in old if m.entity.kind in _WHO_KINDS] if new.entity.kind in _WHO_KINDS else []
    if not (same or who):
        return f"{base} {fragment.rstrip('?!. ')}"
    target = (same or who)[0]
    return f"{base[:target.start]}{fragment[new.start:new.end]}{base[target.end:]}"


def _replace_pronoun(question: str, previous: str, pronoun: str | None, *, kind: str | None,
                     index: EntityIndex) -> str:
    """Replace the pronoun by the name ``previous`` asked about ("he" -> "Merz")."""
    if pronoun is None:
        return question
    old = _mentions(previous, index)
    wanted = ("person",) if kind == "person" else ("country", "org", "person")
    name = next((previous[m.start:m.end] for k in wanted for m in old if m.entity.kind == k), None)
    if name is None:
        return question
    return re.sub(rf"(?<![^\W_]){re.escape(pronoun)}(?![^\W_])", lambda _: name, question, count=1,
                  flags=re.I)
