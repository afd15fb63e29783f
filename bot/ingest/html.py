"""HTML pages to main text with trafilatura, so menus, footers and scripts drop away."""
from __future__ import annotations

import trafilatura

from bot.errors import InputError
from bot.ingest.loaded import LoadedText


def html_to_text(html: str, *, name: str = "page") -> LoadedText:
    """Extract the main text, title and date of an HTML page."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no readable article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    published = meta.date if meta and meta.date else None
    body = text.strip() + "\n"
    return LoadedText(text=(title + "\n\n" + body) if title else body, title=title, published=published)
