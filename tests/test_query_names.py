"""Name expressions: every alias searched once, phrases a shorter alias already finds left out."""
from __future__ import annotations

import random

import pytest

from bot.entities import Entity, EntityIndex
from bot.query.names import NameTerms, may_name, name_terms, office_terms, text_words, word_terms
from bot.query.periods import MeetingNames


def _country(*aliases: str) -> Entity:
    return Entity(id="netherlands", kind="country", name=aliases[0], aliases=tuple(aliases[1:]))


def test_a_phrase_holding_a_searched_word_is_not_searched_again() -> None:
    terms = name_terms(_country("Netherlands", "Kingdom of the Netherlands", "Dutch"))
    assert terms.expr == '"netherlands" OR "dutch"'
    # ... but it still names the country when a sentence is checked word by word.
    assert terms.in_text("The Kingdom of the Netherlands sent jets.")


def test_a_longer_prefix_is_covered_by_a_shorter_one() -> None:
    terms = name_terms(_country("Британія", "Британська держава", "Сполучене Королівство"))
    assert terms.expr is not None
    assert '"британськ"*' not in terms.expr and '"британ"*' in terms.expr
    assert '"сполучене" + "королівств"*' in terms.expr  # no shorter alias covers it


@pytest.mark.parametrize(("aliases", "kept"), [
    pytest.param(("Poland", "Republic of Poland"), ['"poland"'], id="phrase-with-alias-word"),
    pytest.param(("Weimar Triangle",), ['"weimar" + "triangle"'], id="lone-phrase-kept"),
    pytest.param(("Estonia", "Estonian"), ['"estonia"', '"estonian"'], id="exact-words-both-kept"),
])
def test_searched_alternatives(aliases: tuple[str, ...], kept: list[str]) -> None:
    kind = "org" if len(aliases) == 1 else "country"
    entity = Entity(id="x", kind=kind, name=aliases[0], aliases=aliases[1:])
    assert name_terms(entity).expr == " OR ".join(kept)


def test_first_words_are_the_words_that_can_begin_a_mention() -> None:
    aliases = ("Естонія", "Republic of Estonia")
    terms = name_terms(Entity(id="x", kind="country", name="Estonia", aliases=aliases))
    vocabulary = sorted({"estonia", "estonian", "естонія", "естонії", "republic", "talks", "естонськ"})
    first = terms.first_words(vocabulary)
    assert first is not None and {"estonia", "естонія", "естонії"} <= first and "talks" not in first
    for text in ("Talks in Tallinn.", "The Republic of Estonia spoke.", "Делегація Естонії прибула."):
        words = text_words(text)
        # A sentence with none of the first words never names the entity.
        assert terms.in_text(text) <= (not first.isdisjoint(words))


def test_texts_that_may_name_an_entity_include_every_text_that_names_it() -> None:
    estonia = name_terms(Entity(id="x", kind="country", name="Estonia",
                                aliases=("Естонія", "Eesti Vabariik")))
    office = office_terms([], word_terms(["defence minister"], label="office"),
                          word_terms(["Latvia"], label="lv"), label="the Latvian defence minister")
    texts = ["Talks in Tallinn went on late.", "Estonia’s envoy — calm — spoke.", "ESTONIAN troops arrived.",
             "The Eesti Vabariik sent aid.", "Делегація Естонії прибула.", "Tõnis met the press in Pärnu.",
             "Latvia's defence minister spoke.", "The minister of Latvia spoke.", "Nothing to see.", ""]
    for terms in ([estonia], [office], [estonia, office], []):
        found = may_name(terms, texts)
        named = [any(t.in_text(text) for t in terms) for text in texts]
        assert all(f for f, n in zip(found, named, strict=True) if n)  # never loses a mention
    assert may_name([estonia], texts)[:4] == [False, True, True, True]
    assert may_name([estonia], texts)[4:6] == [True, True]  # not plain ASCII: tested word by word
    assert may_name([office], texts)[6:10] == [True, False, False, False]
    # A variant with no first word to look for: every text may name it.
    assert may_name([NameTerms(label="odd", expr=None, variants=(("*",),))], ["x y"]) == [True]
    # Too many words to look for through every text: each is split into words instead.
    many = word_terms([" ".join(f"w{i}" for i in range(3))], label="many")
    crowd = [NameTerms(label=f"n{i}", expr=None, variants=((f"name{i}",),)) for i in range(50)]
    assert may_name([many, *crowd], ["Nothing to see."]) == [True]


def test_may_name_never_loses_a_mention_of_a_known_entity() -> None:
    index = EntityIndex.default()
    entities = [e for kind in ("country", "person", "org") for e in index.entities(kind)][::7][:120]
    rng = random.Random(5)
    joins = [" ", ", ", " — ", "’s ", "-", " (", "\u00a0", "'"]
    for entity in entities:
        terms = name_terms(entity)
        aliases = [entity.name, *entity.aliases]
        texts = []
        for _ in range(6):
            words = ["Talks", "on", "aid", rng.choice(aliases), "said", "the", "envoy"]
            rng.shuffle(words)
            text = "".join(w + rng.choice(joins) for w in words)
            texts.append(text.upper() if rng.random() < 0.2 else text)
        found = may_name([terms], texts)
        assert all(f for f, text in zip(found, texts, strict=True) if terms.in_text(text)), entity.name


def test_meetings_naming_a_place_are_found_as_a_word_by_word_check_finds_them() -> None:
    meetings = [(f"d{i}", n) for i, n in enumerate([
        "Weimar Triangle meets in Zürich", "Coalition of the Willing, Київ", "Nordic-Baltic Eight Tallinn",
        "drone coalition meets in Zurichberg", "G7 leaders, Kyiv", "energy ministers' group meets in Rome",
        "Ukraine Defense Contact Group", "Ramstein format, Zurich", "Weimar Triangle in GIESSEN",
        "Weimar Triangle in Gießen"])]
    index = EntityIndex.default()
    kyiv = index.resolve("Kyiv", "place")
    assert kyiv is not None
    weimar = word_terms(["Weimar Triangle"], label="Weimar Triangle")
    for names in ([word_terms(["Zurich"], label="Zurich")], [name_terms(kyiv)],
                  [word_terms(["Giessen"], label="Giessen")],
                  [weimar, word_terms(["Rome"], label="Rome")], [word_terms(["Lisbon"], label="Lisbon")]):
        expected = [d for d, n in meetings if any(t.in_text(n) for t in names)]
        assert MeetingNames(meetings).naming(names) == expected
        assert expected or names[0].label == "Lisbon"  # the others name some meetings


def test_meetings_whose_names_hold_every_word_asked() -> None:
    meetings = MeetingNames([("a", "Joint Expeditionary Force meets in Oslo"),
                             ("b", "drone coalition meets in Oslo"), ("c", "Joint Expeditionary Force"),
                             ("d", "joint statement on force posture")])
    words = [word_terms([w], label=w) for w in ("joint", "expeditionary", "force")]
    assert meetings.naming_all(words) == ["a", "c"]
    assert meetings.naming_all([word_terms(["coalition"], label="c")]) == ["b"]


def test_a_short_surname_is_searched_with_the_given_name() -> None:
    # "Dar" alone would find every "dar" in a text; dropping the person found nothing at all.
    person = Entity(id="p", kind="person", name="Omar Dar", aliases=("Omar Dar",))
    terms = name_terms(person)
    assert terms.expr is not None and '"omar"' in terms.expr
    assert terms.in_text("Foreign Minister Omar Dar said the talks would go on.")
    assert not terms.in_text("The dar of the village spoke first.")
    long_surname = name_terms(Entity(id="q", kind="person", name="Anna Lindqvist", aliases=()))
    assert long_surname.in_text("Lindqvist said so.")  # a long one is searched alone


@pytest.mark.parametrize(("text", "named"), [
    pytest.param("The Dutch minister spoke.", True, id="latin-word"),
    pytest.param("Міністр Нідерландів виступив.", True, id="cyrillic-stem"),
    pytest.param("Делегація Dutch прибула.", True, id="latin-word-in-cyrillic-text"),
    pytest.param("The Нідерландам delegation came.", True, id="cyrillic-word-in-latin-text"),
    pytest.param("The Danish minister spoke.", False, id="neither"),
])
def test_names_are_found_in_either_script(text: str, named: bool) -> None:
    terms = name_terms(_country("Netherlands", "Dutch", "Нідерланди"))
    assert terms.in_text(text) is named
