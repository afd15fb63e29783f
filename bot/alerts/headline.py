"""What an alert is called: the page's headline, or else the meeting, never the publisher.

Some pages carry no headline of their own: their title is the publisher and a date ("Daily
Courier, 4 May 2026"). Such a *dateline* says nothing about the event, so the alert names the
meeting instead: its name or format, place, date, and its principal participants.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from bot.alerts.diff import fold
from bot.extract.dates import find_dates

MAX_PARTICIPANTS = 3  # named participants in a meeting's label
# Left of a dateline's date, at most this many words of a name ("Daily Courier").
MAX_NAME_WORDS = 3


def headline(payload: dict[str, Any]) -> str:
    """Return the headline of a document alert: its title, unless that is a dateline."""
    doc = payload["doc"]
    title = str(doc.get("title") or "").strip()
    if title and not is_dateline(title, publisher=doc.get("publisher"), url=doc.get("url")):
        return title
    return meeting_label(payload) or title or str(doc.get("url") or "a document")


def meeting_label(payload: dict[str, Any]) -> str | None:
    """Return "<name or format>, <place>, <date>, with <participants>" for a document alert."""
    doc = payload["doc"]
    meeting = next((i for i in payload["items"] if i["kind"] == "meeting"), None) or {}
    name = meeting_name(meeting, doc)
    place = meeting.get("place")
    if not name and place:
        name, place = f"Meeting in {place}", None
    parts = [name, place, _day(meeting.get("date"))]
    people = participants(payload["items"])
    label = ", ".join(p for p in parts if p)
    if people:
        label = (f"{label}, with " if label else "Meeting of ") + _and(people)
    return label or None


def meeting_name(meeting: dict[str, Any], doc: dict[str, Any]) -> str | None:
    """Return the meeting's name, or its format when the name is a dateline or the headline."""
    name = str(meeting.get("name") or "")
    copied = fold(name) == fold(str(doc.get("title") or ""))  # the headline, not a name
    if name and not copied and not is_dateline(name, publisher=doc.get("publisher"), url=doc.get("url")):
        return name
    return meeting.get("format") or None


def participants(items: list[dict[str, Any]]) -> list[str]:
    """Return the first named participants, as "Name (Country)"."""
    found: list[str] = []
    for item in items:
        if item["kind"] == "attendance" and item.get("name"):
            country = item.get("country")
            found.append(item["name"] + (f" ({country})" if country else ""))
    return list(dict.fromkeys(found))[:MAX_PARTICIPANTS]


def is_dateline(title: str, *, publisher: str | None = None, url: str | None = None) -> bool:
    """Return whether ``title`` is only a name (the publisher, say) and a date."""
    dates = find_dates(title, "2000-01-01")
    if not dates:
        return False
    rest = title
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    words = fold(rest).split()
    if not words:
        return True
    names = set(fold(publisher or "").split()) | set(fold(_host(url)).split())
    if all(w in names for w in words):
        return True
    # "Daily Courier, 4 May 2026": a short run of capitalised words, then the date, then nothing.
    plain = re.sub(r"[^\w\s]", " ", rest).split()
    return len(plain) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in plain) and (
        dates[-1].end >= len(title.rstrip(" .")) - 1
    )


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return " ".join(p for p in host.split(".") if p not in ("www", "com", "org", "net"))


def _day(value: Any) -> str | None:
    """Return an ISO date as "11 July 2024" (other values as they are)."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
