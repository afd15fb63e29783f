"""Check a message the way Telegram's HTML parse mode reads it: allowed tags, balanced, escaped."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ALLOWED = {"b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler"}
MAX_MESSAGE = 4096  # UTF-16 code units of the visible text
# Telegram knows only these named entities, and numeric ones.
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.problems.append(f"tag <{tag}> is not allowed")
        extra = [name for name, _ in attrs if not (tag == "a" and name == "href")]
        if extra:
            self.problems.append(f"<{tag}> has attributes {extra}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_problems(message: str) -> list[str]:
    """Return why Telegram would refuse ``message`` in HTML parse mode (empty when it is fine)."""
    checker = _Checker()
    # Entities first: an "&" that starts no known entity is refused by Telegram.
    bare = re.sub(r"<[^<>]*>", "", message)
    problems = [f"bare '&' at {m.start()}" for m in re.finditer("&", bare)
                if not _ENTITY.match(bare, m.start())]
    if re.search(r"[<>]", bare):
        problems.append("a '<' or '>' outside a tag")
    checker.feed(message)
    checker.close()
    problems += checker.problems
    if checker.stack:
        problems.append(f"unclosed {checker.stack}")
    visible = html.unescape(bare)
    if len(visible.encode("utf-16-le")) // 2 > MAX_MESSAGE:
        problems.append(f"{len(visible)} visible characters, over {MAX_MESSAGE}")
    if not visible.strip():
        problems.append("empty message")
    return problems
