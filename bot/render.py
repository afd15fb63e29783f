"""Answer -> Telegram HTML: every value is escaped here and only here.

Answers are cut into pages at fact boundaries, each page well under Telegram's 4,096 characters;
a fact too long for one page is cut at a word boundary and continues on the next. Callback data
is ``p:<key>:<page>`` (turn the page) and ``s:<key>:<result>`` (show a fact's source).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)

from bot.query.answer import Answer

MAX_MESSAGE = 4096  # Telegram's limit, in UTF-16 code units of the visible text
PAGE_LIMIT = 3900  # what a page may use: the page counter and slack for the rest
PAGE_FACTS = 5  # facts a page shows: a reader sees the top of the answer first
PIECE = 3000  # the longest piece of one fact's text on a page
SOURCE_BUTTONS = 8
MORE = {"en": "More ▶", "uk": "Ще ▶"}  # the button that shows an answer's next page
BACK = {"en": "◀ Back", "uk": "◀ Назад"}
FOOTNOTE = re.compile(r"\s*\[\d{1,3}\]\s*$")


@dataclass(frozen=True)
class Page:
    """One message of an answer: its HTML and the results it shows, in order."""

    html: str
    results: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Block:
    html: str
    result: int | None  # the result this block starts, if any


def escape(value: object) -> str:
    """Return ``value`` as text safe inside Telegram HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def size(text: str) -> int:
    """Return the length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def render_answer(answer: Answer, *, page_facts: int = PAGE_FACTS, limit: int = PAGE_LIMIT) -> list[Page]:
    """Cut ``answer`` into pages of at most ``page_facts`` facts, split at fact boundaries."""
    header = f"<b>{escape(_shorten(answer.header, 300))}</b>" if answer.header else ""
    if answer.results:
        blocks = [b for i, r in enumerate(answer.results) for b in _fact_blocks(i, r)]
    else:
        blocks = [_Block(escape(piece), None) for line in answer.text.splitlines() for piece in _pieces(line)]
    sep = "\n\n" if answer.results else "\n"
    pages = _pack(blocks, header=header, page_facts=page_facts, limit=limit, sep=sep)
    if len(pages) > 1 or answer.count > len(answer.results):
        pages = [Page(f"{p.html}\n\n<i>{_counter(answer, pages, n)}</i>", p.results)
                 for n, p in enumerate(pages)]
    return pages or [Page(escape(answer.text or "Nothing found."))]


def _counter(answer: Answer, pages: Sequence[Page], n: int) -> str:
    """Say which facts a page shows out of how many there truly are ("6–10 of 14")."""
    if not answer.results:
        return f"{n + 1}/{len(pages)}"
    # A page that only continues a long fact shows that fact.
    shown = pages[n].results or [i for p in pages[:n] for i in p.results][-1:] or [0]
    first, last = min(shown) + 1, max(shown) + 1
    of = "з" if answer.language == "uk" else "of"
    said = f"{first}–{last} {of} {answer.count}" if first < last else f"{first} {of} {answer.count}"
    if n == len(pages) - 1 and answer.count > len(answer.results):
        said += "; уточніть питання, щоб побачити решту" if answer.language == "uk" else \
            "; narrow the question to see the rest"
    return said


def _fact_text(result: dict[str, Any]) -> str:
    # The plain text ends facts with "[1]", pointing at a list of links; here the link follows.
    return FOOTNOTE.sub("", str(result.get("text") or result.get("evidence") or ""))


def _fact_blocks(index: int, result: dict[str, Any]) -> list[_Block]:
    text = _fact_text(result)
    pieces = _pieces(text)
    blocks = [_Block(f"<b>{index + 1}.</b> {escape(pieces[0])}", index)]
    blocks += [_Block(f"… {escape(piece)}", None) for piece in pieces[1:]]
    cite = _citation(result.get("source") or {}, cited=text)
    if cite and size(blocks[-1].html + cite) < PIECE:
        blocks[-1] = _Block(f"{blocks[-1].html}\n{cite}", blocks[-1].result)
    elif cite:
        blocks.append(_Block(cite, None))
    return blocks


def _citation(source: dict[str, Any], *, cited: str = "") -> str:
    # Caps keep a citation, escaped, well under a page whatever the source says about itself.
    # When the fact's own text already names its publisher, only the link is added.
    publisher = source.get("publisher")
    short = str(publisher or "").split(" (")[0].split(",")[0].strip()  # "Example (example.org)"
    known = () if short and short in cited else (publisher, source.get("published"))
    said = ", ".join(escape(_shorten(str(v), 60)) for v in known if v)
    url = source.get("url")
    if url and str(url).startswith(("http://", "https://")) and len(url) <= 300:
        link = f'<a href="{escape(url)}">{escape(_shorten(str(source.get("title") or "source"), 100))}</a>'
        said = f"{said}, {link}" if said else link
    return f"<i>— {said}</i>" if said else ""


def _pieces(text: str, width: int = PIECE) -> list[str]:
    """Cut ``text`` at word boundaries into pieces whose escaped form fits in ``width``."""
    pieces: list[str] = []
    while size(escape(text)) > width:
        cut = width
        while size(escape(text[:cut])) > width:  # escaping and astral characters make text longer
            cut -= max(1, (size(escape(text[:cut])) - width) // 6)
        space = text.rfind(" ", 0, cut)
        cut = space if space > cut // 2 else cut
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text] if text or not pieces else pieces


def _pack(blocks: Sequence[_Block], *, header: str, page_facts: int, limit: int,
          sep: str = "\n\n") -> list[Page]:
    pages: list[Page] = []
    current: list[_Block] = []
    for block in blocks:
        facts = sum(b.result is not None for b in current)
        full = block.result is not None and facts >= page_facts
        if current and (full or size(_join(header, [*current, block], sep)) > limit):
            pages.append(_page(header, current, sep))
            current = []
        current.append(block)
    if current:
        pages.append(_page(header, current, sep))
    return pages


def _join(header: str, blocks: Iterable[_Block], sep: str) -> str:
    body = sep.join(b.html for b in blocks)
    return f"{header}\n\n{body}" if header else body


def _page(header: str, blocks: Sequence[_Block], sep: str) -> Page:
    return Page(_join(header, blocks, sep), tuple(b.result for b in blocks if b.result is not None))


def page_keyboard(key: str, pages: Sequence[Page], page: int, *, language: str = "en"
                  ) -> InlineKeyboardMarkup | None:
    """Return back/"More" buttons and one source button per fact shown on ``page``."""
    rows: list[list[InlineKeyboardButton]] = []
    sources = [i for i in pages[page].results][:SOURCE_BUTTONS]
    if sources:
        rows.append([InlineKeyboardButton(f"source {i + 1}", callback_data=f"s:{key}:{i}") for i in sources])
    turn: list[InlineKeyboardButton] = []
    if page > 0:
        turn.append(InlineKeyboardButton(BACK.get(language, BACK["en"]), callback_data=f"p:{key}:{page - 1}"))
    if page < len(pages) - 1:
        turn.append(InlineKeyboardButton(MORE.get(language, MORE["en"]), callback_data=f"p:{key}:{page + 1}"))
    if turn:
        rows.append(turn)
    return InlineKeyboardMarkup(rows) if rows else None


def render_source(result: dict[str, Any]) -> str:
    """Show the exact sentence a fact came from, with its source and link."""
    evidence = _pieces(str(result.get("evidence") or result.get("text") or ""))[0]
    cite = _citation(result.get("source") or {})
    return f"<b>Source</b>\n<blockquote>{escape(evidence)}</blockquote>" + (f"\n{cite}" if cite else "")


def render_sources(answer: Answer) -> list[Page]:
    """List the distinct documents behind ``answer``, one line each with its link."""
    seen: dict[tuple[object, ...], dict[str, Any]] = {}
    for result in answer.results:
        source = result.get("source") or {}
        seen.setdefault((source.get("url"), source.get("title"), result.get("doc_id")), source)
    if not seen:
        return [Page(escape("No sources: nothing is known about that yet."))]
    lines = [_Block(f"• {escape(_shorten(str(s.get('title') or 'untitled'), 100))}\n{_citation(s)}", None)
             for s in seen.values()]
    return _pack(lines, header=f"<b>{escape('Sources')}</b>", page_facts=len(lines), limit=PAGE_LIMIT)


def render_text(text: str) -> list[str]:
    """Escape a plain message and cut it into chunks at line boundaries."""
    blocks = [_Block(escape(piece), None) for line in text.splitlines() or [""] for piece in _pieces(line)]
    return [p.html for p in _pack(blocks, header="", page_facts=1, limit=PAGE_LIMIT, sep="\n")]


def render_help(commands: Iterable[tuple[str, str]], *, intro: str) -> str:
    """Render the command list from (command, description) pairs."""
    lines = [f"/{escape(name)} — {escape(description)}" for name, description in commands]
    return escape(intro) + "\n\n" + "\n".join(lines)


def inline_results(answer: Answer, *, offset: int, per_page: int = 50
                   ) -> tuple[list[InlineQueryResultArticle], str]:
    """Return one inline result per fact from ``offset`` on, and the next offset ("" at the end)."""
    chosen = answer.results[offset:offset + per_page]
    articles = [
        InlineQueryResultArticle(
            id=f"{offset + n}", title=_shorten(_fact_text(r), 100),
            description=_shorten(_plain_citation(r.get("source") or {}), 120),
            input_message_content=InputTextMessageContent(_inline_html(r)),
        )
        for n, r in enumerate(chosen)
    ]
    if not answer.results and offset == 0 and answer.text.strip():
        # Nothing matched: one result that says so, rather than a silent empty list.
        plain = _pieces(answer.text.strip())[0]
        articles = [InlineQueryResultArticle(id="0", title=_shorten(plain.split("\n")[0], 100),
                                             input_message_content=InputTextMessageContent(escape(plain)))]
    more = offset + per_page < len(answer.results)
    return articles, str(offset + per_page) if more else ""


def _inline_html(result: dict[str, Any]) -> str:
    # One message per chosen fact: its first piece (a fact is rarely longer) and its citation.
    text = _fact_text(result)
    pieces = _pieces(text)
    cite = _citation(result.get("source") or {}, cited=text)
    more = " …" if len(pieces) > 1 else ""
    return escape(pieces[0]) + more + (f"\n{cite}" if cite else "")


def _plain_citation(source: dict[str, Any]) -> str:
    known = (source.get("publisher"), source.get("published"), source.get("title"))
    return ", ".join(str(v) for v in known if v)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_ingest(*, label: str, status: str, counts: dict[str, int], doc_id: str | None = None,
                  meeting: dict[str, Any] | None = None, note: str | None = None) -> str:
    """Tell an admin what ingesting one document did: counts, the meeting found, its id."""
    found = ", ".join(f"{n} {escape(kind)}" for kind, n in counts.items()) or "no facts"
    # A label can be a URL of any length: shorten it so the reply stays one message.
    lines = [f"<b>{escape(status.capitalize())}</b>: {escape(_shorten(label, 300))}", found]
    meeting = meeting or {}
    known = [str(v) for v in (meeting.get("name"), meeting.get("date"), meeting.get("place")) if v]
    if known:
        lines.append("Meeting: " + escape(_shorten(", ".join(known), 300)))
    if note:  # the file was not clean UTF-8: say how it was read
        lines.append("Note: " + escape(note))
    if doc_id:
        lines.append(f"Document id: <code>{escape(doc_id)}</code> (for /delete)")
    return "\n".join(lines)
