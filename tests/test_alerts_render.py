"""Alert messages: escaped HTML, the right sections, always within Telegram's 4096 characters."""

from __future__ import annotations

from typing import Any

from bot.alerts.render import MAX_CHARS, render_alert, render_digest, render_notice
from bot.render import size

DOC = {
    "id": "d1",
    "url": "https://news.example/a?x=1&y=2",
    "title": "Talks <in> Oslo",
    "publisher": "Example & Co",
    "published": "2026-02-03",
}
MEETING = {"kind": "meeting", "name": "Nordic meeting", "date": "2026-02-03", "place": "Oslo", "format": None}
PLEDGE = {
    "kind": "commitment",
    "change": "new",
    "actor": "Norway",
    "action": "<b>200</b> million euros",
    "strength": "pledge",
    "amount": "200 million euros",
    "timeframe": "by March",
    "conditional": True,
    "condition": "parliament agrees",
    "person_id": None,
    "country": "Norway",
    "org": None,
}
ACCORD = {"kind": "agreement", "title": "Oslo Accord", "parties": ["Finland", "Ukraine"]}
QUOTE = {
    "kind": "statement",
    "speaker": "Jonas",
    "text": "We stand & we stay",
    "quote": True,
    "person_id": None,
    "country": "Norway",
    "org": None,
}
LINK = '<a href="https://news.example/a?x=1&amp;y=2">Talks &lt;in&gt; Oslo</a> (Example &amp; Co, 2026-02-03)'
FINLAND = {
    "kind": "attendance",
    "name": None,
    "role": None,
    "person_id": None,
    "country": "Finland",
    "org": None,
}


def payload(*items: dict[str, Any], status: str = "new") -> dict[str, Any]:
    return {"doc": DOC, "status": status, "items": [MEETING, *items]}


def test_alert_has_every_section_escaped() -> None:
    assert render_alert(payload(PLEDGE, ACCORD, QUOTE, FINLAND)) == "\n".join(
        [
            "<b>New: Talks &lt;in&gt; Oslo</b>",
            "Meeting: Nordic meeting, Oslo, 2026-02-03",
            "<b>Commitments</b>",
            "• <b>Norway</b> [pledge]: &lt;b&gt;200&lt;/b&gt; million euros (200 million euros; by March)"
            " <i>if parliament agrees</i>",
            "<b>Signed</b>",
            "• Oslo Accord — Finland, Ukraine",
            "<b>Statements</b>",
            "• <b>Jonas</b>: “We stand &amp; we stay”",
            "<b>Attended:</b> Finland",
            "Source: " + LINK,
        ]
    )


def test_subscriber_sees_only_what_they_follow_and_why() -> None:
    text = render_alert(payload(PLEDGE, QUOTE, status="updated"), only=[2], reason="Jonas <3")
    assert text.splitlines()[:4] == [
        "<b>Updated: Talks &lt;in&gt; Oslo</b>",
        "<i>Because you follow Jonas &lt;3</i>",
        "Meeting: Nordic meeting, Oslo, 2026-02-03",
        "<b>Statements</b>",
    ]
    assert "Norway" not in text


def test_huge_alert_is_cut_under_the_limit_and_says_how_much_is_left() -> None:
    many = [{**QUOTE, "text": "😀 " * 300 + str(n)} for n in range(40)]
    pledges = [{**PLEDGE, "action": "x" * 390 + str(n)} for n in range(40)]
    text = render_alert(payload(*pledges, *many))
    assert size(text) <= MAX_CHARS
    assert "more</i>" in text and text.endswith("(Example &amp; Co, 2026-02-03)")


def test_digest_lists_each_document_with_its_counts() -> None:
    digest = {"date": "2026-02-04", "documents": [payload(PLEDGE, ACCORD), payload(QUOTE, status="updated")]}
    assert render_digest(digest) == "\n".join(
        [
            "<b>Daily digest, 2026-02-04</b>: 2 new or changed documents",
            "• " + LINK + ": 1 commitments, 1 signed",
            "• " + LINK + ": 1 statements",
        ]
    )


def test_notice_is_escaped_and_short() -> None:
    text = render_notice({"text": "Feed <x> failing " + "y" * 5000})
    assert text.startswith("<b>pledgebot</b>\nFeed &lt;x&gt; failing") and size(text) < 1100
