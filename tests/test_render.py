"""Rendering: whole HTML strings, escaping at the one choke point, pages split at facts."""
from __future__ import annotations

import re
from typing import Any

import pytest

from bot.query.answer import Answer
from bot.render import (
    MAX_MESSAGE,
    Page,
    escape,
    inline_results,
    page_keyboard,
    render_answer,
    render_help,
    render_ingest,
    render_source,
    render_sources,
    render_text,
    size,
)

SOURCE = {"title": "Readout <1>", "publisher": "A & B", "published": "2025-03-02",
          "url": "https://example.org/r?a=1&b=2"}


def fact(n: int, text: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": "statement", "text": text or f"Speaker {n} said \"yes\" & <no>.", "doc_id": "d",
            "sentence": n, "evidence": f"Sentence {n} <as written>.", "source": SOURCE, **extra}


def answer(results: list[dict[str, Any]], *, header: str = "From <Canada>:", text: str = "") -> Answer:
    return Answer(question="q", text=text, found=bool(results), intent="statement", results=results,
                  header=header)


@pytest.mark.parametrize(("value", "escaped"), [
    pytest.param('<b>"x" & \'y\'</b>', "&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/b&gt;", id="markup"),
    pytest.param("&amp;", "&amp;amp;", id="entity-stays-literal"),
    pytest.param(None, "", id="none"),
    pytest.param(2025, "2025", id="number"),
])
def test_escape(value: object, escaped: str) -> None:
    assert escape(value) == escaped


def test_one_fact_renders_whole() -> None:
    assert render_answer(answer([fact(1)])) == [Page(
        "<b>From &lt;Canada&gt;:</b>\n\n"
        "<b>1.</b> Speaker 1 said &quot;yes&quot; &amp; &lt;no&gt;.\n"
        '<i>— A &amp; B, 2025-03-02, <a href="https://example.org/r?a=1&amp;b=2">Readout &lt;1&gt;</a></i>',
        (0,))]


def test_nothing_found_renders_the_plain_text() -> None:
    nothing = answer([], header="", text="Nothing is known about <Brazil>.\nDid you mean: Bahrain?")
    assert render_answer(nothing) == [Page("Nothing is known about &lt;Brazil&gt;.\nDid you mean: Bahrain?")]


def test_pages_hold_five_facts_and_count_them() -> None:
    pages = render_answer(answer([fact(n) for n in range(12)]))
    assert [p.results for p in pages] == [(0, 1, 2, 3, 4), (5, 6, 7, 8, 9), (10, 11)]
    assert [p.html.rsplit("\n", 1)[-1] for p in pages] == [
        "<i>1–5 of 12</i>", "<i>6–10 of 12</i>", "<i>11–12 of 12</i>"]
    assert all(p.html.startswith("<b>From &lt;Canada&gt;:</b>") for p in pages)


@pytest.mark.parametrize(("count", "total", "language", "footers"), [
    pytest.param(3, None, "en", [None], id="one-page-no-counter"),
    pytest.param(3, 40, "en", ["<i>1–3 of 40; narrow the question to see the rest</i>"], id="more-than-kept"),
    pytest.param(6, 9, "uk", ["<i>1–5 з 9</i>", "<i>6 з 9; уточніть питання, щоб побачити решту</i>"],
                 id="ukrainian"),
])
def test_the_counter_says_the_true_number(count: int, total: int | None, language: str,
                                          footers: list[str | None]) -> None:
    told = Answer(question="q", text="", found=True, intent="statement", header="H",
                  results=[fact(n) for n in range(count)], total=total, language=language)
    last_lines = [p.html.rsplit("\n", 1)[-1] for p in render_answer(told)]
    assert [line if re.match(r"<i>\d", line) else None for line in last_lines] == footers


def test_a_fact_longer_than_a_message_continues_on_the_next_page() -> None:
    words = " ".join(f"w{n}&" for n in range(3000))  # ~20,000 characters escaped
    pages = render_answer(answer([fact(0, words), fact(1)]))
    assert all(size(p.html) < MAX_MESSAGE for p in pages)
    assert pages[0].results == (0,) and pages[-1].results == (1,)
    shown = " ".join(p.html for p in pages)
    assert all(f"w{n}&amp;" in shown for n in (0, 1500, 2999))


def test_characters_outside_the_bmp_count_twice() -> None:
    flags = "🇺🇦" * 3000  # 12,000 UTF-16 code units
    pages = render_answer(answer([fact(0, flags)], header=""))
    assert len(pages) >= 4 and all(size(p.html) < MAX_MESSAGE for p in pages)


def test_keyboard_has_sources_of_the_page_back_and_more() -> None:
    pages = render_answer(answer([fact(n) for n in range(12)]))
    keyboard = page_keyboard("k1", pages, 1)
    assert keyboard is not None
    assert [[(b.text, b.callback_data) for b in row] for row in keyboard.inline_keyboard] == [
        [(f"source {n}", f"s:k1:{n - 1}") for n in range(6, 11)],
        [("◀ Back", "p:k1:0"), ("More ▶", "p:k1:2")],
    ]
    ukrainian = page_keyboard("k1", pages, 0, language="uk")
    assert ukrainian is not None and [b.text for b in ukrainian.inline_keyboard[-1]] == ["Ще ▶"]


def test_no_keyboard_for_plain_text() -> None:
    assert page_keyboard("k", [Page("hi")], 0) is None


def test_source_shows_the_sentence_and_link() -> None:
    assert render_source(fact(3)) == (
        "<b>Source</b>\n<blockquote>Sentence 3 &lt;as written&gt;.</blockquote>\n"
        '<i>— A &amp; B, 2025-03-02, <a href="https://example.org/r?a=1&amp;b=2">Readout &lt;1&gt;</a></i>')


@pytest.mark.parametrize(("source", "citation"), [
    pytest.param({"url": "javascript:alert(1)", "title": "x"}, "", id="no-unsafe-links"),
    pytest.param({"publisher": "P"}, "\n<i>— P</i>", id="publisher-only"),
    pytest.param({}, "", id="nothing-known"),
])
def test_citation_variants(source: dict[str, Any], citation: str) -> None:
    assert render_source(fact(1, source=source)) == (
        f"<b>Source</b>\n<blockquote>Sentence 1 &lt;as written&gt;.</blockquote>{citation}")


def test_sources_lists_each_document_once() -> None:
    pages = render_sources(answer([fact(1), fact(2)]))
    assert [p.html for p in pages] == [
        "<b>Sources</b>\n\n• Readout &lt;1&gt;\n"
        '<i>— A &amp; B, 2025-03-02, <a href="https://example.org/r?a=1&amp;b=2">Readout &lt;1&gt;</a></i>']


def test_text_splits_at_lines() -> None:
    chunks = render_text("\n".join(["<line>"] * 1000))
    assert len(chunks) == 4 and all(size(c) < MAX_MESSAGE for c in chunks)
    assert [line for c in chunks for line in c.split("\n")] == ["&lt;line&gt;"] * 1000


def test_inline_results_page_by_fifty() -> None:
    results, next_offset = inline_results(answer([fact(n) for n in range(60)]), offset=50)
    assert (len(results), next_offset) == (10, "")
    first = results[0]
    assert (first.id, first.title, first.description) == (
        "50", 'Speaker 50 said "yes" & <no>.', "A & B, 2025-03-02, Readout <1>")
    assert first.input_message_content.message_text.startswith(  # type: ignore[union-attr]
        "Speaker 50 said &quot;yes&quot; &amp; &lt;no&gt;.\n<i>— A &amp; B")
    assert inline_results(answer([fact(n) for n in range(60)]), offset=0)[1] == "50"


def test_help_and_ingest_are_escaped() -> None:
    assert render_help([("who", "Show who attended: /who <country>")], intro="Hi & welcome") == (
        "Hi &amp; welcome\n\n/who — Show who attended: /who &lt;country&gt;")
    assert render_ingest(label="a<b>.txt", status="new", counts={"statements": 2, "commitments": 0}) == (
        "<b>New</b>: a&lt;b&gt;.txt\n2 statements, 0 commitments")


def test_inline_says_when_nothing_matched() -> None:
    results, next_offset = inline_results(answer([], text="Nothing is known about <Brazil>."), offset=0)
    assert [(r.title, r.input_message_content.message_text) for r in results] == [  # type: ignore[union-attr]
        ("Nothing is known about <Brazil>.", "Nothing is known about &lt;Brazil&gt;.")]
    assert next_offset == ""
    assert inline_results(answer([], text="Nothing."), offset=50) == ([], "")


def test_a_fact_that_names_its_source_gets_only_the_link() -> None:
    cited = fact(1, "Merz: \"We stay.\" — A & B, 2 March 2025 [1]")
    assert render_answer(answer([cited], header=""))[0].html == (
        "<b>1.</b> Merz: &quot;We stay.&quot; — A &amp; B, 2 March 2025\n"
        '<i>— <a href="https://example.org/r?a=1&amp;b=2">Readout &lt;1&gt;</a></i>')


def test_a_publisher_named_by_its_short_form_counts_as_named() -> None:
    source = {**SOURCE, "publisher": "Example Times (example.org)"}
    cited = fact(1, "Merz: \"We stay.\" — Example Times", source=source)
    assert render_answer(answer([cited], header=""))[0].html.endswith(
        '— Example Times\n<i>— <a href="https://example.org/r?a=1&amp;b=2">Readout &lt;1&gt;</a></i>')


def test_ingest_reply_names_the_meeting_and_the_id_for_delete() -> None:
    assert render_ingest(label="Oslo", status="updated", counts={"statements": 1}, doc_id="ab12",
                         meeting={"name": "Nordic <summit>", "date": "2025-05-03", "place": None}) == (
        "<b>Updated</b>: Oslo\n1 statements\nMeeting: Nordic &lt;summit&gt;, 2025-05-03\n"
        "Document id: <code>ab12</code> (for /delete)")
