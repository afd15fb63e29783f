"""Any text, however hostile, renders to HTML Telegram accepts: allowed tags, balanced, under 4,096."""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.query.answer import Answer
from bot.render import (
    inline_results,
    render_answer,
    render_ingest,
    render_source,
    render_sources,
    render_text,
)
from tests.hostile.telegram_html import html_problems

TRICKY = ["<", ">", "&", '"', "'", "&amp;", "&lt;", "<b>", "</b>", "<a href='x'>", "\u200b", "\u200d",
          "\u202e", "\u2066", "\ufeff", "🇺🇦", "👨‍👩‍👧‍👦", "𝕏", "\n", " ", "  ", "a", "Ж", "ї", "word ", "https://x.org/?a=1&b=2"]
plain = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.just("\n"), max_size=200)
tricky = st.lists(st.sampled_from(TRICKY), max_size=80).map("".join)
long = st.builds(lambda s, n: s * n, st.sampled_from(TRICKY[:-2] + ["Макрон сказав ", "x"]),
                 st.integers(1, 2500))
texts = plain | tricky | long
facts = texts.filter(lambda t: t.strip())  # a fact always has words; only their form is hostile
urls = st.none() | st.builds(lambda t: "https://example.org/" + t, texts) | texts
sources = st.fixed_dictionaries({"title": st.none() | texts, "publisher": st.none() | texts,
                                 "published": st.none() | texts, "url": urls})
results = st.lists(st.fixed_dictionaries(
    {"type": st.just("statement"), "text": facts, "evidence": texts, "doc_id": st.text(max_size=8),
     "sentence": st.integers(0, 99), "source": sources}), max_size=25)
answers = st.builds(lambda q, t, h, r: Answer(question=q, text=t, found=bool(r), intent="statement",
                                              results=r, header=h),
                    texts, facts, texts, results)  # an Answer always says something
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_telegram_accepts(message: str) -> None:
    assert html_problems(message) == [], message[:300]


@SETTINGS
@given(answers)
def test_every_page_of_any_answer_is_valid_html_under_the_limit(answer: Answer) -> None:
    pages = render_answer(answer)
    assert pages
    for page in pages:
        assert_telegram_accepts(page.html)
        assert all(0 <= i < len(answer.results) for i in page.results)
    shown = [i for page in pages for i in page.results]
    assert shown == list(range(len(answer.results)))  # every fact on some page, in order, once


@SETTINGS
@given(answers)
def test_sources_of_any_answer_are_valid_html(answer: Answer) -> None:
    for page in render_sources(answer):
        assert_telegram_accepts(page.html)


@SETTINGS
@given(st.fixed_dictionaries({"text": texts, "evidence": texts, "source": sources}))
def test_the_source_of_any_fact_is_valid_html(result: dict[str, Any]) -> None:
    assert_telegram_accepts(render_source(result))


@SETTINGS
@given(texts)
def test_any_plain_message_is_cut_into_valid_chunks(text: str) -> None:
    chunks = render_text(text)
    for chunk in chunks:
        assert_telegram_accepts(chunk) if text.strip() else None
        assert html_problems(chunk) in ([], ["empty message"])


@SETTINGS
@given(answers)
def test_inline_results_are_valid_html(answer: Answer) -> None:
    articles, _next = inline_results(answer, offset=0)
    for article in articles:
        assert_telegram_accepts(article.input_message_content.message_text)
        assert 0 < len(article.title) <= 100


@SETTINGS
@given(texts)
def test_an_ingest_report_is_valid_html_whatever_the_file_was_called(label: str) -> None:
    assert_telegram_accepts(render_ingest(label=label, status="new", counts={"statements": 1}))
