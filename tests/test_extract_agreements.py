"""Agreements: signed objects, passives, joint statements, unsigned plans, merging mentions."""
from __future__ import annotations

import pytest

from tests.extract_helpers import extract, fields


def agreements(text: str, **kw: str) -> list[tuple[object, ...]]:
    return [fields(a, "title", "parties", "signed")
            for a in extract("Signing day\n\n" + text, **kw).agreements]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("President Alexander Stubb signed a 10-year security agreement with Ukraine.",
                 [("10-year security agreement with Ukraine", ("Finland", "Ukraine"), True)],
                 id="signed-with"),
    pytest.param("Two documents were signed: a joint declaration by all Coalition countries and "
                 "a bilateral declaration by Norway and Ukraine.",
                 [("joint declaration by all Coalition countries", ("Coalition countries",), True),
                  ("bilateral declaration by Norway and Ukraine", ("Norway", "Ukraine"), True)],
                 id="passive-list"),
    pytest.param("New agreements worth 2 billion euros were signed on Monday.",
                 [("New agreements worth 2 billion euros", (), True)], id="passive-worth"),
    pytest.param("The Oslo Summit Declaration, adopted by all members, sets new goals.",
                 [("Oslo Summit Declaration", (), True)], id="adopted-by"),
    pytest.param("Kishida and Zelenskyy signed a 10-year agreement on June 13 on the sidelines of the "
                 "G7 summit in Apulia.", [("10-year agreement", ("Japan", "Ukraine"), True)],
                 id="title-stops-before-date-and-place"),
    pytest.param("Officials signed an agreement on security cooperation with Japan in Tokyo.",
                 [("agreement on security cooperation with Japan", ("Japan",), True)],
                 id="title-keeps-its-subject"),
    pytest.param("Officials plan to sign a new drone deal next week.",
                 [("new drone deal", (), False)], id="plan-to-sign"),
    pytest.param("The treaty could be signed next month by Kyiv.", [], id="bare-noun-skipped"),
    pytest.param("A defence pact between Poland and Ukraine could be signed next month.",
                 [], id="no-sign-verb-no-agreement"),
    pytest.param("Officials said the deal will be signed: they plan to sign a minerals deal soon.",
                 [("minerals deal", (), False)], id="plan-to-sign-is-unsigned"),
    pytest.param("According to the joint statement by the leaders, talks will go on.",
                 [("joint statement by the leaders", (), False)], id="joint-statement-mention"),
    pytest.param("The G7 has not issued a joint statement on the war.", [], id="negated"),
    pytest.param("Kyiv and Washington signed a rare-minerals deal. Officials signed the Agreement on "
                 "the Establishment of a Reconstruction Fund between the United States and Ukraine.",
                 [("Agreement on the Establishment of a Reconstruction Fund between the United "
                   "States and Ukraine", ("Ukraine", "United States"), True)],
                 id="mentions-of-one-deal-merge"),
])
def test_agreements(text: str, expected: list[tuple[object, ...]]) -> None:
    assert agreements(text) == expected


def test_signed_agreement_gives_its_parties_a_signed_commitment() -> None:
    text = "Signing\n\nA trilateral declaration by France, Norway and Ukraine was signed."
    assert [fields(c, "actor", "kind") for c in extract(text).commitments] == [
        ("France, Norway and Ukraine", "signed")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The energy agreement on gas transit, long in the making, was not signed.",
                 [("energy agreement on gas transit", (), False)], id="was-not-signed"),
    pytest.param("The truce could be extended by mutual agreement, the joint statement issued on "
                 "Monday said.", [("joint statement", (), False)], id="by-mutual-agreement-is-no-document"),
])
def test_unsigned_and_manner(text: str, expected: list[tuple[object, ...]]) -> None:
    assert agreements(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Signing day\n\nThe ministers adopted the Lisbon Declaration on ocean data.",
                 [("Lisbon Declaration on ocean data", (), False)], id="adopted-is-agreed-unsigned"),
    pytest.param("Signing day\n\nAll delegations endorsed a roadmap for grid links.",
                 [("roadmap for grid links", (), False)], id="endorsed-is-agreed-unsigned"),
    pytest.param("Quito Leaders' Declaration on Clean Water\n\nWe, the Leaders of the G20, met in "
                 "Quito.", [("Quito Leaders' Declaration on Clean Water", ("G20 leaders",), False)],
                 id="the-document-is-the-declaration"),
    pytest.param("Leaders weigh a declaration on water\n\nThe summit ended.", [],
                 id="a-headline-about-a-declaration-is-not-one"),
])
def test_document_forms(text: str, expected: list[tuple[object, ...]]) -> None:
    found = extract(text).agreements
    assert [fields(a, "title", "parties", "signed") for a in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Chile and Peru signed a declaration in Lima on Friday.",
                 [("Chile–Peru declaration", ("Chile", "Peru"), True)], id="bare-kind-named-by-parties"),
    pytest.param("Chile and Peru signed the Lima Accord on Friday.",
                 [("Lima Accord", ("Chile", "Peru"), True)], id="a-proper-title-stays"),
    pytest.param("The Lima Ocean Summit was held on Monday, where its joint declaration called for "
                 "cleaner seas.", [("Lima Ocean Summit joint declaration", (), False)],
                 id="bare-kind-named-by-the-event-before-it"),
    pytest.param("Leaders adopted a joint declaration.", [("joint declaration", (), False)],
                 id="bare-kind-without-parties-or-event"),
    pytest.param("Chile's entry was formalised through the signing of the declaration on the "
                 "admission of Chile into the bloc.",
                 [("declaration on the admission of Chile into the bloc", ("Chile",), True)],
                 id="the-document-on-something-is-a-new-one"),
    pytest.param("Chile and Peru agreed a truce. Minister Ana Ruiz signed the agreement on Chile's "
                 "behalf.", [], id="the-agreement-on-x-behalf-refers-back"),
    pytest.param("Peru signed a trade pact with the U.S. on Monday.",
                 [("trade pact with the U.S.", ("Peru", "United States"), True)],
                 id="abbreviation-dots-stay-in-the-title"),
    pytest.param("Chile signed its first such agreement with the U.K. Peru will follow.",
                 [("first such agreement with the U.K.", ("Chile", "United Kingdom"), True)],
                 id="abbreviation-at-a-sentence-end"),
])
def test_a_document_named_only_by_its_kind(text: str, expected: list[tuple[object, ...]]) -> None:
    assert agreements(text) == expected
