"""The words of an answer in English and Ukrainian: headers, labels, dates, "nothing known"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.query.parse import Query

if TYPE_CHECKING:
    from bot.query.attend import Roll, Verdict
    from bot.query.rank import Scored
    from bot.query.retrieve import DocInfo

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_MONTHS_UK = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
              "жовтня", "листопада", "грудня")
_UNCERTAIN = {"pronoun", "context", "unknown"}
_NOT_FIELDS = {"id", "doc_id", "sentence", "start", "end", "type", "text"}


def date_text(iso: str | None, lang: str = "en") -> str:
    """Return "6 January 2026" (or "6 січня 2026") for an ISO date; "" when unknown."""
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso[:10]):
        return ""
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if not 1 <= month <= 12:
        return iso[:10]
    months = _MONTHS_UK if lang == "uk" else _MONTHS_EN
    return f"{day} {months[month - 1]} {year}"


def short_publisher(publisher: str | None) -> str:
    """Return the publisher's name without its domain and agency notes."""
    if not publisher:
        return ""
    return re.split(r"\s+\(|\s+/\s+|,\s", publisher, maxsplit=1)[0].strip()[:60]


def clip(text: str, width: int) -> str:
    """Return ``text`` cut at a word boundary to at most ``width`` characters, with "…" if cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if not text[width - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # "Leaders meet at Lancaster House in…", not "… in Londo"
    return cut.rstrip(" ,;:-—") + "…"


def meeting_label(doc: DocInfo, *, with_date: bool = False) -> str:
    """Return the meeting a document reports on: its name (or title), place and date."""
    meeting = doc.meeting
    name = meeting.get("name") or meeting.get("format") or doc.title or "Meeting"
    place = meeting.get("place")
    if place and place.casefold() not in name.casefold():
        name = f"{name}, {place}"
    if with_date and doc.date:
        return f"{name} — {date_text(doc.date)} ({doc.date[:10]})"
    if doc.date:
        return f"{name} ({date_text(doc.date)})"
    return name


def attendee_label(row: dict[str, Any]) -> str:
    """Return "Keir Starmer (Prime Minister, United Kingdom)" for an attendance row."""
    scope = row.get("country") or row.get("org")
    if row.get("name"):
        extra = ", ".join(x for x in (row.get("role"), scope) if x)
        return f"{row['name']} ({extra})" if extra else row["name"]
    if row.get("role") and row.get("holder"):
        # The report names the office only; the gazetteer's dated roles name who held it then.
        return f"{row['role']} {row['holder']} ({scope}, by role)"
    if row.get("role"):
        return f"{row['role']} ({scope})" if scope else row["role"]
    return scope or "?"


def attendee_name(row: dict[str, Any]) -> str:
    """Return who an attendance row names: the person, the office holder, or the office."""
    if row.get("name"):
        return str(row["name"])
    return attendee_label(row)


def _office_first(row: dict[str, Any]) -> str:
    """Return "Prime Minister Mark Carney" for a row whose country the line already says."""
    if row.get("name"):
        return f"{row['role']} {row['name']}" if row.get("role") else str(row["name"])
    if row.get("role") and row.get("holder"):
        return f"{row['role']} {row['holder']}"
    return attendee_label(row)


def _where(doc: DocInfo, lang: str) -> str:
    """Return "BRICS summit, Rio de Janeiro, 6 July 2025": the meeting a report is about."""
    meeting = doc.meeting
    name = meeting.get("name") or meeting.get("format") or doc.title or ""
    place = meeting.get("place")
    parts = [clip(name, 70), place if place and place.casefold() not in name.casefold() else None,
             date_text(doc.date, lang)]
    return ", ".join(p for p in parts if p)


def roll_head(query: Query, roll: Roll, fallback: str) -> str:
    """Return the first line of an attendance answer: who came, where and when."""
    uk = query.lang == "uk"
    rows, where = roll.rows, _where(roll.item.doc, query.lang)
    names = ", ".join(query.said_as.get(f.label, f.label) if uk else f.label for f in query.focus_terms)
    scoped = (query.countries or query.orgs) and not query.companions and names
    shown = [(_office_first if scoped else attendee_name)(r) for r in rows[:8]]
    listed = "; ".join(dict.fromkeys(shown)) if scoped else ", ".join(dict.fromkeys(shown))
    more = len(rows) - len(shown)
    if more > 0:
        listed += f" і ще {more}" if uk else f" and {more} more"
    if scoped:  # "From Canada: Prime Minister Mark Carney (Paris, 6 January 2026)"
        if any(r.get("holder") for r in rows[:8]):  # the gazetteer's dated roles name who it was
            where = ("за посадою у звіті; " if uk else "named by role in the report; ") + where
        return f"{'Від' if uk else 'From'} {names}: {listed} ({where})"
    if query.companions and names:
        return (f"Учасники разом ({names}; {where}): {listed}" if uk else f"With {names} ({where}): {listed}")
    if names:
        return f"{fallback} {listed} ({where})"
    return f"Учасники ({where}): {listed}" if uk else f"At {where}: {listed}"


def verdict_head(query: Query, said: Verdict) -> str:
    """Return "Yes: X attended Y (place, date)" or "No: X is not recorded at Y; C was
    represented by Z"."""
    uk = query.lang == "uk"
    who = query.said_as.get(said.subject.label, said.subject.label) if uk else said.subject.label
    where = _where(said.roll.item.doc, query.lang)
    if said.present:
        return f"Так: {who} — серед учасників ({where})" if uk else f"Yes: {who} attended ({where})"
    line = f"Ні: {who} немає серед учасників ({where})" if uk else f"No: {who} is not recorded at {where}"
    if said.roll.rows:
        came = ", ".join(dict.fromkeys(_office_first(r) for r in said.roll.rows))
        line += (f"; від {said.scope}: {came}" if uk
                 else f"; {said.scope} was represented by {came}")
    return line


def not_there_head(query: Query) -> str:
    """Return "No: X is not recorded at Y" when no report of the meeting asked about names X."""
    uk = query.lang == "uk"
    label = query.focus_terms[0].label
    who = query.said_as.get(label, label) if uk else label
    where = ", ".join(query.place_words if uk else query.places)
    where = where or ("там" if uk else "the meeting asked about")
    return f"Ні: {who} немає серед учасників ({where})" if uk else f"No: {who} is not recorded at {where}"


def prefix_for(query: Query, item: Scored, rows: list[dict[str, Any]]) -> tuple[str, str, dict[str, Any]]:
    """Return the label before a sentence, the result type, and the fact's fields."""
    wanted = {"statement": "statement", "commitment": "commitment", "agreement": "agreement",
              "attendance": "attendance"}.get(query.intent)
    matching = [r for r in rows if r["type"] == wanted] or rows
    if not matching:
        return "", "sentence", {}
    row = matching[0]
    fields = {k: v for k, v in row.items() if k not in _NOT_FIELDS}
    if row.get("text"):
        fields["said"] = row["text"]  # a statement's words; "text" is the answer line
    if row["type"] == "statement":
        speaker = row.get("speaker") or ("мовець невідомий" if query.lang == "uk" else "speaker uncertain")
        notes = []
        if row.get("speaker") and row.get("attribution") in _UNCERTAIN:
            notes.append("speaker uncertain")
        if not row.get("quote"):
            notes.append("reported")
        note = f" ({', '.join(notes)})" if notes else ""
        return f"{speaker}{note}: ", "statement", fields
    if row["type"] == "commitment":
        return f"{row.get('actor') or '?'} ({row.get('kind')}): ", "commitment", fields
    if row["type"] == "agreement":
        state = "signed" if row.get("signed") else "not yet signed"
        return f"{row.get('title')} ({state}): ", "agreement", fields
    return "", row["type"], fields


def header(query: Query, *, missing: list[str]) -> str:
    """Return the first line of an answer, in the question's language."""
    uk = query.lang == "uk"
    # Ukrainian keeps the question's own case form ("Від Канади"); English the canonical name.
    names = ", ".join(query.said_as.get(f.label, f.label) if uk else f.label for f in query.focus_terms)
    table = {
        "attendance": _attendance_header(query, names),
        "statement": (f"Що казали ({names}):" if uk else f"What {names} said:") if names else
                     ("Що казали:" if uk else "What was said:"),
        "commitment": (f"Зобов'язання ({names}):" if uk else f"What {names} committed to:") if names else
                      ("Зобов'язання:" if uk else "Commitments:"),
        "agreement": "Угоди й документи:" if uk else "Agreements and documents:",
        "meeting": "Зустрічі:" if uk else "Meetings:",
    }
    line = table.get(query.intent, "Що кажуть документи:" if uk else "What the documents say:")
    if missing:
        gone = ", ".join(missing)
        line += f" (жоден документ не згадує: {gone})" if uk else f" (no document mentions {gone})"
    return line


def dating_header(lang: str) -> str:
    """Return the first line of an answer made of the sentences that date what was asked."""
    return "Коли, за документами:" if lang == "uk" else "When, as the reports say:"


def mentions_header(query: Query) -> str:
    """Return the first line of an answer made of mentions: no fact of the target is stored."""
    uk = query.lang == "uk"
    names = ", ".join(query.said_as.get(f.label, f.label) if uk else f.label for f in query.focus_terms)
    if query.intent == "commitment":
        return (f"Зобов'язань ({names}) не записано; згадки:" if uk
                else f"No commitment by {names} is recorded; {names} is mentioned here:")
    return (f"Заяв ({names}) не записано; згадки:" if uk
            else f"No statement by {names} is recorded; {names} is mentioned here:")


def none_there_text(query: Query, *, topic: str | None = None) -> str:
    """Return the answer when the asked target has no fact where and when the question asks
    (or on the ``topic`` a yes/no question asks about: "No: no commitment by C to X ...")."""
    uk = query.lang == "uk"
    names = ", ".join(query.said_as.get(f.label, f.label) if uk else f.label for f in query.focus_terms)
    if topic:
        return (f"Ні: зобов'язань ({names}) щодо «{topic}» не записано." if uk
                else f"No: no commitment by {names} to {topic} is recorded.")
    if query.scope_words:  # the meeting as the question names it: "at the G20", "на саміті G20"
        return _none_at_meeting(query, names)
    where = ", ".join(query.place_words if uk else query.places)
    if query.intent == "commitment":
        return (f"Зобов'язань ({names}) там не записано{' (' + where + ')' if where else ''}." if uk
                else f"No commitment by {names}{' at ' + where if where else ''} is recorded.")
    return (f"Заяв ({names}) там не записано{' (' + where + ')' if where else ''}." if uk
            else f"No statement by {names}{' at ' + where if where else ''} is recorded.")


def _none_at_meeting(query: Query, names: str) -> str:
    where = query.scope_words
    if query.lang == "uk":
        kind = "Зобов'язань" if query.intent == "commitment" else "Заяв"
        return f"{kind} ({names}) {where} не записано."
    kind = "commitment" if query.intent == "commitment" else "statement"
    return f"No {kind} by {names} {where} is recorded."


def elsewhere_text(query: Query, meetings: list[str]) -> str:
    """Return the line naming the other meetings where the asked target has facts."""
    uk = query.lang == "uk"
    names = ", ".join(query.said_as.get(f.label, f.label) if uk else f.label for f in query.focus_terms)
    where = "; ".join(meetings)
    if uk:
        kind = "Зобов'язання" if query.intent == "commitment" else "Заяви"
        return f"{kind} ({names}) записано на інших зустрічах: {where}."
    verb = "has commitments recorded" if query.intent == "commitment" else "is quoted"
    return f"{names} {verb} at other meetings: {where}."


def more_text(query: Query, count: int) -> str:
    """Return the last line of an answer that shows only its first facts: how many more there are."""
    if query.lang == "uk":
        return f"…і ще {count} (напишіть «ще»)"
    return f"…and {count} more (say \"more\")"


def _attendance_header(query: Query, names: str) -> str:
    uk = query.lang == "uk"
    if not names:
        return "Хто був:" if uk else "Who attended:"
    if query.companions:
        return f"Хто був разом із {names}:" if uk else f"Who attended with {names}:"
    if query.persons and not query.countries and not query.orgs:
        return f"Участь ({names}):" if uk else f"Where {names} took part:"
    if uk and not re.search(r"(?<!\w)від\s+" + re.escape(names.split(", ")[0]), query.text, re.I):
        return f"Учасники ({names}):"  # the question's own case form fits "від" only after "від"
    return f"Від {names}:" if uk else f"Who attended from {names}:"


def nothing_text(lang: str, reason: str) -> str:
    """Return the plain "nothing known" reply."""
    if lang == "uk":
        return ("Про це в документах нічого немає. Спитайте, хто був на зустрічі, що хтось сказав "
                "або що пообіцяла країна.")
    if reason == "empty":
        return "Ask me who attended a meeting, what someone said, or what a country pledged."
    return "Nothing known about that in the documents I have."


def unknown_meeting_text(lang: str, words: str) -> str:
    """Return the reply for a meeting that no stored report is about ("at the Mercosur summit")."""
    if lang == "uk":
        return f"Про зустріч, яку названо «{words}», у документах нічого немає."
    return f"Nothing is known about a meeting {words} in the documents I have."


def unknown_text(query: Query, names: list[str], suggestions: list[str]) -> str:
    """Return "No document says that Brazil attended", with the closest names the store knows."""
    who = ", ".join(names)
    if query.lang == "uk":
        text = (f"Жоден документ не каже, що хтось був від {who}." if query.intent == "attendance"
                else f"Жоден документ не згадує {who}.")
        return text + (f" Можливо, ви мали на увазі: {', '.join(suggestions)}?" if suggestions else "")
    verbs = {"attendance": "attended", "statement": "said anything", "commitment": "committed to anything",
             "agreement": "signed anything"}
    text = (f"No document says that {who} {verbs[query.intent]}." if query.intent in verbs
            else f"No document mentions {who}.")
    return text + (f" Did you mean: {', '.join(suggestions)}?" if suggestions else "")
