"""Any text gives an Extraction whose every fact points inside the text at its own sentence."""
from __future__ import annotations

import re
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extract import extract_document
from storage.records import Extraction, SourceDocument

PIECES = ["Anna Berg", "Prime Minister of Norway", "President Zelensky", "Ukraine", "Norway", "NATO",
          "the EU", " said", " told reporters", " pledged", " will deliver", " signed", " agreed to",
          " €2 billion", " 40 tanks", " by 2026", " on 3 May 2025", " in Oslo", ".", ". ", "!", "?", ",",
          "\"", "“", "”", "«", "»", "'", "’", ":", " — ", "\n", "\n\n", " ", "U.S.", "Mr.", "Dr. ",
          "Зеленський", " заявив", ", що ", "Україна", "\u200b", "\u202e", "🇺🇦", "&", "<b>", "\t"]
sentences_like = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=400) | sentences_like
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans(extraction: Extraction) -> list[tuple[str, object]]:
    """Return every fact with a sentence and offsets, the meeting included when it has them."""
    found: list[tuple[str, object]] = []
    for kind in ("attendees", "statements", "commitments", "agreements"):
        found += [(kind, fact) for fact in getattr(extraction, kind)]
    if extraction.meeting.start is not None:
        found.append(("meeting", extraction.meeting))
    return found


@SETTINGS
@given(texts, st.sampled_from(["en", "uk", None]))
def test_every_fact_points_inside_the_text_at_its_own_sentence(text: str, language: str | None) -> None:
    doc = SourceDocument(text=text, language=language, title=text[:40] or None)
    extraction = extract_document(doc)
    assert isinstance(extraction, Extraction)
    sentences = extraction.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for previous, sentence in zip(sentences, sentences[1:], strict=False):
        assert previous.end <= sentence.start
    for sentence in sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end].strip() == sentence.text
    for kind, fact in spans(extraction):
        start, end, index = fact.start, fact.end, fact.sentence  # type: ignore[attr-defined]
        assert 0 <= start <= end <= len(text), (kind, fact)
        assert index is not None and 0 <= index < len(sentences), (kind, fact)
        home = sentences[index]
        assert start < home.end and end > home.start, (kind, fact, home)  # the evidence overlaps it
        for f in fields(fact):  # type: ignore[arg-type]
            value = getattr(fact, f.name)
            assert not isinstance(value, str) or "\x00" not in value


def words(text: str) -> list[str]:
    """Return the folded words of ``text``, punctuation and quote marks dropped."""
    return [w for w in re.findall(r"\w+", text.casefold())]


@SETTINGS
@given(sentences_like)
def test_every_fact_takes_its_words_from_its_evidence(text: str) -> None:
    extraction = extract_document(SourceDocument(text=text, language="en"))
    said = [(s.text, s) for s in extraction.statements]
    done = [(c.action, c) for c in extraction.commitments]
    present = [(a.name, a) for a in extraction.attendees if a.name and not a.person_id]  # ids canonicalise
    for claimed, fact in [*said, *done, *present]:
        evidence = words(text[fact.start:fact.end])
        for word in words(claimed)[:1] + words(claimed)[-1:]:
            assert word in evidence, (word, fact, text[fact.start:fact.end])


@pytest.mark.parametrize("text", [
    pytest.param("Anna Berg said that Norway will help Ukraine " * 1000, id="40-kb-without-full-stops"),
    pytest.param("x" * 10_000, id="10-kb-one-word"),
    pytest.param(("word " * 500 + "\n") * 20, id="long-paragraphs"),
])
def test_a_run_without_sentence_ends_is_cut_into_bounded_sentences(text: str) -> None:
    from bot.extract.sentences import MAX_SENTENCE

    extraction = extract_document(SourceDocument(text=text, language="en"))
    assert extraction.sentences and all(len(s.text) <= MAX_SENTENCE for s in extraction.sentences)
    kept = "".join(s.text for s in extraction.sentences)  # hard-wrapped lines keep their breaks
    assert kept.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
        "\n", "")  # nothing lost at the cuts
