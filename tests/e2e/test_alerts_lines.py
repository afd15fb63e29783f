"""What a channel and a follower read: the largest promises first, each listed country's
followers alerted, no debris; and a party to a joint agreement sees it on its scorecard."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from bot.alerts.match import Subject
from bot.alerts.subscriptions import follow
from bot.handlers.alerts import deliver_soon
from bot.wiring import open_store
from storage.records import Attendance, Commitment, Meeting, Sentence, Statement
from tests.alert_facts import doc, extraction
from tests.e2e.harness import Emulator, User, new_token, private_chat, running_bot
from tests.e2e.test_alerts_bot import alert_call

CHANNEL = -1004000000004
FOLLOWER = User(7008, "Ola")
# Our own sentences; the commitments are what extraction would make of them.
HEADLINE = "Sweden pledges 30 million euros for generators"
TEXT = (f"{HEADLINE}. Baltic ministers met in Riga on Wednesday. Latvia, Estonia and Norway pledged 12 "
        "million euros for generators. Estonia signed a demining accord on Wednesday. Finland has given "
        "to Kyiv since May. Norway and Ukraine signed a maritime security accord. The two ministers "
        "shook hands as Kallas welcomed Nauseda.")


def commitment(actor: str, action: str, kind: str, amount: str | None = None, *, country: str | None = None,
               sentence: int = 2) -> Commitment:
    return Commitment(actor=actor, action=action, kind=kind, sentence=sentence, start=0, end=10,
                      actor_country=country, amount=amount)


FACTS = replace(extraction(
    commitments=(
        commitment("Sweden", "30 million euros for generators", "pledge", "30 million euros",
                   country="Sweden", sentence=0),
        *(commitment(c, "12 million euros for generators", "pledge", "12 million euros", country=c)
          for c in ("Latvia", "Estonia", "Norway")),
        commitment("Estonia", "a demining accord", "signed", "on Wednesday", country="Estonia", sentence=3),
        commitment("Finland", "has given to Kyiv since May.", "delivered", country="Finland", sentence=4),
        commitment("Norway and Ukraine", "a maritime security accord", "signed", sentence=5),
    ),
    statements=(Statement(speaker="Kaja Kallas", text=TEXT.rsplit(". ", 1)[1], quote=False, sentence=6,
                          start=0, end=10, verb="welcomed"),),
), sentences=tuple(Sentence(index=n, start=0, end=1, text=t) for n, t in enumerate(TEXT.split(". "))))


async def test_alert_lines_and_joint_scorecard(emulator: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "lines.db"
    async with running_bot(emulator.url, token=new_token(), db=db, ALERT_CHAT_ID=CHANNEL) as app:
        token = app.bot.token
        store = open_store(db)
        follow(store.db, chat_id=FOLLOWER.id, subject=Subject(kind="country", value="Norway", label="Norway"))
        since = await emulator.mark()
        store.save_document(doc(TEXT, title=HEADLINE, published=dt.date.today().isoformat()), FACTS)
        store.close()
        deliver_soon(app)
        channel = await alert_call(emulator, token, CHANNEL, since)
        mine = await alert_call(emulator, token, FOLLOWER.id, since)
        chat = private_chat(FOLLOWER)
        scorecard = await emulator.ask(token, chat=chat, user=FOLLOWER, text="/scorecard Norway")
    assert channel["params"]["text"].splitlines()[2:6] == [
        "<b>Commitments</b>",
        "• <b>Estonia</b> [signed]: a demining accord",
        "• <b>Norway and Ukraine</b> [signed]: a maritime security accord",
        "• <b>Latvia, Estonia and Norway</b> [pledge]: 12 million euros for generators (12 million euros)",
    ]
    for debris in ("Finland", "shook hands", "<b>Sweden</b>", "on Wednesday"):  # half-sentence, narration,
        assert debris not in channel["params"]["text"]  # the headline, a weekday as an amount
    assert mine["params"]["text"].splitlines()[1:5] == [
        "<i>Because you follow Norway</i>",
        "Meeting: Nordic leaders&#x27; meeting, Oslo, 2026-02-03",
        "<b>Commitments</b>",
        "• <b>Norway and Ukraine</b> [signed]: a maritime security accord",
    ]
    lines = scorecard["message"]["text"].splitlines()
    assert lines[0].startswith("Scorecard of Norway as of ")
    assert lines[0].endswith(": 2 commitments, 0 with a later report")
    assert "Norway and Ukraine: a maritime security accord" in scorecard["message"]["text"]


async def test_a_dateline_page_is_named_after_the_meeting(emulator: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "dateline.db"
    title = "Baltic Courier, 4 March 2026"  # the page's title: a publisher and a date
    people = tuple(Attendance(name=name, role=None, country=country, org=None, sentence=0, start=0, end=5)
                   for name, country in (("Kristen Michal", "Estonia"), ("Evika Silina", "Latvia")))
    facts = extraction(commitments=(commitment("Estonia", "40 million euros for demining", "pledge",
                                               "40 million euros", country="Estonia"),),
                       attendees=people, meeting=Meeting(name=title, date="2026-03-04", place="Riga"))
    async with running_bot(emulator.url, token=new_token(), db=db, ALERT_CHAT_ID=CHANNEL) as app:
        since = await emulator.mark()
        store = open_store(db)
        store.save_document(doc("Ministers met in Riga.", title=title, published=dt.date.today().isoformat()),
                            facts)
        store.close()
        deliver_soon(app)
        channel = await alert_call(emulator, app.bot.token, CHANNEL, since)
    head = channel["params"]["text"].split("Source:")[0]
    assert head.splitlines()[:2] == [
        "<b>New: Meeting in Riga, 4 March 2026, with Kristen Michal (Estonia) and Evika Silina (Latvia)</b>",
        "Meeting in Riga, 2026-03-04",
    ]
    assert "Baltic Courier" not in head
