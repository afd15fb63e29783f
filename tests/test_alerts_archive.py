"""Old news goes out as one silent archive digest: a first start's backlog, a bulk import, old
documents; and alerts are named after the meeting when the page's title is a dateline."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.alerts.archive import QUIET, archive_backlog, archive_ready, is_old
from bot.alerts.deliver import deliver_round, render_delivery
from bot.alerts.headline import headline, is_dateline
from bot.alerts.match import Subject
from bot.alerts.outbox import Audience, fan_out
from bot.alerts.subscriptions import follow
from bot.cli import main
from bot.wiring import open_store
from storage.records import Attendance, Meeting
from storage.store import Store
from tests.alert_facts import doc, extraction, pledge

CHANNEL = -100700
FOLLOWER = 31
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def save_docs(store: Store, count: int, *, published: str = "2026-02-27", first: int = 0) -> None:
    for n in range(first, first + count):
        store.save_document(
            doc(url=f"https://news.example/{n}", title=f"Ministers meet, round {n}", published=published),
            extraction(commitments=(pledge(),)),
        )


def delivered(store: Store) -> list[tuple[str, int, int, str]]:
    """Return (alert kind, chat, silent, rendered first line) of every delivery."""
    rows = store.db.execute(
        "select d.key, d.chat_id, d.audience, d.items, d.reason, d.attempts, a.kind, a.silent, a.payload "
        "from deliveries d join alerts a on a.id = d.alert_id order by d.alert_id, d.key"
    ).fetchall()
    names = ("key", "chat_id", "audience", "items", "reason", "attempts", "kind", "silent", "payload")
    found = [dict(zip(names, r, strict=True)) for r in rows]
    return [(r["kind"], r["chat_id"], r["silent"], render_delivery(r).splitlines()[0]) for r in found]


def test_first_start_turns_the_backlog_into_one_silent_digest_per_chat(store: Store) -> None:
    follow(store.db, chat_id=FOLLOWER, subject=Subject(kind="country", value="Norway", label="Norway"))
    save_docs(store, 3)
    assert archive_backlog(store.db) == 3
    assert archive_backlog(store.db) == 0  # once per store
    fan_out(store.db, audience=Audience(channel_id=CHANNEL))
    assert delivered(store) == [
        ("archive", CHANNEL, 1, "<b>3 documents added to the archive</b>:"),
        ("archive", FOLLOWER, 1, "<b>3 documents added to the archive</b>:"),
    ]
    save_docs(store, 1, published="2026-03-01", first=3)  # news after the first start: one loud alert each
    fan_out(store.db, audience=Audience(channel_id=CHANNEL))
    assert [(kind, chat, silent) for kind, chat, silent, _ in delivered(store)[2:]] == [
        ("document", CHANNEL, 0),
        ("document", FOLLOWER, 0),
    ]


def test_a_store_that_delivered_before_has_no_backlog(store: Store) -> None:
    save_docs(store, 1)
    fan_out(store.db, audience=Audience(channel_id=CHANNEL), now=NOW)
    save_docs(store, 1, published="2026-02-28", first=1)  # queued while the bot was down
    assert archive_backlog(store.db, now=NOW) == 0
    fan_out(store.db, audience=Audience(channel_id=CHANNEL), now=NOW)
    assert [kind for kind, *_ in delivered(store)] == ["document", "document"]


def test_old_documents_wait_for_quiet_then_go_out_together(store: Store) -> None:
    save_docs(store, 2, published="2025-06-01")
    audience = Audience(channel_id=CHANNEL, max_age_days=14)
    queued = dt.datetime.fromisoformat(store.db.execute("select max(created_at) from alerts").fetchone()[0])
    fan_out(store.db, audience=audience, now=queued)
    assert delivered(store) == []  # an import may still be running
    fan_out(store.db, audience=audience, now=queued + QUIET)
    assert delivered(store) == [("archive", CHANNEL, 1, "<b>2 documents added to the archive</b>:")]


def test_a_finished_import_is_gathered_without_waiting(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bulk.db", alerts="archive")
    save_docs(store, 2)
    archive_ready(store.db)
    fan_out(store.db, audience=Audience(channel_id=CHANNEL))
    assert [kind for kind, *_ in delivered(store)] == ["archive"]
    store.close()


@pytest.mark.parametrize(
    ("published", "meeting_date", "old"),
    [
        pytest.param("2026-02-20", None, False, id="recent"),
        pytest.param("2026-01-02", None, True, id="published-long-ago"),
        pytest.param(None, "2025-12-01", True, id="meeting-long-ago"),
        pytest.param(None, None, False, id="undated-is-news"),
    ],
)
def test_is_old(published: str | None, meeting_date: str | None, old: bool) -> None:
    payload = {"doc": {"published": published}, "items": [{"kind": "meeting", "date": meeting_date}]}
    assert is_old(payload, max_age_days=14, now=NOW) is old
    assert is_old(payload, max_age_days=0, now=NOW) is False  # 0 turns the rule off


def test_ingest_cli_bulk_archives_and_no_alerts_queues_nothing(tmp_path: Path) -> None:
    files = []
    for n in range(13):
        path = tmp_path / f"note{n}.txt"
        path.write_text(f"Leaders met in Oslo on 3 February 2026. Norway pledged {n + 1} million euros.")
        files.append(str(path))
    runner = CliRunner()
    db = str(tmp_path / "bulk.db")
    assert runner.invoke(main, ["ingest", "--db", db, files[0]]).exit_code == 0
    assert runner.invoke(main, ["ingest", "--db", db, "--no-alerts", files[1]]).exit_code == 0
    assert runner.invoke(main, ["ingest", "--db", db, *files[2:]]).exit_code == 0
    store = Store.open(db)
    rows = store.db.execute("select archive, count(*) from alerts group by archive").fetchall()
    store.close()
    assert rows == [(0, 1), (1, 11)]  # one news alert, eleven archived, none for the opted-out file


async def test_fan_out_runs_off_the_event_loop(store: Store) -> None:
    save_docs(store, 3, published="2026-03-01")
    threads: set[int] = set()
    store.db.conn.set_trace_callback(
        lambda sql: threads.add(threading.get_ident()) if "into deliveries" in sql else None
    )

    class Sender:
        async def send(self, *, chat_id: int, html: str, silent: bool) -> int:
            return 1

    report = await deliver_round(store.db, Sender(), audience=Audience(channel_id=CHANNEL))
    store.db.conn.set_trace_callback(None)
    assert report.sent == 3
    assert threads and threading.get_ident() not in threads


@pytest.mark.parametrize(
    ("title", "publisher", "dateline"),
    [
        pytest.param("Daily Courier, 4 May 2026", "Daily Courier (courier.example)", True, id="publisher"),
        pytest.param("Northern Herald - May 4, 2026", None, True, id="name-date-no-publisher"),
        pytest.param("courier.example 04/05/2026", "courier.example", True, id="host-date"),
        pytest.param("Leaders meet in Oslo on 4 May 2026", "Daily Courier", False, id="headline-dated"),
        pytest.param("PM remarks at the Oslo meeting: 4 May 2026", "Daily Courier", False, id="remarks"),
        pytest.param("Daily Courier", "Daily Courier", False, id="no-date"),
    ],
)
def test_is_dateline(title: str, publisher: str | None, dateline: bool) -> None:
    assert is_dateline(title, publisher=publisher) is dateline


def test_an_alert_on_a_dateline_page_names_the_meeting(store: Store) -> None:
    attendees = tuple(
        Attendance(name=name, role=None, country=country, org=None, sentence=0, start=0, end=5)
        for name, country in (("Jonas Gahr Store", "Norway"), ("Alexander Stubb", "Finland"))
    )
    store.save_document(
        doc(title="Daily Courier, 3 February 2026"),
        extraction(
            commitments=(pledge(),),
            attendees=attendees,
            meeting=Meeting(name="Daily Courier, 3 February 2026", date="2026-02-03", place="Oslo"),
        ),
    )
    payload = json.loads(store.db.execute("select payload from alerts").fetchone()[0])
    assert headline(payload) == (
        "Meeting in Oslo, 3 February 2026, with Jonas Gahr Store (Norway) and Alexander Stubb (Finland)"
    )
    fan_out(store.db, audience=Audience(channel_id=CHANNEL))
    [(_, _, _, first)] = delivered(store)
    assert first == (
        "<b>New: Meeting in Oslo, 3 February 2026, with Jonas Gahr Store (Norway) and "
        "Alexander Stubb (Finland)</b>"
    )
    row = store.db.execute("select d.items, a.payload from deliveries d join alerts a on a.id = d.alert_id")
    assert "Daily Courier" not in render_delivery(
        {"kind": "document", "payload": row.fetchone()[1], "items": None}
    ).split("Source:")[0]
