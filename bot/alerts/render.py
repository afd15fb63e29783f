"""Alerts, digests and notices as Telegram HTML: every value escaped, always under 4096 characters."""

from __future__ import annotations

from typing import Any

from bot.alerts.headline import headline, meeting_name
from bot.lines.debris import (
    clean_amount,
    clean_timeframe,
    commitment_reads_well,
    condition_clause,
    is_reported_speech,
)
from bot.lines.normalize import amount_key
from bot.render import escape, size

MAX_CHARS = 4096  # Telegram's limit
MAX_STATEMENTS = 5  # statements are many; the channel wants the notable few
LEAD_KINDS = {"signed": 3, "delivered": 3, "pledge": 2}  # what an alert leads with
MAX_ARCHIVE_LINES = 20  # documents listed in the archive digest (the rest are counted)
HEADINGS = (("commitment", "Commitments"), ("agreement", "Signed"), ("statement", "Statements"))


def render_alert(payload: dict[str, Any], *, only: list[int] | None = None, reason: str | None = None) -> str:
    """Render a document alert; ``only`` keeps the items a subscriber follows."""
    items = payload["items"]
    chosen = [items[i] for i in only if i < len(items)] if only is not None else items
    head = [_title(payload)]
    if reason:
        head.append(f"<i>Because you follow {escape(_clip(reason, 200))}</i>")
    meeting = next((i for i in items if i["kind"] == "meeting"), None)
    if meeting and (line := _meeting_line(meeting, payload["doc"])):
        head.append(line)
    body: list[str] = []
    for kind, heading in HEADINGS:
        rows = [i for i in chosen if i["kind"] == kind and _reads_well(i)]
        if kind == "commitment":
            rows = _joint(sorted(rows, key=_weight, reverse=True))
        if kind == "statement":
            rows = sorted(rows, key=lambda i: not i["quote"])[:MAX_STATEMENTS]
        if rows:
            body.append(f"<b>{heading}</b>")
            body.extend("• " + _LINES[kind](row) for row in rows)
    attendees = [_attendee(i) for i in chosen if i["kind"] == "attendance"]
    if attendees:
        body.append("<b>Attended:</b> " + ", ".join(attendees))
    return fit("\n".join(head), body, _source(payload["doc"]))


def render_digest(payload: dict[str, Any]) -> str:
    """Render the daily digest: one short paragraph per document."""
    count = len(payload["documents"])
    head = f"<b>Daily digest, {escape(payload['date'])}</b>: {count} new or changed documents"
    body = []
    for doc_alert in payload["documents"]:
        counts = {k: sum(1 for i in doc_alert["items"] if i["kind"] == k) for k, _ in HEADINGS}
        summary = ", ".join(
            f"{n} {heading.lower()}" for (k, heading), n in zip(HEADINGS, counts.values(), strict=True) if n
        )
        body.append(f"• {_link(doc_alert['doc'])}" + (f": {summary}" if summary else ""))
    return fit(head, body, "")


def render_archive(
    payload: dict[str, Any], *, mine: dict[str, Any] | None = None, reason: str | None = None
) -> str:
    """Render the archive digest: how many documents joined the archive, the newest first.

    ``mine`` (a subscriber's delivery) holds the count and documents that concern the chat.
    """
    found = mine or payload
    count = int(found["count"])
    noun = "document" if count == 1 else "documents"
    head = f"<b>{count} {noun} added to the archive</b>:"
    if reason:
        head += f"\n<i>Because you follow {escape(_clip(reason, 200))}</i>"
    lines = [f"• {_archived(d)}" for d in found["documents"][:MAX_ARCHIVE_LINES]]
    return fit(head, lines, "", hidden=count - len(lines))


def _archived(entry: dict[str, Any]) -> str:
    label = escape(_clip(str(entry["headline"]), 200))
    link = f'<a href="{escape(entry["url"])}">{label}</a>' if entry.get("url") else label
    return link + (f" ({escape(str(entry['date']))})" if entry.get("date") else "")


def render_notice(payload: dict[str, Any]) -> str:
    """Render a notice for the admins."""
    return fit("<b>pledgebot</b>", [escape(_clip(payload["text"], 1000))], "")


def fit(head: str, lines: list[str], foot: str, *, hidden: int = 0) -> str:
    """Join head, lines and foot, dropping trailing lines (and saying so) to stay under the limit.

    ``hidden`` counts lines left out before (they are added to the "… and N more").
    """
    for keep in range(len(lines), -1, -1):
        more = len(lines) - keep + max(hidden, 0)
        parts = [head, *lines[:keep]]
        if more:
            parts.append(f"<i>… and {more} more</i>")
        text = "\n".join(p for p in [*parts, foot] if p)
        if size(text) <= MAX_CHARS:  # the HTML is longer than the visible text: a safe bound
            return text
    return _cut(head, MAX_CHARS)


def _cut(html: str, limit: int) -> str:
    # Only reached with an absurd title: drop the markup rather than cut inside a tag.
    plain = html.replace("<b>", "").replace("</b>", "")
    return plain if size(plain) <= limit else plain[: limit // 2] + "…"  # half: astral characters count twice


def _title(payload: dict[str, Any]) -> str:
    verb = "New" if payload["status"] == "new" else "Updated"
    return f"<b>{verb}: {escape(_clip(headline(payload), 300))}</b>"


def _meeting_line(m: dict[str, Any], doc: dict[str, Any]) -> str:
    """Return "Meeting: <name or format>, <place>, <date>", or "" when nothing is known."""
    name, place = meeting_name(m, doc), m.get("place")
    if not name and place:
        name, place = f"in {place}", None  # "Meeting in Kyiv, 2023-02-20"
    text = ", ".join(p for p in (name, place, m.get("date")) if p)
    if not text:
        return ""
    return ("Meeting " if text.startswith("in ") else "Meeting: ") + escape(text)


def _reads_well(item: dict[str, Any]) -> bool:
    if item["kind"] == "commitment":
        return commitment_reads_well(item)
    if item["kind"] == "statement":
        return not item.get("headline") and is_reported_speech(item.get("verb"), quote=bool(item["quote"]))
    return True


def _joint(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join the same promise of several actors ("Latvia and Norway pledged ...") into one line."""
    joined: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = (row.get("action"), row.get("strength"), row.get("amount"), row.get("timeframe"))
        if key in joined and row["actor"] not in joined[key]["actors_shown"]:
            joined[key]["actors_shown"].append(row["actor"])
        else:
            joined.setdefault(key, {**row, "actors_shown": [row["actor"]]})
    return list(joined.values())


def _weight(item: dict[str, Any]) -> tuple[int, int, float]:
    """Lead with signings and deliveries, then pledges, the largest amount first."""
    amount = amount_key(clean_amount(item.get("amount")))
    value = float(amount.split()[-1]) if amount else 0.0
    return (LEAD_KINDS.get(item.get("strength") or "", 0), int(value > 0), value)


def _commitment(i: dict[str, Any]) -> str:
    change = " (stronger than before)" if i.get("change") == "stronger" else ""
    slots = (clean_amount(i.get("amount")), clean_timeframe(i.get("timeframe")))
    extra = "; ".join(escape(p) for p in slots if p)
    cond = ""
    if i.get("conditional") and i.get("condition"):
        cond = f" <i>{escape(condition_clause(i['condition']))}</i>"
    actors = i.get("actors_shown") or [i["actor"]]
    who = actors[0] if len(actors) == 1 else ", ".join(actors[:-1]) + " and " + actors[-1]
    return (
        f"<b>{escape(who)}</b> [{escape(i['strength'])}{change}]: "
        f"{escape(_clip(i['action'], 400))}" + (f" ({extra})" if extra else "") + cond
    )


def _agreement(i: dict[str, Any]) -> str:
    parties = ", ".join(escape(p) for p in i["parties"])
    return f"{escape(i['title'])}" + (f" — {parties}" if parties else "")


def _statement(i: dict[str, Any]) -> str:
    text = escape(_clip(i["text"], 400))
    return f"<b>{escape(i['speaker'])}</b>: " + (f"“{text}”" if i["quote"] else text)


def _attendee(i: dict[str, Any]) -> str:
    who = i.get("name") or i.get("role") or i.get("org") or i.get("country") or "?"
    where = i.get("country") if i.get("name") or i.get("role") else None
    return escape(who + (f" ({where})" if where and where != who else ""))


def _source(doc: dict[str, Any]) -> str:
    return "Source: " + _link(doc)


def _link(doc: dict[str, Any]) -> str:
    label = escape(_clip(doc.get("title") or doc.get("url") or "source", 200))
    meta = ", ".join(escape(p) for p in (doc.get("publisher"), doc.get("published")) if p)
    link = f'<a href="{escape(doc["url"])}">{label}</a>' if doc.get("url") else label
    return link + (f" ({meta})" if meta else "")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_LINES = {"commitment": _commitment, "agreement": _agreement, "statement": _statement}
