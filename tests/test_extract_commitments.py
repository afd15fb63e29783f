"""Commitments: actor, kind, amount, timeframe, condition, collective."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments import _NEEDLES, kinds_with_needles, needle_finder
from tests.extract_helpers import extract, fields

KEYS = ("actor", "kind", "amount", "timeframe", "conditional", "collective")


def commitments(text: str, **kw: str) -> list[tuple[object, ...]]:
    return [fields(c, *KEYS) for c in extract("Aid talks\n\n" + text, **kw).commitments]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Sweden pledged €300 million in military aid for 2026.",
                 [("Sweden", "pledge", "€300 million", "for 2026", False, False)], id="pledge-amount"),
    pytest.param("The Netherlands and Denmark have committed an additional 200 million euros.",
                 [("Netherlands and Denmark", "pledge", "200 million euros", None, False, True)],
                 id="two-countries-committed"),
    pytest.param("Emmanuel Macron committed to a further €1bn in French support.",
                 [("France", "pledge", "€1bn", None, False, False)], id="leader-pledges-for-country"),
    pytest.param("Norway is ready to send instructors once a ceasefire is agreed.",
                 [("Norway", "ready", None, None, True, False)], id="ready-conditional"),
    pytest.param("The coalition backed the peace initiative.",
                 [("Coalition of the Willing", "support", None, None, False, True)],
                 id="collective-format", ),
    pytest.param("Allies will continue to strengthen Ukraine's air defence.",
                 [("Allies", "intent", None, None, False, True)], id="intent-collective"),
    pytest.param("“We will deliver two more air defence systems this year,” Olaf Scholz said.",
                 [("Germany", "pledge", None, "this year", False, False)],
                 id="we-is-the-speakers-country"),
    pytest.param("“Putin wants to destroy our cities,” Olaf Scholz said.", [],
                 id="third-party-intent-in-quote-ignored"),
    pytest.param("Kyiv and Washington signed a minerals deal on May 1.",
                 [("Ukraine and United States", "signed", None, "on May 1", False, True)],
                 id="capitals-stand-for-countries"),
    pytest.param("On the summit’s eve, partners could announce new packages.",
                 [("partners", "intent", None, None, False, True)], id="could-announce"),
    pytest.param("Pistorius said Germany had delivered two systems and would provide €300 million.",
                 [("Germany", "delivered", None, None, False, False),
                  ("Germany", "pledge", "€300 million", None, False, False)],
                 id="two-cues-split-the-action"),
    pytest.param("Finland pledged €90 million, while Latvia and Estonia said they were prepared to "
                 "train pilots.", [("Finland", "pledge", "€90 million", None, False, False),
                                   ("Latvia and Estonia", "ready", None, None, False, True)],
                 id="they-after-said"),
    pytest.param("Alexander Stubb signed a security agreement with Ukraine on Friday.",
                 [("Finland and Ukraine", "signed", None, "on Friday", False, True)],
                 id="signing-names-both-sides"),
    pytest.param("Mark Carney arrived. Then he and President Volodymyr Zelenskyy signed a "
                 "defence accord.", [("Canada and Ukraine", "signed", None, None, False, True)],
                 id="he-and-x-signed"),
    pytest.param("When asked if he would send troops, Carney declined to answer.", [],
                 id="question-is-no-commitment"),
    pytest.param("Donald Trump, in office since January, has said he wants to end the war.",
                 [("Donald Trump", "intent", None, None, False, False)], id="he-after-has-said"),
    pytest.param("Britain bought jets, and Germany said it was ready to spend €150 billion by 2029.",
                 [("Germany", "ready", "€150 billion", "by 2029", False, False)], id="it-after-said"),
    pytest.param("NATO leaders on Wednesday agreed to raise spending.",
                 [("NATO leaders", "ready", None, "on Wednesday", False, True)],
                 id="time-words-leave-the-actor"),
    pytest.param("Spain pledges €1 billion in aid to Ukraine", [("Spain", "pledge", "€1 billion", None,
                                                                False, False)], id="headline-pledges"),
    pytest.param("The summit opened with €10 billion in new pledges.", [], id="pledges-noun"),
    pytest.param("Japan is sending 30 drones.", [("Japan", "pledge", "30 drones", None, False, False)],
                 id="is-sending"),
    pytest.param("Russian-backed forces attacked Kharkiv.", [], id="hyphenated-adjective"),
    pytest.param("The President thanked Denmark for the new €600 million package.",
                 [("Denmark", "pledge", "€600 million", None, False, False)], id="thanked-for"),
    pytest.param("The President thanked each leader for the support.", [], id="thanked-everyone"),
    pytest.param("Germany is sending a clear message to Moscow.", [], id="sending-a-message"),
    pytest.param("The US sent Vice President Kamala Harris, who announced $1.5 billion for energy.",
                 [("Kamala Harris", "pledge", "$1.5 billion", None, False, False)],
                 id="who-announced"),
    pytest.param("Canada said it would contribute 5 billion Canadian dollars.",
                 [("Canada", "pledge", "5 billion Canadian dollars", None, False, False)],
                 id="would-contribute"),
    pytest.param("Rustem Umerov and Boris Pistorius signed a memorandum on drones.",
                 [("Rustem Umerov and Boris Pistorius", "signed", None, None, False, True)],
                 id="two-signers-without-partner"),
    pytest.param("Poland agreed on a loan backed by frozen Russian assets.",
                 [("Poland", "intent", None, None, False, False)], id="backed-by-is-passive"),
    pytest.param("I want to thank Norway for everything it has done since 2022.", [],
                 id="courtesy-is-no-commitment"),
    pytest.param("Leaders of the Group of Seven agreed to give Ukraine loans.",
                 [("G7 leaders", "pledge", None, None, False, True)], id="leaders-of-org"),
    pytest.param("European leaders, among them Friedrich Merz and Keir Starmer, said they were "
                 "ready to help.", [("European leaders", "ready", None, None, False, True)],
                 id="they-is-the-group"),
    pytest.param("Latvia and Estonia said they agreed to share radar data.",
                 [("Latvia and Estonia", "ready", None, None, False, True)], id="they-is-the-subject"),
])
def test_commitments(text: str, expected: list[tuple[object, ...]]) -> None:
    assert commitments(text, title="Aid talks on the Coalition of the Willing") == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Норвегія надасть Україні 500 мільйонів доларів.",
                 [("Norway", "pledge", "500 мільйонів доларів")], id="uk-will-provide"),
    pytest.param("Лідери підтримали план миру.", [("Лідери", "support", None)], id="uk-supported"),
    pytest.param("Канада готова продовжувати підтримку.", [("Canada", "ready", None)], id="uk-ready"),
])
def test_ukrainian_commitments(text: str, expected: list[tuple[object, ...]]) -> None:
    rows = extract("Зустріч\n\n" + text, language="uk").commitments
    assert [fields(c, "actor", "kind", "amount") for c in rows] == expected


def test_action_ends_with_the_quote_it_is_in() -> None:
    text = "Talks\n\n“We will deliver 40 tanks,” Olaf Scholz told reporters in Berlin."
    [row] = extract(text).commitments
    assert fields(row, "actor", "action", "amount") == ("Germany", "will deliver 40 tanks", "40 tanks")


def test_leaders_confirmed_that_ukraine_will_receive() -> None:
    text = "Coalition of the Willing meeting\n\nLeaders confirmed that Ukraine will receive €5 billion."
    [row] = extract(text).commitments
    assert fields(row, "actor", "kind", "amount") == (
        "Coalition of the Willing leaders", "pledge", "€5 billion")


# One phrase per alternative of each cue pattern: the word pre-check must never hide a cue.
_CUE_PHRASES = {
    "signed": ["signed", "signs", "inked", "concluded", "підписали", "підписав"],
    "delivered": ["delivered", "has sent", "have given", "handed over", "allocated", "provided by",
                  "виділили"],
    "pledge": ["pledged", "pledges €5m", "commits to", "is sending", "approved a package",
               "committed almost", "commit over", "promised", "will provide", "would contribute",
               "is providing", "are also supplying", "will receive", "announced an aid package",
               "пообіцяли", "виділить", "нададуть", "передасть", "фінансуватиме", "постачатиме",
               "зобов'язалася"],
    "ready": ["ready to", "prepared to", "willing to", "readiness to", "committed to",
              "agreed firmly to", "готові"],
    "intent": ["will continue", "would seek", "intends to", "plans to", "seeks to", "wants to",
               "agreed to meet", "agreed on", "are resolute", "could announce", "погодилися",
               "продовжать"],
    "support": ["backed", "backs", "supported", "expressed their support", "are supporting",
                "підтримали"],
}


@pytest.mark.parametrize(("kind", "phrase"), [
    pytest.param(kind, phrase, id=f"{kind}-{phrase}") for kind, phrases in _CUE_PHRASES.items()
    for phrase in phrases])
def test_every_cue_passes_the_word_precheck(kind: str, phrase: str) -> None:
    from bot.extract.commitments import _cues
    from storage.records import Sentence

    text = f"Partners {phrase} the effort."
    assert kind in {k for k, _, _ in _cues(Sentence(index=0, start=0, end=len(text), text=text))}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Is Finland ready to send more instructors?", [], id="question"),
    pytest.param("Officials hope that Canada will provide more shells.", [], id="hope"),
    pytest.param("Not all Allies agreed on the new deadline.", [], id="not-all"),
    pytest.param("Belgium has not pledged any jets.", [], id="negated-cue"),
    pytest.param("Portugal could provide €40 million if partners follow.",
                 [("Portugal", "intent", "€40 million")], id="hedged-could"),
    pytest.param("Spain's minister, Elena Ruiz, said her country could train two brigades.",
                 [("Spain", "intent", None)], id="her-country-is-the-speakers"),
    pytest.param("The Commission president announced that the EU was preparing new sanctions.",
                 [("European Union", "intent", None)], id="announced-that-the-clause-commits"),
    pytest.param("OSLO, May 3 (Wire) - Norway said it was ready to host the talks.",
                 [("Norway", "ready", None)], id="dateline-is-no-subject"),
])
def test_who_is_bound(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [fields(c, "actor", "kind", "amount") for c in extract("Aid talks\n\n" + text).commitments] \
        == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Німеччина профінансує виробництво дронів.", [("Germany", "pledge")], id="uk-will-fund"),
    pytest.param("Польща може передати ще два літаки.", [("Poland", "intent")], id="uk-may-hand-over"),
    pytest.param("Україна планує закупити газ.", [("Ukraine", "intent")], id="uk-plans"),
])
def test_ukrainian_future_and_hedged(text: str, expected: list[tuple[object, ...]]) -> None:
    rows = extract("Зустріч\n\n" + text, language="uk").commitments
    assert [fields(c, "actor", "kind") for c in rows] == expected


def actors_and_kinds(text: str) -> list[tuple[str, str]]:
    return [(c.actor, c.kind) for c in extract("Aid talks\n\n" + text).commitments]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The Dutch government agreed to send two frigates.",
                 [("Netherlands", "pledge")], id="government-is-its-country"),
    pytest.param("The Polish government, for example, decided to supply more shells.",
                 [("Poland", "pledge")], id="aside-between-subject-and-verb"),
    pytest.param("Sweden, Finland, Norway and Denmark will fund the radar purchase.",
                 [("Sweden, Finland, Norway and Denmark", "pledge")], id="list-of-four-is-one-actor"),
    pytest.param("The radars are now provided by the Netherlands, Belgium, and Spain.",
                 [("Netherlands, Belgium and Spain", "delivered")], id="provided-by-a-list"),
    pytest.param("Mr Sanchez is announcing a €900 million package for the reconstruction.",
                 [("Spain", "pledge")], id="announcing-a-package"),
    pytest.param("The Foreign Office unveiled a new aid package worth £40 million.",
                 [("Foreign Office", "pledge")], id="unveiled-a-package"),
    pytest.param("Portugal will back the accession talks.", [("Portugal", "support")],
                 id="will-back"),
    pytest.param("The ministers left with plans to meet again in May.", [],
                 id="plans-as-a-noun"),
    pytest.param("LISBON (AP) - Spain and Portugal signed defence agreements with Moldova.",
                 [("Spain and Moldova", "signed"), ("Portugal and Moldova", "signed")],
                 id="each-signs-with-the-partner"),
    pytest.param("Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda signed "
                 "the accord.", [("Poland and Lithuania", "signed")], id="heads-sign-for-countries"),
    pytest.param("Голова Пентагону оголосив про новий пакет допомоги на 300 млн доларів.",
                 [("Pentagon", "pledge")], id="uk-announced-a-package"),
])
def test_commitment_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_and_kinds(text) == expected


def test_we_of_a_declaration_is_its_authors() -> None:
    text = ("Quito Leaders' Declaration\n\nWe, the Leaders of the G20, met in Quito on 2 May 2026. "
            "We commit to ending hunger. We will mobilise $80 billion for clean water.")
    assert [(c.actor, c.kind) for c in extract(text).commitments] == [
        ("G20 leaders", "ready"), ("G20 leaders", "pledge")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Chile, which pledged $40 million to the fund, was thanked.", [("Chile", "pledge")],
                 id="which-clause-after-a-country"),
    pytest.param("Vietnam will buy more American cotton.", [("Vietnam", "intent")],
                 id="will-buy-is-intent"),
    pytest.param("Peru launched a fund for mangrove restoration.", [("Peru", "intent")],
                 id="launched-a-fund"),
    pytest.param("The fund got a $2 million pledge from Ireland.", [("Ireland", "pledge")],
                 id="pledge-from-a-country"),
    pytest.param("The ministers reaffirmed their commitment to open trade.",
                 [("ministers", "support")], id="reaffirmed-commitment"),
    pytest.param("Kenya offered to host the next meeting.", [("Kenya", "ready")], id="offered-to"),
    pytest.param("Austria said it would provide €50 million for the grid.", [("Austria", "pledge")],
                 id="said-it-would-provide"),
    pytest.param("Sweden committed US$ 2 billion to the new fund.", [("Sweden", "pledge")],
                 id="currency-with-country-letters"),
    pytest.param("Canada pledges C$40 million for the grid.", [("Canada", "pledge")],
                 id="pledges-before-letters-and-sign"),
    pytest.param("Sweden, Peru and Chile each pledged $5 million.",
                 [("Sweden", "pledge"), ("Peru", "pledge"), ("Chile", "pledge")],
                 id="each-commits-for-itself"),
    pytest.param("Sweden and Chile committed $2 billion to the new fund.",
                 [("Sweden and Chile", "pledge")], id="without-each-one-joint-actor"),
    pytest.param("Швеція та Чилі виділили по 2 млрд доларів на новий фонд.",
                 [("Sweden", "delivered"), ("Chile", "delivered")], id="uk-po-is-each"),
    pytest.param("Швеція та Чилі кожна пообіцяли 2 млрд доларів.",
                 [("Sweden", "pledge"), ("Chile", "pledge")], id="uk-kozhna-is-each"),
    pytest.param("Norway, one of Chile's oldest partners in its dispute with Peru, will provide "
                 "$5 million.", [("Norway", "pledge")], id="apposition-is-not-the-actor"),
    pytest.param("The minister said that Norway, the biggest donor to Peru, pledged $5 million.",
                 [("Norway", "pledge")], id="apposition-after-said-that"),
    pytest.param("Норвегія, один з найбільших донорів Чилі, пообіцяла 5 млн доларів.",
                 [("Norway", "pledge")], id="uk-apposition-is-not-the-actor"),
    pytest.param("In Lima, the Chilean government pledged $5 million.", [("Chile", "pledge")],
                 id="place-before-the-subject-is-no-apposition"),
    pytest.param("Peru said it would cut tariffs, while Chile would immediately resume imports.",
                 [("Peru", "intent"), ("Chile", "intent")], id="adverb-between-would-and-verb"),
    pytest.param("Chile will also provide two ships.", [("Chile", "pledge")],
                 id="will-also-provide"),
    pytest.param("The talks will likely resume in May.", [], id="hedging-adverb-binds-no-one"),
    pytest.param("Ireland agreed to send nurses, along with Chile's offer of two ships.",
                 [("Ireland", "pledge"), ("Chile", "ready")], id="country-s-offer-of"),
    pytest.param("Ireland welcomed Chile's promise to send two ships.", [("Chile", "pledge")],
                 id="country-s-promise-to"),
    pytest.param("The Peruvian president's pledge of $5 million was welcomed.",
                 [("Peruvian president", "pledge")], id="owner-label-without-s"),
    pytest.param("The minister's offer of talks was rejected.", [],
                 id="owner-of-no-country-offers-nothing"),
    pytest.param("Chile contributed $5 million to the fund.", [("Chile", "pledge")],
                 id="contributed-an-amount"),
    pytest.param("Chile contributed to the talks.", [], id="contributed-no-amount"),
    pytest.param("Чилі та Перу внесли понад 5 млн доларів до фонду.",
                 [("Chile and Peru", "pledge")], id="uk-contributed-an-amount"),
    pytest.param("Чилі внесла зміни до закону.", [], id="uk-amended-is-no-contribution"),
])
def test_commitments_beyond_military_aid(text: str, expected: list[tuple[str, str]]) -> None:
    assert actors_and_kinds(text) == expected


def test_which_after_a_person_is_not_the_person() -> None:
    text = ("Aid talks\n\nMinisters welcomed the grid plan presented by the President of the "
            "Commission, which could mobilise up to €90 billion.")
    assert [c.actor for c in extract(text).commitments] == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Chile and Peru have formally agreed to a truce.",
                 [("Chile and Peru", "ready")], id="ly-adverb-leaves-the-actor"),
    pytest.param("Italy pledged 5 million euros.", [("Italy", "pledge")], id="italy-is-no-adverb"),
    pytest.param("Canada put $2 billion into the new health fund.", [("Canada", "pledge")],
                 id="put-money-into"),
    pytest.param("Canada said it would put pressure on the rebels.", [], id="put-pressure-no-money"),
    pytest.param("Japan will invest €4 billion in chip plants.", [("Japan", "pledge")],
                 id="will-invest"),
    pytest.param("Brazil is pledging 1 billion dollars to the fund.", [("Brazil", "pledge")],
                 id="is-pledging"),
    pytest.param("The largest gift came from Canada, pledging US$ 2 billion to the fund.",
                 [("Canada", "pledge")], id="participle-after-a-name"),
    pytest.param("Chile opened the summit on Monday, pledging 40 million dollars.",
                 [("Chile", "pledge")], id="participle-after-a-clause"),
    pytest.param("Peru would keep its copper exports open, while Chile would maintain its quotas.",
                 [("Peru", "intent"), ("Chile", "intent")], id="would-maintain"),
    pytest.param("Peru will operate the new port for 30 years.", [("Peru", "intent")],
                 id="will-operate-for-years"),
    pytest.param("Peru and Chile met in Lima. He said the two countries would hold talks on trade.",
                 [("Peru and Chile", "intent")], id="the-two-countries"),
    pytest.param("Brazil hosted. Chile and Peru said on Monday they agreed to a truce, and both "
                 "sides will keep troops at the border.",
                 [("Chile and Peru", "ready"), ("Chile and Peru", "intent")],
                 id="both-sides-named-in-the-sentence"),
    pytest.param("Ministers each pledged to double their aid.", [("Ministers", "pledge")],
                 id="each-is-no-part-of-the-actor"),
])
def test_phrasings_of_news_reports(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract("Talks\n\n" + text).commitments
    assert [(c.actor, c.kind) for c in rows] == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Японія інвестує 3 мільярди доларів у нові заводи.", [("Japan", "pledge")],
                 id="uk-invests"),
    pytest.param("Чилі та Перу уклали угоду. Обидві сторони погодилися відновити рейси.",
                 [("Chile and Peru", "intent")], id="uk-both-sides"),
])
def test_ukrainian_phrasings(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract("Зустріч\n\n" + text, language="uk").commitments
    assert [(c.actor, c.kind) for c in rows] == expected


def test_under_which_clause_has_its_own_subject() -> None:
    rows = extract("Talks\n\nPeru and Chile signed a deal under which Peru will supply gas to "
                   "Chile for ten years.").commitments
    assert [(c.actor, c.kind, c.action) for c in rows] == [
        ("Peru and Chile", "signed", "signed a deal"),
        ("Peru", "pledge", "will supply gas to Chile for ten years.")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Minister Ana Ruiz signed on behalf of the government of Chile, and minister Luis "
                 "Soto signed on behalf of Peru.", [("Chile and Peru", "signed")],
                 id="signed-on-behalf-of-two-sides"),
    pytest.param("Ana Ruiz signed the treaty as a witness.", [], id="a-witness-is-no-party"),
    pytest.param("Chile and Peru signed a trade pact. On behalf of the government of Chile, I signed "
                 "the pact.", [("Chile and Peru", "signed")], id="one-side-of-a-pair-already-signing"),
    pytest.param("In close cooperation with Chile, Peru, and Bolivia, the European Union will "
                 "continue to fund the project.", [("European Union", "intent")],
                 id="list-in-an-opening-phrase"),
    pytest.param("The note added: “The deal is in force. In close coordination with Chile, the "
                 "United States will continue to engage both parties.”",
                 [("United States", "intent")], id="second-sentence-of-a-quote"),
    pytest.param("“We look forward to hosting the leaders in Lima next month,” the Peruvian foreign "
                 "minister Luis Soto said.", [("Peru", "intent")], id="look-forward-to-hosting"),
    pytest.param("Peru reaffirms its commitment to the truce.", [("Peru", "support")],
                 id="reaffirms-present-tense"),
])
def test_signatures_and_clauses(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract("Talks\n\n" + text).commitments
    assert [(c.actor, c.kind) for c in rows] == expected


def test_ukrainian_signature_on_behalf() -> None:
    rows = extract("Зустріч\n\nМіністр Анна Руїс підписала угоду від імені уряду Чилі.",
                   language="uk").commitments
    assert [(c.actor, c.kind) for c in rows] == [("Chile", "signed")]


def test_leaders_of_two_countries_sign_for_them_once() -> None:
    rows = extract("Talks\n\nChile and Peru signed a security agreement on Monday. The leaders of "
                   "Chile and Peru signed a 10-year security agreement in Lima.").commitments
    assert [(c.actor, c.kind) for c in rows] == [("Chile and Peru", "signed")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Bolivian President Luis Arce met Gabriel Boric in Lima. He also confirmed plans to "
                 "visit Chile in April.", [("Luis Arce", "intent")], id="confirmed-plans-to"),
    pytest.param("Chile announced plans to build a new port.", [("Chile", "intent")],
                 id="announced-plans-to"),
    pytest.param("Forty countries have endorsed the reef plan as of today.",
                 [("Forty countries", "support")], id="endorsed"),
    pytest.param("The plan was endorsed by Chile.", [], id="endorsed-by-is-passive"),
])
def test_plans_and_endorsements(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract("Talks\n\n" + text).commitments
    assert [(c.actor, c.kind) for c in rows] == expected


def test_ukrainian_endorsement() -> None:
    rows = extract("Зустріч\n\nЧилі схвалила план відновлення рифів.", language="uk").commitments
    assert [(c.actor, c.kind) for c in rows] == [("Chile", "support")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("“We want to be partners of choice,” European Commission President Ursula von der "
                 "Leyen said.", [("European Commission", "intent")], id="we-of-an-office-is-its-body"),
    pytest.param("“We want to be partners of choice,” President von der Leyen said.",
                 [("European Commission", "intent")], id="we-of-an-office-the-gazetteer-knows"),
    pytest.param("“We will send two ships,” President Emmanuel Macron said.",
                 [("France", "pledge")], id="we-of-a-head-of-state-is-the-country"),
    pytest.param("Peru announced a ceasefire, said the minister.", [], id="aid-is-no-part-of-said"),
])
def test_precision_of_speakers_and_cues(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract("Talks\n\n" + text).commitments
    assert [(c.actor, c.kind) for c in rows] == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Лідери Чилі та Перу погодилися, що перемир'я має тривати 30 днів.", [],
                 id="uk-agreed-that-is-a-view"),
    pytest.param("Лідери Чилі та Перу погодилися посилити тиск на бойовиків.",
                 [("Лідери Чилі та Перу", "intent")], id="uk-agreed-to-act"),
])
def test_ukrainian_agreed(text: str, expected: list[tuple[str, str]]) -> None:
    rows = extract("Зустріч\n\n" + text, language="uk").commitments
    assert [(c.actor, c.kind) for c in rows] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    pytest.param("Meanwhile, Chile pledged 5 million dollars.", "en", [("Chile", "pledge")],
                 id="opening-adverb"),
    pytest.param("Також міністр оборони Чилі оголосив про новий пакет допомоги Перу на суму 50 млн "
                 "доларів.", "uk", [("міністр оборони Чилі", "pledge")], id="uk-opening-adverb"),
])
def test_an_opening_adverb_is_no_part_of_the_actor(text: str, lang: str,
                                                    expected: list[tuple[str, str]]) -> None:
    rows = extract("Talks\n\n" + text, language=lang).commitments
    assert [(c.actor, c.kind) for c in rows] == expected


_NEEDLE = st.text(alphabet="abcд", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["pledge", "ready", "intent"]),
                       st.lists(_NEEDLE, min_size=1, max_size=6)),
       st.text(alphabet="abcд -", max_size=40))
def test_kinds_with_needles_is_any_needle_in_text(needles: dict[str, list[str]], text: str) -> None:
    """One pass finds every kind a needle of which the text holds, overlapping needles too."""
    kinds = {kind: tuple(found) for kind, found in needles.items()}
    expected = {kind for kind, found in kinds.items() if any(n in text for n in found)}
    assert kinds_with_needles(text, needle_finder(kinds)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([n for found in _NEEDLES.values() for n in found] + [" ", "x", "ment"]),
                max_size=8))
def test_kinds_with_needles_on_the_cue_words(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = {kind for kind, found in _NEEDLES.items() if any(n in text for n in found)}
    assert kinds_with_needles(text, needle_finder(_NEEDLES)) == expected
