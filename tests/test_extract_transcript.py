"""Speeches whose speaker only the title or header names."""
from __future__ import annotations

from tests.extract_helpers import extract, fields

SPEECH = ("Good afternoon.\n\nThis morning I met our partners. We agreed to keep the aid flowing. "
          "Our support is firm and will grow.\n\nI spoke with my colleagues about air defence. "
          "We will do more together. Our message is clear.\n\nWe are united. I thank our friends. "
          "We stand with Ukraine today and tomorrow.\n\nWe will keep up the pressure on Moscow. "
          "Our sanctions will bite harder. I am proud of what our partners have achieved.")


def test_pm_statement_on_a_government_site_is_the_prime_minister() -> None:
    ex = extract("PM statement on Ukraine: 4 March 2025\n\n" + SPEECH, published="2025-03-04",
                 url="https://www.gov.uk/government/news/pm-statement")
    speakers = {fields(s, "speaker", "attribution", "person_id") for s in ex.statements}
    assert speakers == {("UK Prime Minister Keir Starmer", "title", "keir-starmer")}
    assert len(ex.statements) >= 2
    assert [fields(a, "name", "role", "country") for a in ex.attendees] == [
        ("Keir Starmer", "Prime Minister", "United Kingdom")]


def test_header_names_the_speaker_and_not_the_person_addressed() -> None:
    text = ("Visit to Kyiv\n\nPress conference with NATO Secretary General Mark Rutte and "
            "President of Ukraine Volodymyr Zelenskyy\nDear Mr President, dear Volodymyr,\n" + SPEECH)
    ex = extract(text, published="2025-08-22")
    assert {s.speaker for s in ex.statements} == {"Mark Rutte"}
    assert [a.name for a in ex.attendees] == ["Mark Rutte", "Volodymyr Zelenskyy"]


def test_title_scope_names_the_office_holder() -> None:
    ex = extract("Statement by the NATO Secretary General on Ukraine\n\n" + SPEECH,
                 published="2025-08-22")
    assert {fields(s, "speaker", "speaker_org") for s in ex.statements} == {
        ("NATO Secretary General Mark Rutte", "NATO")}


def test_reported_text_is_not_a_transcript() -> None:
    text = "Talks\n\n" + "Merz said aid will continue. " * 3
    assert {s.attribution for s in extract(text).statements} == {"name"}


def test_a_joint_statement_speaks_for_its_signatories_and_is_no_transcript() -> None:
    body = ("We, the defence ministers of Norway, Sweden and Finland, met today in Oslo. "
            "We condemn the attacks. We will keep supporting Ukraine. We are ready to train more pilots. "
            "We welcome the new fund. We thank our partners. We stand united.\n"
            "Swedish Defence Minister Pål Jonson said: “We must act now.”")
    ex = extract("Joint statement of the Nordic defence ministers on Ukraine\n\n" + body)
    assert [s.speaker for s in ex.statements] == ["Nordic defence ministers", "Pål Jonson"]
    assert {c.actor for c in ex.commitments} == {"Nordic defence ministers"}
