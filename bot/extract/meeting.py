"""The meeting a document reports on: its name or format, date and place."""
from __future__ import annotations

import re

from bot.extract import lexicon
from bot.extract.context import DATELINE as _DATELINE
from bot.extract.context import Context
from bot.extract.dates import DateMention, find_dates
from bot.extract.titles import WORD_START
from storage.records import Meeting, Sentence

# Words that mark a sentence as being about the event itself (data/language/*/event.txt).
EVENT_WORDS = re.compile(r"(?i)" + WORD_START + lexicon.alternation("event") + r"\b")
# "began", "opened", "розпочався": a sentence that says when the event started (event_start.txt).
EVENT_STARTED = re.compile(r"(?i)" + WORD_START + lexicon.alternation("event_start") + r"\b")
_FORMATS = [
    (re.compile(r"(?i)coalition of the willing|коаліці\w+ охочих"), "Coalition of the Willing"),
    (re.compile(r"(?i)ukraine defen[cs]e contact group|\bUDCG\b|ramstein"),
     "Ukraine Defense Contact Group"),
    (re.compile(r"(?i)ukraine recovery conference|конференці\w+ з\s+(?:питань\s+)?"
                r"(?:економічного\s+)?відновлення"), "Ukraine Recovery Conference"),
    (re.compile(r"\bG7\b|\bG-7\b|Group of Seven"), "G7"),
    (re.compile(r"\bG20\b"), "G20"),
    (re.compile(r"(?i)\bnato\b[\w\s’']{0,20}summit|summit of nato"), "NATO summit"),
    (re.compile(r"(?i)european council summit|eu summit"), "European Council"),
    (re.compile(r"(?i)\bweimar triangle\b"), "Weimar Triangle"),
    (re.compile(r"(?i)nato-ukraine council"), "NATO-Ukraine Council"),
]
# Every match of a format pattern holds one of these words (lower case): most texts skip the patterns.
_FORMAT_WORDS = {
    "Coalition of the Willing": ("coalition of the willing", "коаліці"),
    "Ukraine Defense Contact Group": ("contact group", "udcg", "ramstein"),
    "Ukraine Recovery Conference": ("recovery conference", "відновлення"),
    "G7": ("g7", "g-7", "group of seven"),
    "G20": ("g20",),
    "NATO summit": ("nato",),
    "European Council": ("european council summit", "eu summit"),
    "Weimar Triangle": ("weimar triangle",),
    "NATO-Ukraine Council": ("nato-ukraine council",),
}
# "Apulia, 14 June 2024 (Agency): ...": a dateline closed by a colon, not a dash; it must hold
# a date here, as a place and a colon alone ("Kyiv, Ukraine: ...") date nothing anyway.
_COLON_DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯІЇЄҐ][\w .'’-]{1,40},\s+[\w ,.]{3,30}?\s*"
                             r"(?:\([^)]{1,40}\)\s*)?:")
# "Luanda, Angola - 25 November 2025 - Leaders ...": the place, then the day, each closed by a dash.
_DATED_DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯІЇЄҐ][\w .'’-]{1,40},\s+[^-–—]{3,30}?\s*[-–—]\s*"
                             r"[^-–—]{6,30}?\s*[-–—]")
_HEADER_DATE = re.compile(r"^\s*[\d\w.,\s]{6,30}(?:\s*[-–]\s*\d\d:\d\d)?\s*$")


def extract_meeting(ctx: Context) -> Meeting:
    """Return the document's meeting: format from known formats, date, place near the event."""
    title = ctx.doc.title or ""
    head = ctx.text[:1500]
    low = f"{title}\n{head}".lower()
    fmt = next((name for pattern, name in _FORMATS if any(w in low for w in _FORMAT_WORDS[name])
                and (pattern.search(title) or pattern.search(head))), None)
    date, sentence = meeting_date(ctx)
    place = meeting_place(ctx)
    name = _event_name(ctx) or fmt or _title_name(title)
    return Meeting(name=name, date=date, place=place, format=fmt,
                   sentence=sentence.index if sentence else None,
                   start=sentence.start if sentence else None,
                   end=sentence.end if sentence else None)


def meeting_date(ctx: Context) -> tuple[str | None, Sentence | None]:
    """Return the event date: the first date in a sentence about the event, never after
    publication; else a header date line; else the publication date."""
    published = ctx.doc.published or url_date(ctx.doc.url) or _dateline_date(ctx)
    # Without a publication day, the latest day, month or year the text writes gives year-less
    # dates their year; it bounds nothing (it may be a deadline, or the event itself).
    base = published or _latest_written_day(ctx)
    title = ctx.doc.title or ""
    sources = [(title, None)] + [(s.text, s) for s in ctx.sentences]
    # "The visit began on 10 August" dates the visit, though the lead says when it ended.
    started = [(t, s) for t, s in sources if EVENT_STARTED.search(t)]
    for text, sentence in started + sources:
        if not EVENT_WORDS.search(text):
            continue
        dateline = _dateline(text)
        for mention in find_dates(text, base):
            if mention.relative and not published:
                continue  # "on Monday" needs the report's own day
            if dateline and mention.end <= dateline.end():
                continue  # "MUNICH, Feb 15 (Reuters) -" dates the report, not the event
            if published and mention.iso > published:
                continue
            if published and not mention.relative and mention.iso < _days_before(published, 45):
                continue
            return mention.iso, sentence
    for sentence in ctx.sentences[:6]:
        if _HEADER_DATE.match(sentence.text):
            dates = [d for d in find_dates(sentence.text, base) if not d.relative]
            if dates and (not published or dates[0].iso <= published):
                return dates[0].iso, sentence
    return published or _latest_full_date(ctx), None


def meeting_place(ctx: Context) -> str | None:
    """Return the first known place named in a sentence about the event."""
    for sentence in ctx.sentences[:12]:
        if not EVENT_WORDS.search(sentence.text):
            continue
        for found in ctx.mentions(sentence):
            if found.kind == "place":
                return found.name
    return None


_NAMED_EVENT = re.compile(
    r"(?P<name>(?:[A-Z][\w’'-]*\s+)(?:(?:[A-Z0-9][\w’'-]*|of|the|leaders[’']?)\s+){0,6}"
    r"(?:summit|meeting|conference|talks|forum|session))\b")


def _event_name(ctx: Context) -> str | None:
    """Return the event as the text names it: "London summit", "Coalition of the Willing meeting"."""
    for sentence in ctx.sentences[:4]:  # the lead names the event; later ones recall others
        for match in _NAMED_EVENT.finditer(sentence.text):
            name = re.sub(r"^(?:The|A|An|In|At|On|During|Following|After)\s+", "", match.group("name"))
            if len(name.split()) >= 2 and name[:1].isupper():
                return name
    return None


# News sites put the day of publication in the address: "/2025/06/18/", "/2024/feb/17/",
# "/2025-03-27-france-...".
_URL_DATE = re.compile(r"[/_-](?P<year>20\d\d)[/-](?P<month>[01]\d|[a-z]{3})[/-](?P<day>[0-3]\d)(?!\d)")


def url_date(url: str | None) -> str | None:
    """Return the publication day a news address carries, if any."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    found = find_dates(f"{match['year']}-{match['month']}-{match['day']}", None) if \
        match["month"].isdigit() else find_dates(f"{match['day']} {match['month']} {match['year']}", None)
    return found[0].iso if found else None


def _dateline(text: str) -> re.Match[str] | None:
    """Return the dateline a sentence opens with, with its day when one follows the place."""
    dated = _DATED_DATELINE.match(text)
    if dated and find_dates(dated.group(), None):
        return dated
    return _DATELINE.match(text) or _COLON_DATELINE.match(text)


def _dateline_date(ctx: Context) -> str | None:
    """Return the day a dateline ("OSLO, March 4, 2025 (Wire) -") gives the report."""
    for sentence in ctx.sentences[:3]:
        dateline = _dateline(sentence.text)
        found = find_dates(dateline.group(), None) if dateline else []
        if found:
            return found[0].iso
    return None


_MONTH_YEAR = re.compile(r"(?i)\b(?P<month>january|february|march|april|may|june|july|august|"
                         r"september|october|november|december|січ\w+|лют\w+|берез\w+|квіт\w+|"
                         r"трав\w+|черв\w+|лип\w+|серп\w+|верес\w+|жовт\w+|листопад\w*|"
                         r"груд\w+)\s+(?P<year>(?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?<![\d/.-])\b(?:19|20)\d\d\b(?![\d/.-])")


def _latest_written_day(ctx: Context) -> str | None:
    """Return a day standing in for a missing publication date, to give dates their year: the
    latest full date, else the middle of the latest "March 2025", else of the latest year
    written, none of them after today."""
    import datetime as dt

    today = dt.date.today().isoformat()
    full = [d for d in (m.iso for m in _text_dates(ctx)) if d <= today]
    if full:
        return max(full)
    months = [f"{m['year']}-{_month_number(m['month']):02d}-15" for m in _MONTH_YEAR.finditer(ctx.text)]
    months = [d for d in months if d <= today]
    if months:
        return max(months)
    years = [y for y in (m.group() for m in _YEAR.finditer(ctx.text)) if y <= today[:4]]
    return f"{max(years)}-07-01" if years else None


_UK_MONTH_STEMS = ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт",
                   "листопад", "груд")


def _month_number(word: str) -> int:
    """Return the month a month name stands for, in English or in any Ukrainian case."""
    found = find_dates(f"1 {word} 2000", None)
    if found:
        return int(found[0].iso[5:7])
    return next(i for i, stem in enumerate(_UK_MONTH_STEMS, 1) if word.lower().startswith(stem))


def _latest_full_date(ctx: Context) -> str | None:
    """Return the latest date written with its year, standing in for a missing publication date."""
    dates = [d.iso for d in _text_dates(ctx)]
    return max(dates) if dates else None


def _text_dates(ctx: Context) -> list[DateMention]:
    """Return the dates the whole text writes, read without a publication day, once a document."""
    # An undated report asks twice (a day to give dates their year, then the meeting's own).
    key = ("text dates", -1)
    found: list[DateMention] | None = ctx.cache.get(key)
    if found is None:
        found = ctx.cache[key] = find_dates(ctx.text, None)
    return found


def _days_before(iso: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(iso[:10]) - dt.timedelta(days=days)).isoformat()


def _title_name(title: str) -> str | None:
    title = re.split(r"\s[–—-]\s|:\s", title)[0].strip()
    return title or None
