"""What a subscription follows, and whether an alert item concerns it.

Subscriptions match the structured facts (person ids, speakers, countries, organisations) and,
for topics, the words of the facts; users never write regular expressions.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from bot.alerts.diff import fold

log = logging.getLogger(__name__)

KINDS = ("person", "country", "org", "topic")
# Fields of an alert item that name a person, and fields that carry its words.
PERSON_FIELDS = ("speaker", "actor", "name")
TEXT_FIELDS = (
    "action",
    "text",
    "title",
    "name",
    "actor",
    "speaker",
    "role",
    "amount",
    "timeframe",
    "place",
    "format",
    "country",
    "org",
)
MIN_COVER = 0.8  # share of the typed text an entity mention must cover to be taken as the subject


@dataclass(frozen=True, kw_only=True)
class Subject:
    """Something a chat follows: ``value`` is what is matched, ``label`` what is shown."""

    kind: str  # one of KINDS
    value: str
    label: str


def resolve_subject(text: str, *, index: Any = None) -> Subject:
    """Turn what a user typed into a person, country, organisation, or else a topic."""
    text = " ".join(text.split())
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)  # "the Americans", "the G7"
    if not fold(text):
        raise ValueError("say what to follow: a person, a country, an organisation or a topic")
    entity = _entity(text, index)
    if entity is not None and entity.kind == "person":
        return Subject(kind="person", value=entity.id, label=entity.name)
    if entity is not None and entity.kind in ("country", "org"):
        return Subject(kind=entity.kind, value=entity.name, label=entity.name)
    return Subject(kind="topic", value=fold(text), label=text)


def _entity(text: str, index: Any) -> Any:
    if index is None:
        index = default_index()
    if index is None:
        return None
    mentions = index.find_mentions(text, kinds=("person", "country", "org"))
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    covered = len(fold(text[mention.start : mention.end]))
    return mention.entity if covered >= MIN_COVER * len(fold(text)) else None


def default_index() -> Any:
    """Return the shared entity index, or None while bot.entities is not available."""
    try:
        from bot.entities import EntityIndex
    except ImportError:
        log.warning("bot.entities is not available: every subscription is a topic")
        return None
    return EntityIndex.default()


def matches(subject: Subject, item: dict[str, Any]) -> bool:
    """Return whether the alert ``item`` concerns ``subject``."""
    if subject.kind == "person":
        return _person_matches(subject, item)
    if subject.kind in ("country", "org"):
        names = {fold(str(item.get(k) or "")) for k in (subject.kind, "actor", "format")}
        names |= {fold(p) for p in [*(item.get("parties") or []), *(item.get("actors") or [])]}
        return fold(subject.value) in names
    return _words_match(fold(subject.value).split(), _item_words(item))


def _person_matches(subject: Subject, item: dict[str, Any]) -> bool:
    if item.get("person_id"):
        return bool(item["person_id"] == subject.value)
    # Unresolved speakers ("Merz", "Chancellor Merz"): match on the surname of the followed person.
    surname = fold(subject.label).split()[-1:]
    return any(surname and surname[0] in fold(str(item.get(k) or "")).split() for k in PERSON_FIELDS)


def _item_words(item: dict[str, Any]) -> list[str]:
    parts = [str(item.get(k) or "") for k in TEXT_FIELDS] + list(item.get("parties") or [])
    return fold(" ".join(parts)).split()


def _words_match(wanted: list[str], words: list[str]) -> bool:
    # A word of the topic matches a word of the fact that starts with it: "drone" finds "drones".
    stems = [t[:-1] if len(t) > 4 and t.endswith("s") else t for t in wanted]  # "drones" finds "drone"
    return bool(stems) and all(any(w.startswith(t) for w in words) for t in stems)
