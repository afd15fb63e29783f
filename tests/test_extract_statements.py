"""Statements: quotes, reported speech, inverted attribution, roles, pronouns, unknown."""
from __future__ import annotations

import pytest

from tests.extract_helpers import extract, fields

KEYS = ("speaker", "attribution", "quote", "verb", "text")


def statements(text: str, **kw: str) -> list[tuple[object, ...]]:
    return [fields(s, *KEYS) for s in extract("Talks in Oslo\n\n" + text, **kw).statements]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("“Aid must keep flowing to the front,” Macron said.",
                 [("Emmanuel Macron", "name", True, "said", "Aid must keep flowing to the front")],
                 id="quote-then-name-said"),
    pytest.param("“Aid must keep flowing to the front,” said Keir Starmer.",
                 [("Keir Starmer", "name", True, "said", "Aid must keep flowing to the front")],
                 id="quote-said-name"),
    pytest.param("Friedrich Merz stressed that a ceasefire must come first.",
                 [("Friedrich Merz", "name", False, "stressed",
                   "Friedrich Merz stressed that a ceasefire must come first.")],
                 id="reported-stressed"),
    pytest.param("According to Mark Rutte, allies will do more.",
                 [("Mark Rutte", "name", False, "according to",
                   "According to Mark Rutte, allies will do more.")], id="according-to"),
    pytest.param("Donald Tusk spoke first. He warned that Europe must rearm quickly.",
                 [("Donald Tusk", "pronoun", False, "warned",
                   "He warned that Europe must rearm quickly.")], id="pronoun-he"),
    pytest.param("Donald Tusk said the talks went well. “We are ready to help with the plan.”",
                 [("Donald Tusk", "name", False, "said",
                   "Donald Tusk said the talks went well. We are ready to help with the plan.")],
                 id="quote-continues-in-paragraph"),
    pytest.param("“We want peace in Europe,” Tusk said.\n“Nobody else will bring it to us soon.”",
                 [("Donald Tusk", "name", True, "said", "We want peace in Europe"),
                  ("Donald Tusk", "context", True, None,
                   "Nobody else will bring it to us soon.")], id="quote-next-paragraph"),
    pytest.param("“The border will stay open for all the aid convoys.”",
                 [(None, "unknown", True, None, "The border will stay open for all the aid convoys.")],
                 id="unattributed-quote"),
    pytest.param("The French President said Europe must stand together.",
                 [("French President Emmanuel Macron", "role", False, "said",
                   "The French President said Europe must stand together.")],
                 id="role-with-country-on-date"),
    pytest.param("Mark Carney opened the summit. The Canadian leader said: “We stand united "
                 "with Kyiv.”", [("Mark Carney", "role", True, "said", "We stand united with Kyiv.")],
                 id="role-noun-refers-back"),
    pytest.param("Giorgia Meloni and Friedrich Merz recalled the rebuilding after the war.",
                 [("Giorgia Meloni", "name", False, "recalled",
                   "Giorgia Meloni and Friedrich Merz recalled the rebuilding after the war."),
                  ("Friedrich Merz", "name", False, "recalled",
                   "Giorgia Meloni and Friedrich Merz recalled the rebuilding after the war.")],
                 id="two-speakers"),
    pytest.param("Merz said the talks opened the way, but underlined that a truce comes first.",
                 [("Friedrich Merz", "name", False, "said",
                   "Merz said the talks opened the way, but underlined that a truce comes first.")],
                 id="one-statement-per-sentence"),
    pytest.param("The Office of the President of Ukraine noted that new talks are planned.",
                 [("Office of the President of Ukraine", "name", False, "noted",
                   "The Office of the President of Ukraine noted that new talks are planned.")],
                 id="organisation-speaker"),
    pytest.param("The United States of America sent no delegation.", [], id="states-is-not-a-verb"),
    pytest.param("The deal is said to be close.", [], id="passive-said"),
    pytest.param("10:20 - Chancellor Olaf Scholz recalls that Germany is sending air defence.",
                 [("Olaf Scholz", "name", False, "recalls",
                   "10:20 - Chancellor Olaf Scholz recalls that Germany is sending air defence.")],
                 id="live-blog-present-tense"),
    pytest.param("The Nordic prime ministers condemned the strikes on Kyiv.",
                 [("Nordic prime ministers", "name", False, "condemned",
                   "The Nordic prime ministers condemned the strikes on Kyiv.")],
                 id="plural-title-is-a-group"),
    pytest.param("European leaders, among them Friedrich Merz and Keir Starmer, said talks must go on.",
                 [("European leaders", "name", False, "said",
                   "European leaders, among them Friedrich Merz and Keir Starmer, said talks must "
                   "go on.")], id="group-with-apposition"),
    pytest.param("He warned that talks had failed, and said he had not allowed any signing.",
                 [], id="no-speaker-from-the-reported-clause"),
    pytest.param("Zelenskyy: Europe needs more air defence now",
                 [("Volodymyr Zelenskyy", "name", False, ":", "Europe needs more air defence now")],
                 id="headline-name-colon"),
    pytest.param("A senior EU official, speaking on condition of anonymity, said talks would resume.",
                 [("senior EU official", "role", False, "said",
                   "A senior EU official, speaking on condition of anonymity, said talks would "
                   "resume.")], id="described-speaker"),
    pytest.param("Mark Carney hosted the talks. Denys Shmyhal thanked partners. He said more air "
                 "defence is needed.", [("Denys Shmyhal", "pronoun", False, "said",
                                         "He said more air defence is needed.")],
                 id="pronoun-is-the-last-subject"),
])
def test_statements(text: str, expected: list[tuple[object, ...]]) -> None:
    assert statements(text) == expected


def test_head_of_state_is_the_president_the_readout_is_about() -> None:
    text = ("President Volodymyr Zelenskyy met partners in Kyiv.\n"
            "“Our air defence needs are urgent,” the Head of State emphasized.")
    assert statements(text) == [("Volodymyr Zelenskyy", "role", True, "emphasized",
                                 "Our air defence needs are urgent")]


def test_head_of_state_is_the_president_named_most() -> None:
    text = ("President Volodymyr Zelenskyy arrived in Paris. Zelenskyy met partners.\n"
            "President Emmanuel Macron hosted the meeting.\n"
            "The Head of State emphasized that Ukraine needs air defence.")
    statement = extract("Meeting\n\n" + text).statements[-1]
    assert fields(statement, "speaker", "attribution") == ("Volodymyr Zelenskyy", "role")


def test_head_of_state_on_a_government_site_is_its_head() -> None:
    text = ("Emmanuel Macron opened the meeting in Paris.\n"
            "The Head of State emphasized that Ukraine needs air defence.")
    [*_, statement] = extract("Coalition meeting\n\n" + text, published="2025-09-04",
                              url="https://www.president.gov.ua/en/news/x").statements
    assert fields(statement, "speaker", "attribution") == ("Volodymyr Zelenskyy", "role")


def test_ukrainian_inflected_name_is_named_in_the_nominative() -> None:
    text = "Зеленський зустрівся з Фрідріхом Мерцом. За словами Мерца, допомога зросте."
    statements = extract("Зустріч\n\n" + text, language="uk").statements
    assert [s.speaker for s in statements] == ["Фрідріх Мерц"]


def test_ukrainian_speaker_keeps_the_text_spelling() -> None:
    text = "Таку заяву зробила премʼєр-міністр Італії Джорджа Мелоні."
    [statement] = extract("Конференція\n\n" + text, language="uk").statements
    assert fields(statement, "speaker", "person_id", "speaker_country") == (
        "Джорджа Мелоні", "giorgia-meloni", "Italy")


def test_ukrainian_present_tense_speaker_after_the_verb() -> None:
    text = "Канада виділить 2 мільярди доларів, каже прем'єр-міністр Канади Марк Карні."
    [statement] = extract("Зустріч\n\n" + text, language="uk").statements
    assert fields(statement, "speaker", "person_id", "verb") == ("Марк Карні", "mark-carney", "каже")


def test_post_signature_attributes_the_text_above() -> None:
    text = ("Today we opened a new fund for the rebuilding of schools.\n"
            "— Yulia Svyrydenko (@Svyrydenko_Y) May 3, 2025")
    assert statements(text) == [("Yulia Svyrydenko", "name", True, None,
                                 "Today we opened a new fund for the rebuilding of schools.")]


def test_an_interview_answer_is_one_statement_and_its_we_is_the_speakers_country() -> None:
    from tests.extract_helpers import extract

    text = ("Interview with the Norwegian prime minister\n\n"
            "Q: Will Norway send more?\n\n"
            "Jonas Gahr Støre: Yes. Norway will keep its fund. We could provide more if others join.\n\n"
            "Q: And the ships?\n")
    ex = extract(text)
    [answer] = ex.statements
    assert answer.speaker == "Jonas Gahr Støre" and answer.text.endswith("if others join.")
    assert [c.actor for c in ex.commitments] == ["Norway", "Norway"]


def test_a_question_put_and_a_charge_made_are_statements() -> None:
    from tests.extract_helpers import extract

    text = ("Talks in Oslo\n\n"
            "Foreign Minister Espen Barth Eide accused Moscow of stalling. "
            "“Where is your answer?” Espen Barth Eide asked. He asked partners to stay united.")
    ex = extract(text)
    assert [s.speaker for s in ex.statements][:2] == ["Espen Barth Eide", "Espen Barth Eide"]


def speakers_of(text: str) -> list[tuple[object, ...]]:
    return [(s.speaker, s.verb) for s in extract("Talks in Oslo\n\n" + text).statements]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("In her address, the head of the Chilean delegation, Ana Fuentes, called for "
                 "a ceasefire.", [("Ana Fuentes", "called for")], id="name-between-commas"),
    pytest.param("Tomas Lind, the Swedish ambassador to Austria, urged allies to send more.",
                 [("Tomas Lind", "urged")], id="name-then-title-between-commas"),
    pytest.param("Delegations, including Chile and Peru, condemned Russia's strikes on Kharkiv.",
                 [("Delegations", "condemned")], id="object-of-condemned-is-no-speaker"),
    pytest.param("The signatories, among them Chile and Peru, urged Moscow to withdraw.",
                 [("signatories", "urged")], id="signatories-speak"),
    pytest.param("Western diplomatic circles reported that the talks went well.",
                 [("Western diplomatic circles", "reported")], id="diplomatic-circles"),
    pytest.param("Envoys said the text should be shaped according to the wishes of the hosts.",
                 [("Envoys", "said")], id="according-to-wishes-is-no-speaker"),
    pytest.param("Defense Secretary Pete Hegseth opened the session. Later Hegseth said the "
                 "allies were united.", [("Pete Hegseth", "said")], id="surname-after-full-name"),
    pytest.param("Army chief Marcus T. Hale Jr. visited the base. “We are ready,” Hale said.",
                 [("Marcus T. Hale Jr.", "said")], id="surname-to-name-with-initial-and-suffix"),
    pytest.param("У своїй промові він запевнив, що союзники допоможуть.", [],
                 id="uk-framed-pronoun-without-antecedent"),
    pytest.param("Міністр оборони Німеччини Борис Пісторіус прибув до Риги. У своїй промові він "
                 "запевнив, що Німеччина допоможе.", [("Борис Пісторіус", "запевнив")],
                 id="uk-framed-pronoun"),
    pytest.param("On 3 April 2023 Secretary General Jens Stoltenberg opened the meeting. The NATO "
                 "Secretary General stressed that allies stand united.",
                 [("NATO Secretary General Jens Stoltenberg", "stressed")],
                 id="title-of-org-is-the-one-named-before"),
    pytest.param("Marco Rubio spoke about the need for a ceasefire.", [("Marco Rubio", "spoke about")],
                 id="spoke-about"),
    pytest.param("Kaja Kallas cautioned that the talks could fail.", [("Kaja Kallas", "cautioned")],
                 id="cautioned"),
    pytest.param("Марко Рубіо пояснив, що переговори тривають.", [("Марко Рубіо", "пояснив")],
                 id="uk-poiasnyv"),
    pytest.param("Марко Рубіо зауважив, що переговори тривають.", [("Марко Рубіо", "зауважив")],
                 id="uk-zauvazhyv"),
    pytest.param("According to the state broadcaster, Lena Vogt, speaking on the radio, hours after "
                 "the vote, said that the border would reopen.", [("Lena Vogt", "said")],
                 id="speaker-behind-asides-not-the-cited-channel"),
    pytest.param("The forum, meeting in Lisbon, stressed the value of open trade.", [],
                 id="thing-behind-an-aside-is-no-speaker"),
    pytest.param("За словами агентства, Марко Рубіо заявив, що кордон відкриють.",
                 [("Марко Рубіо", "заявив")], id="uk-speaker-not-the-cited-channel"),
])
def test_speakers_in_less_common_forms(text: str, expected: list[tuple[object, ...]]) -> None:
    assert speakers_of(text) == expected


def test_we_of_a_leaders_statement_is_its_authors() -> None:
    text = ("Baltic Leaders' Statement on Energy Links\n\nThe leaders met in Riga on 2 May 2026. "
            "We condemn the damage to the power cables.")
    assert [(s.speaker, s.verb) for s in extract(text).statements] == [("Baltic Leaders", "condemn")]
    assert [(a.title, a.parties) for a in extract(text).agreements] == [
        ("Baltic Leaders' Statement on Energy Links", ("Baltic Leaders",))]


def test_press_conference_turns_are_their_speakers() -> None:
    text = ("Press conference by the Prime Minister of Norway and the President of Finland\n\n"
            "PRIME MINISTER STORE: Norway will provide 200 million crowns for the grid.\n\n"
            "Q: When?\n\nPRESIDENT STUBB: Finland is ready to send engineers.")
    found = extract(text)
    assert [s.speaker for s in found.statements] == ["Jonas Gahr Støre", "Alexander Stubb"]
    assert [(c.actor, c.kind) for c in found.commitments] == [("Norway", "pledge"),
                                                               ("Finland", "ready")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The Bergen Charter was adopted on Friday. The charter stressed that fishing "
                 "quotas must fall.", [("Bergen Charter", "stressed")], id="the-charter-named-before"),
    pytest.param("Ports must stay open, a joint communiqué issued after the talks of the ministers "
                 "has said.", [("joint communiqué", "said")], id="document-issued-after-talks"),
    pytest.param("“Ports must stay open to all ships,” said the Bergen Communiqué adopted by the "
                 "ministers.", [("Bergen Communiqué", "said")], id="quote-said-the-named-document"),
    pytest.param("The ministers met in Bergen, where their joint statement called for open ports.",
                 [("joint statement", "called for")], id="where-its-statement-called-for"),
    pytest.param("Спільна заява наголошує, що порти мають бути відкриті.",
                 [("спільна заява", "наголошує")], id="uk-joint-statement-speaks"),
    pytest.param("У спільній заяві йдеться, що порти мають бути відкриті.",
                 [("спільна заява", "йдеться")], id="uk-impersonal-in-the-statement"),
    pytest.param("У цій декларації наголошується, що торгівля важлива.",
                 [("декларація", "наголошується")], id="uk-impersonal-in-this-declaration"),
    pytest.param("Йдеться про нові порти для рибалок.", [], id="uk-impersonal-without-a-document"),
    pytest.param("Anna Berg said the declaration was a good start.", [("Anna Berg", "said")],
                 id="a-document-spoken-about-is-no-speaker"),
    pytest.param("“Ports must stay open to every ship,” the joint communiqué said.",
                 [("joint communiqué", "said")], id="quote-then-the-document-said"),
])
def test_documents_speak(text: str, expected: list[tuple[object, ...]]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Anna Berg called the accord “a turning point for the north”.",
                 [("Anna Berg", "called")], id="called-the-accord-a-name"),
    pytest.param("Anna Berg called it a turning point.", [("Anna Berg", "called")],
                 id="called-it-a-name"),
    pytest.param("Anna Berg called Tomas Lind on Monday.", [], id="a-phone-call-is-no-speech"),
    pytest.param("Anna Berg called for calm.", [("Anna Berg", "called for")], id="called-for"),
    pytest.param("Anna Berg expressed confidence that the port will open.",
                 [("Anna Berg", "expressed")], id="expressed-confidence"),
    pytest.param("Anna Berg, the Maltese prime minister, announced at the summit in Oslo that Malta "
                 "would build a port.", [("Anna Berg", "announced")], id="announced-words-apart-that"),
    pytest.param("The council announced a new fund for ports.", [], id="announced-a-thing-is-no-speech"),
    pytest.param("Norway — represented by its trade minister after the king stayed home — said it "
                 "would not sign.", [("Norway", "said")], id="subject-before-an-aside-in-dashes"),
    pytest.param("Норвегія — її представляв міністр торгівлі — заявила, що не підпише угоду.",
                 [("Norway", "заявила")], id="uk-subject-before-an-aside-in-dashes"),
    pytest.param("Norway and Malta announced that the port would open in May, the agency reported.",
                 [("Norway and Malta", "announced that")], id="the-reporting-outlet-is-a-channel"),
    pytest.param("The port will open in May, Reuters reported.", [("Reuters", "reported")],
                 id="an-outlet-alone-is-the-source"),
    pytest.param("Nordic ministers demanded a fairer deal on fishing.",
                 [("Nordic ministers", "demanded")], id="demanded"),
    pytest.param("Keir Starmer called on Oslo to reopen the port.", [("Keir Starmer", "called on")],
                 id="called-on-names-whom-not-who"),
    pytest.param("Keir Starmer skipped the dinner, citing a cold.", [("Keir Starmer", "citing")],
                 id="citing-a-reason"),
    pytest.param("Марко Рубіо висловив впевненість, що порт відкриють.",
                 [("Марко Рубіо", "висловив")], id="uk-vyslovyv"),
])
def test_verbs_that_report_with_an_object(text: str, expected: list[tuple[object, ...]]) -> None:
    assert speakers_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Keir Starmer told reporters on Monday:\n“The port will open in May and stay open "
                 "all winter.”", [("Keir Starmer", "told", "The port will open in May and stay open "
                                   "all winter.")], id="introduced-by-a-colon-line"),
    pytest.param("“The port will open in May and stay open all winter.” Keir Starmer said so.",
                 [("Keir Starmer", "said", "The port will open in May and stay open all winter.")],
                 id="attributed-by-the-short-sentence-after"),
    pytest.param("Keir Starmer was upbeat after the talks.\n“The port will open in May and stay "
                 "open all winter.”", [("Keir Starmer", None, "The port will open in May and stay "
                                        "open all winter.")], id="named-in-the-paragraph-before"),
    pytest.param("Keir Starmer met Friedrich Merz after the talks.\n“The port will open in May and "
                 "stay open all winter.”", [(None, None, "The port will open in May and stay open "
                                            "all winter.")], id="two-people-before-name-no-one"),
])
def test_quotes_attributed_a_sentence_away(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(s.speaker, s.verb, s.text) for s in extract("Talks in Oslo\n\n" + text).statements] == expected
