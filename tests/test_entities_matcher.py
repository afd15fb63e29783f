"""Finding entity mentions in questions and sentences (bot/entities/matcher.py via find_mentions)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.entities import EntityIndex
from bot.entities.matcher import AliasTable


@pytest.fixture(scope="module")
def idx() -> EntityIndex:
    return EntityIndex.default()


def found(idx: EntityIndex, text: str, **kw: object) -> list[tuple[str, str]]:
    return [(m.text, m.entity.name) for m in idx.find_mentions(text, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("What did Merz say in Paris?", [("Merz", "Friedrich Merz"), ("Paris", "Paris")],
                 id="merz-said"),
    pytest.param("what did mertz say", [("mertz", "Friedrich Merz")], id="typo-lowercase"),
    pytest.param("Did Zelenksy meet the Canadian PM?",
                 [("Zelenksy", "Volodymyr Zelenskyy"), ("Canadian", "Canada")], id="typo-and-demonym"),
    pytest.param("Zelenskyy’s visit to the White House",
                 [("Zelenskyy", "Volodymyr Zelenskyy"), ("the White House", "Washington")],
                 id="possessive-and-venue"),
    pytest.param("what did the timorese pm say", [("timorese", "Timor-Leste")], id="demonym-of-timor-leste"),
    pytest.param("Is Niger the same as Nigeria?", [("Niger", "Niger"), ("Nigeria", "Nigeria")],
                 id="niger-is-not-nigeria"),
    pytest.param("Prime Minister of the United Kingdom Keir Starmer",
                 [("United Kingdom", "United Kingdom"), ("Keir Starmer", "Keir Starmer")],
                 id="longest-phrase"),
    pytest.param("U.S.-led talks with the UK and the EU",
                 [("U.S.", "United States"), ("the UK", "United Kingdom"), ("the EU", "European Union")],
                 id="codes-in-capitals"),
    pytest.param("Tell us what it is in Rome", [("Rome", "Rome")], id="words-that-are-codes"),
    pytest.param("Що сказав Зеленський у Римі?",
                 [("Зеленський", "Volodymyr Zelenskyy"), ("Римі", "Rome")], id="uk-question"),
    pytest.param("зустріч лідерів Коаліції охочих у Парижі",
                 [("Коаліції охочих", "Coalition of the Willing"), ("Парижі", "Paris")],
                 id="uk-coalition-in-paris"),
    pytest.param("Прем'єр-міністр Канади Марк Карні",
                 [("Канади", "Canada"), ("Марк Карні", "Mark Carney")], id="uk-carney"),
    pytest.param("the Ramstein format met at Ramstein",
                 [("Ramstein format", "Ukraine Defense Contact Group"), ("Ramstein", "Ramstein")],
                 id="ramstein-org-and-place"),
    pytest.param("the store said nothing", [], id="common-word-lowercase"),
    pytest.param("IRIS-T and Patriot systems", [], id="weapon-names-are-not-fuzzy-countries"),
    pytest.param("The Ukraine Defense Contact Group met",
                 [("Ukraine Defense Contact Group", "Ukraine Defense Contact Group")],
                 id="longest-wins-over-earlier-start"),
    pytest.param("Then Støre and Costa spoke", [("Støre", "Jonas Gahr Støre"), ("Costa", "António Costa")],
                 id="common-word-capitalised-is-a-name"),
    pytest.param("what was said at the meeting about the summit pledge", [], id="stop-words"),
    pytest.param("Envoys of the Democratic Republic of the Congo met",
                 [("Democratic Republic of the Congo", "Democratic Republic of the Congo")],
                 id="five-word-name-not-its-tail"),
    pytest.param("Republic of the Congo and Angola",
                 [("Republic of the Congo", "Republic of the Congo"), ("Angola", "Angola")],
                 id="the-shorter-name-alone"),
])
def test_find_mentions(idx: EntityIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(idx, text) == expected


def test_offsets_point_into_the_text(idx: EntityIndex) -> None:
    text = "Talks in Kyiv with Sybiha and Rubio."
    for m in idx.find_mentions(text):
        assert text[m.start:m.end] == m.text


def test_kinds_filter(idx: EntityIndex) -> None:
    text = "Macron hosted Starmer in Paris for France"
    assert found(idx, text, kinds=("country",)) == [("France", "France")]
    assert [n for _, n in found(idx, text, kinds=("person",))] == ["Emmanuel Macron", "Keir Starmer"]


def test_ambiguous_mention_keeps_alternatives(idx: EntityIndex) -> None:
    (mention,) = idx.find_mentions("Kushner arrived")
    names = {mention.entity.name, *(e.name for e in mention.alternatives)}
    assert names == {"Jared Kushner", "Charles Kushner"}


def test_exact_match_scores_higher_than_fuzzy(idx: EntityIndex) -> None:
    exact, fuzzy = idx.find_mentions("Merz and Zelenksy")
    assert exact.score == 100.0 and 80.0 <= fuzzy.score < 100.0


@pytest.mark.parametrize("text", [
    pytest.param("x" * 200_000, id="very-long-word"),
    pytest.param("Merz " * 20_000, id="very-long-text"),
    pytest.param('"NATO" OR Merz* NEAR(a b) AND -"x"', id="fts-syntax"),
    pytest.param("'; DROP TABLE entities; --", id="sql-injection"),
    pytest.param("🇺🇦 Zelenskyy 🤝 Trump 🇺🇸", id="emoji"),
    pytest.param("Zel\u200benskyy\u200d met \ufeffMerz\u2060", id="zero-width"),
    pytest.param("\x00\x01\x02 Merz \udcff", id="control-and-surrogate"),
    pytest.param("", id="empty"),
    pytest.param("   \n\t ", id="whitespace"),
    pytest.param("ـــ ܐ ꙮ ⅫⅬ ß ǅ", id="odd-scripts"),
])
def test_hostile_input_never_raises(idx: EntityIndex, text: str) -> None:
    for m in idx.find_mentions(text):
        assert text[m.start:m.end] == m.text
    idx.person(text)
    idx.country(text)
    idx.suggest(text[:200])


def test_zero_width_characters_do_not_split_names(idx: EntityIndex) -> None:
    assert [n for _, n in found(idx, "Zel\u200benskyy met Merz")] == [
        "Volodymyr Zelenskyy", "Friedrich Merz"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_consistent_offsets(text: str) -> None:
    idx = EntityIndex.default()
    mentions = idx.find_mentions(text)
    ends = [m.end for m in mentions]
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert ends == sorted(ends)


@pytest.mark.parametrize("text", [
    pytest.param("a sudden benign reunion in the parish", id="words-near-country-names"),
    pytest.param("on the brink, cleverly borne", id="words-that-are-surnames"),
])
def test_common_words_near_names_are_not_mentions(idx: EntityIndex, text: str) -> None:
    assert found(idx, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Volodimir Zelensky spoke", [("Volodimir Zelensky", "Volodymyr Zelenskyy")],
                 id="misspelt-given-name"),
    pytest.param("Marc Rutte spoke", [("Marc Rutte", "Mark Rutte")], id="given-name-one-letter-off"),
    pytest.param("they will Blair said", [("Blair", "Bill Blair")], id="common-word-is-no-given-name"),
    pytest.param("Minister Pistorius", [("Pistorius", "Boris Pistorius")], id="title-is-no-given-name"),
])
def test_surname_takes_in_a_misspelt_given_name(idx: EntityIndex, text: str,
                                                expected: list[tuple[str, str]]) -> None:
    assert found(idx, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("leaders from Latin America and America", [("America", "United States")],
                 id="latin-america-is-no-country"),
    pytest.param("New Mexico and Mexico", [("Mexico", "Mexico")], id="new-mexico"),
    pytest.param("told the Washington Post in Washington",
                 [("the Washington Post", "Washington Post"), ("Washington", "Washington")],
                 id="newspaper-is-no-place"),
])
def test_phrases_that_hide_names(idx: EntityIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(idx, text) == expected


def test_a_remembered_fuzzy_miss_is_forgotten_when_an_alias_is_added() -> None:
    table = AliasTable()
    table.add("Makstromas", "jonas-makstromas")
    assert table.fuzzy("makstromos") is not None and table.fuzzy("vesarstrum") is None
    table.add("Vesarstrom", "ana-vesarstrom")  # a new name: the remembered miss must not hide it
    found = table.fuzzy("vesarstrum")
    assert found is not None and found[0] == "vesarstrom"
