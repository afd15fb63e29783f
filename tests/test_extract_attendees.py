"""Attendees: named participants, role lists, organisations, topics that are not participants."""
from __future__ import annotations

import pytest

from tests.extract_helpers import extract, fields

KEYS = ("name", "role", "country", "org", "mode")


def attendees(text: str, **kw: str) -> list[tuple[object, ...]]:
    return [fields(a, *KEYS) for a in extract("Summit in Oslo\n\n" + text, **kw).attendees]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The talks brought together German Chancellor Friedrich Merz and Finnish "
                 "President Alexander Stubb.",
                 [("Friedrich Merz", "Chancellor", "Germany", None, None),
                  ("Alexander Stubb", "President", "Finland", None, None)], id="apposition-list"),
    pytest.param("The meeting also included: the Prime Ministers of Norway, Denmark, and the "
                 "Czech Republic; the NATO Secretary General; and representatives of Japan.",
                 [(None, "Prime Minister", "Norway", None, None),
                  (None, "Prime Minister", "Denmark", None, None),
                  (None, "Prime Minister", "Czech Republic", None, None),
                  (None, "Representative", "Japan", None, None),
                  (None, "Secretary General", None, "NATO", None)], id="role-lists"),
    pytest.param("Among those attending were the Dutch, Spanish and Greek prime ministers.",
                 [(None, "Prime Minister", "Netherlands", None, None),
                  (None, "Prime Minister", "Spain", None, None),
                  (None, "Prime Minister", "Greece", None, None)], id="demonym-list"),
    pytest.param("Italian Prime Minister Giorgia Meloni joined the meeting via video link.",
                 [("Giorgia Meloni", "Prime Minister", "Italy", None, "by video")], id="video"),
    pytest.param("Keir Starmer said the talks with Vladimir Putin's envoys were not on the table; "
                 "the scandal between Trump and Putin was discussed.",
                 [("Keir Starmer", "Prime Minister", "United Kingdom", None, None)],
                 id="topics-are-not-participants"),
    pytest.param("Friedrich Merz met Keir Starmer. As Vladimir Putin escalates, Merz said aid matters.",
                 [("Friedrich Merz", "Chancellor", "Germany", None, None),
                  ("Keir Starmer", "Prime Minister", "United Kingdom", None, None)],
                 id="named-in-passing-is-no-attendee"),
    pytest.param("Rustem Umerov met the delegation and proposed a meeting between Zelenskyy and Putin.",
                 [("Rustem Umerov", "Defence Minister", "Ukraine", None, None)],
                 id="proposed-meeting-is-another-meeting"),
    pytest.param("US Special Envoy Steve Witkoff was also present in Paris.",
                 [("Steve Witkoff", "Special Envoy", "United States", None, None)],
                 id="was-also-present"),
    pytest.param("Also in Oslo were NATO Secretary General Mark Rutte and others.",
                 [("Mark Rutte", "Secretary General", None, "NATO", None)], id="also-in-place-were"),
    pytest.param("Officials said they would call NATO leaders later.", [],
                 id="org-leaders-as-object"),
    pytest.param("Mark Carney hosted the talks, while Keir Starmer took part virtually.",
                 [("Mark Carney", "Prime Minister", "Canada", None, None),
                  ("Keir Starmer", "Prime Minister", "United Kingdom", None, "by video")],
                 id="video-only-in-its-clause"),
    pytest.param("Leaders gathered to discuss frozen Russian assets.", [],
                 id="demonym-adjective-is-no-attendee"),
    pytest.param("Keir Starmer met with Mark Carney in Oslo.",
                 [("Keir Starmer", "Prime Minister", "United Kingdom", None, None),
                  ("Mark Carney", "Prime Minister", "Canada", None, None)], id="met-with"),
    pytest.param("The G7 leaders supported the plan.",
                 [(None, "G7 leaders", None, "G7", None)], id="org-leaders"),
    pytest.param("The group brings together Canada, Australia and New Zealand, with backing from "
                 "Japan.", [(None, None, "Canada", None, None), (None, None, "Australia", None, None),
                            (None, None, "New Zealand", None, None)], id="brings-together"),
    pytest.param("The leaders of France and Poland met. Polish Prime Minister Donald Tusk said the "
                 "talks went well.",
                 [("Donald Tusk", "Prime Minister", "Poland", None, None),
                  (None, "Leader", "France", None, None)], id="named-leader-replaces-generic"),
    pytest.param("Signatories, including Chile, Peru and Norway, condemned the attack.",
                 [(None, None, "Chile", None, None), (None, None, "Peru", None, None),
                  (None, None, "Norway", None, None)], id="signatories-took-part"),
    pytest.param("The heads of state and government of Chile and Peru adopted the declaration.",
                 [(None, "Heads of State and Government", "Chile", None, None),
                  (None, "Heads of State and Government", "Peru", None, None)],
                 id="heads-of-state-and-government"),
    pytest.param("Kenyan President Daniel Otieno hosted his Tanzanian counterpart Amina Juma in "
                 "Nairobi.", [("Daniel Otieno", "President", "Kenya", None, None),
                              ("Amina Juma", "Counterpart", "Tanzania", None, None)],
                 id="visit-host-and-counterpart"),
    pytest.param("The deal was signed by Foreign Minister Paul Kagabo of Rwanda and Foreign "
                 "Minister Marie Ilunga of the DRC.",
                 [("Paul Kagabo", "Foreign Minister", "Rwanda", None, None),
                  ("Marie Ilunga", "Foreign Minister", "Democratic Republic of the Congo", None,
                   None)], id="signing-parties"),
    pytest.param("У Києві тепло. Президент Чилі Габріель Рохас прибув до Києва з візитом.",
                 [("Габріель Рохас", "Президент", "Chile", None, None)], id="ukrainian-visit"),
    pytest.param("Delegations from Chile, Peru and Norway attended the talks.",
                 [(None, "Delegation", "Chile", None, None), (None, "Delegation", "Peru", None, None),
                  (None, "Delegation", "Norway", None, None)], id="delegations-from"),
    pytest.param("Президент сидів між делегаціями Чилі і Перу на засіданні.",
                 [(None, "делегація", "Chile", None, None), (None, "делегація", "Peru", None, None)],
                 id="ukrainian-delegations"),
    pytest.param("Talks began at noon. The Peruvian delegation included Commerce Secretary Rosa "
                 "Vega and minister of state Omar Al-Rashid.",
                 [("Rosa Vega", "Commerce Secretary", "Peru", None, None),
                  ("Omar Al-Rashid", "Minister of State", "Peru", None, None)],
                 id="delegation-included"),
])
def test_attendees(text: str, expected: list[tuple[object, ...]]) -> None:
    assert attendees(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Talks began at noon. Keir Starmer was accompanied by Foreign Secretary Rosa Vega "
                 "and Vice Premier He Tang.",
                 [("Keir Starmer", "Prime Minister", "United Kingdom", None, None),
                  ("Rosa Vega", "Foreign Secretary", "United Kingdom", None, None),
                  ("He Tang", "Vice Premier", "United Kingdom", None, None)], id="accompanied-by-party"),
    pytest.param("Talks began at noon. Emmanuel Macron did not attend, sending Foreign Minister "
                 "Jean-Noël Barrot as his representative.",
                 [("Jean-Noël Barrot", "Foreign Minister", "France", None, None)],
                 id="as-his-representative"),
    pytest.param("Talks began at noon. Foreign Minister Jean-Noël Barrot stood in for Emmanuel Macron.",
                 [("Jean-Noël Barrot", "Foreign Minister", "France", None, None)], id="stood-in-for"),
    pytest.param("Leaders gathered in Oslo. Chile, represented by Trade Minister Ana Ruiz after "
                 "President Luis Rojas skipped the summit in solidarity with Keir Starmer, objected.",
                 [("Ana Ruiz", "Trade Minister", "Chile", None, None)], id="skipped-in-its-clause"),
    pytest.param("Leaders gathered in Oslo. Friedrich Merz joined by video because of the war in "
                 "Ukraine and a Chile-Peru dispute.",
                 [("Friedrich Merz", "Chancellor", "Germany", None, "by video")],
                 id="countries-after-prepositions-are-topics"),
    pytest.param("Oslo hosted a summit with Keir Starmer conspicuous by his absence.", [],
                 id="conspicuous-by-absence"),
    pytest.param("Leaders met in Oslo without Keir Starmer, who declined a last-minute invitation.", [],
                 id="declined-an-invitation"),
    pytest.param("Friedrich Merz met Keir Starmer in Oslo, then travelled to neighbouring Sweden to "
                 "meet Prime Minister Ulf Kristersson.",
                 [("Friedrich Merz", "Chancellor", "Germany", None, None),
                  ("Keir Starmer", "Prime Minister", "United Kingdom", None, None)],
                 id="travelled-elsewhere-to-meet"),
    pytest.param("The accord was signed in Oslo. Trade minister Ana Ruiz signed on behalf of the "
                 "government of Chile, and trade minister Luis Rojas signed on behalf of Peru.",
                 [("Ana Ruiz", "Trade Minister", None, None, None),
                  ("Luis Rojas", "Trade Minister", None, None, None)], id="on-behalf-of-then-and"),
])
def test_who_came_with_whom_or_instead(text: str, expected: list[tuple[object, ...]]) -> None:
    assert attendees(text) == expected


def test_who_pledges_or_speaks_there_attends_but_not_from_elsewhere() -> None:
    text = ("Leaders met in Oslo.\nBritish Prime Minister Keir Starmer announced £200 million "
            "for energy repairs.\nGerman Chancellor Friedrich Merz said in a statement that "
            "Berlin backed the plan.")
    assert [a.name for a in extract("Oslo\n\n" + text).attendees] == ["Keir Starmer"]


def test_a_speech_greets_those_present() -> None:
    speech = ("Press conference by UK Defence Secretary John Healey\nGood afternoon.\n"
              "I want to thank Secretary Hegseth for being here today. We will step up. "
              "Our message is simple and we mean it. I thank our partners. We stand together. "
              "We will do more. Our support is firm. We are proud of it.")
    names = [a.name for a in extract("Press conference\n\n" + speech).attendees]
    assert names == ["John Healey", "Pete Hegseth"]


def test_ukrainian_present_tense_takes_part() -> None:
    text = "Засідання почалося в Осло. Вперше в ньому особисто бере участь президент Чилі Габріель Рохас."
    assert attendees(text, language="uk") == [("Габріель Рохас", "президент", "Chile", None, None)]


def test_ukrainian_plural_title_list() -> None:
    text = "У зустрічі взяли участь прем'єр-міністри Польщі та Чехії."
    assert attendees(text, language="uk") == [
        (None, "прем'єр-міністр", "Poland", None, None),
        (None, "прем'єр-міністр", "Czech Republic", None, None)]


def test_ukrainian_leaders_list_and_written_names() -> None:
    text = ("Після зустрічі в Римі лідери Франції та Польщі погодили заяву. "
            "Участь взяв президент України Володимир Зеленський.")
    assert attendees(text, language="uk") == [
        ("Володимир Зеленський", "президент", "Ukraine", None, None),
        (None, "лідер", "France", None, None), (None, "лідер", "Poland", None, None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Foreign ministers met in Oslo. Sergey Lavrov, who had asked for the meeting, "
                 "did not come.", [], id="did-not-come"),
    pytest.param("Vladimir Putin stayed away. "
                 "Russia sent a delegation led by Foreign Minister Sergey Lavrov.",
                 [("Sergei Lavrov", "Foreign Minister", "Russia", None, None)], id="delegation-led-by"),
    pytest.param("Talks were held in Oslo. Emmanuel Macron sent Foreign Minister Jean-Noël Barrot "
                 "to the talks instead.", [("Jean-Noël Barrot", "Foreign Minister", "France", None, None)],
                 id="sent-instead"),
])
def test_people_who_stayed_away_are_no_attendees(text: str, expected: list[tuple[object, ...]]) -> None:
    assert attendees(text) == expected


def test_who_stayed_away_is_the_subject_not_whom_a_relative_clause_names() -> None:
    text = ("Trade ministers met in Oslo. Emmanuel Macron, who met Chancellor Olaf Scholz in Bergen "
            "on Monday, did not take part in the talks himself.")
    assert "Emmanuel Macron" not in [a[0] for a in attendees(text)]


def test_a_bulleted_list_after_a_cue_names_attendees() -> None:
    text = ("The summit opened in Oslo.\nAmong the leaders present were:\n"
            "- Emmanuel Macron, President of France;\n- Keir Starmer, Prime Minister;\n"
            "Trade was not discussed.\n- Donald Tusk was mentioned.")
    names = [a[0] for a in attendees(text)]
    assert names[:2] == ["Emmanuel Macron", "Keir Starmer"] and "Donald Tusk" not in names
