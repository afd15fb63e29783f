"""The documents and meetings of a period: read from the store, or sliced from one date-ordered
index of them all once many periods are asked; either way the same as the store's own queries
would return (ids in id order, meetings in date order)."""
from __future__ import annotations

import pytest

import bot.query.periods
from bot.query.names import word_terms
from bot.query.periods import Periods
from storage.records import Extraction, Meeting, Sentence, SourceDocument
from storage.store import Store


def _save(store: Store, url: str, *, published: str, meeting: Meeting) -> str:
    text = f"Ministers met in {meeting.place or 'town'}."
    doc = SourceDocument(text=text, url=url, title="Readout", publisher="Example Wire",
                         published=published, language="en")
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    store.save_document(doc, Extraction(sentences=(sentence,), meeting=meeting))
    return doc.key


@pytest.fixture(params=["from the store", "from the index"])
def periods(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, store: Store) -> Periods:
    if request.param == "from the index":
        monkeypatch.setattr(bot.query.periods, "_READS_BEFORE_INDEX", 0)
    return Periods(store.db)


def _stored_union(store: Store, start: str, end: str, limit: int) -> list[str]:
    return [r[0] for r in store.db.execute(
        "select doc_id from meetings where date between ? and ? union "
        "select id from documents where published between ? and ? limit ?", [start, end, start, end, limit])]


def test_a_period_holds_the_documents_met_or_published_in_it(store: Store, periods: Periods) -> None:
    met = _save(store, "https://example.org/met", published="2025-06-02",
                meeting=Meeting(name="Weimar Triangle", date="2025-05-30", place="Paris"))
    published = _save(store, "https://example.org/published", published="2025-05-12", meeting=Meeting())
    _save(store, "https://example.org/june", published="2025-06-10",
          meeting=Meeting(name="Weimar Triangle", date="2025-06-09", place="Berlin"))
    _save(store, "https://example.org/undated", published="", meeting=Meeting(name="G7"))
    assert sorted(periods.documents("2025-05-01", "2025-05-31")) == sorted([met, published])
    for start, end, limit in (("2025-05-01", "2025-05-31", 200), ("2025-01-01", "2025-12-31", 2),
                              ("2025-05-30", "2025-05-30", 200), ("2024-01-01", "2024-12-31", 200)):
        assert periods.documents(start, end, limit=limit) == _stored_union(store, start, end, limit)


def test_a_period_names_only_its_own_meetings_in_date_order(store: Store, periods: Periods) -> None:
    may = [_save(store, f"https://example.org/may{i}", published=f"2025-05-{d}",
                 meeting=Meeting(name="Weimar Triangle", date=f"2025-05-{d}", place=place))
           for i, (d, place) in enumerate((("20", "Paris"), ("05", "Warsaw"), ("12", "Oslo")))]
    june = _save(store, "https://example.org/june", published="2025-06-01",
                 meeting=Meeting(name="Weimar Triangle", date="2025-06-01", place="Paris"))
    meetings = periods.meetings("2025-05-01", "2025-05-31")
    assert [doc_id for doc_id, _ in meetings.meetings] == [may[1], may[2], may[0]]  # by date
    assert meetings.naming([word_terms(["Paris"], label="Paris")]) == [may[0]]  # not June's
    assert meetings.naming([word_terms(["Weimar Triangle"], label="W")]) == [may[1], may[2], may[0]]
    assert periods.meetings("2025-06-01", "2025-06-30").naming([word_terms(["Paris"], label="P")]) == [june]
    assert [d for d, _ in periods.meetings("2025-01-01", "2025-12-31", limit=2).meetings] == [may[1], may[2]]


def test_a_period_read_before_a_save_is_read_again_after_clear(store: Store, periods: Periods) -> None:
    assert periods.documents("2025-05-01", "2025-05-31") == []
    doc = _save(store, "https://example.org/a", published="2025-05-02",
                meeting=Meeting(name="G7", date="2025-05-02", place="Rome"))
    periods.clear()  # what the retriever does when the store changes
    assert periods.documents("2025-05-01", "2025-05-31") == [doc]
    assert periods.meetings("2025-05-01", "2025-05-31").naming([word_terms(["Rome"], label="R")]) == [doc]


def test_the_index_is_built_only_once_many_periods_are_asked(store: Store) -> None:
    # A one-shot question, or a few between two saves, read their periods from the store.
    periods = Periods(store.db)
    days = [f"2025-{month:02}-{day:02}" for month in (5, 6) for day in range(1, 29)]
    for day in days[:bot.query.periods._READS_BEFORE_INDEX]:
        periods.meetings(day, day)
        periods.meetings(day, day)  # kept: not read again
    assert periods._dated is None
    periods.documents(days[0], days[-1])
    assert periods._dated is not None
    periods.clear()  # a save: the next periods are read from the store again
    assert periods._dated is None


def test_a_save_that_moves_no_document_keeps_the_index(store: Store) -> None:
    periods = Periods(store.db)
    rome = Meeting(name="G7", date="2025-05-02", place="Rome")
    doc = _save(store, "https://example.org/a", published="2025-05-02", meeting=rome)
    periods._reads = bot.query.periods._READS_BEFORE_INDEX  # the next period builds the index
    assert periods.documents("2025-05-01", "2025-05-31") == [doc]
    index = periods._dated
    assert index is not None
    # Saved again with its date and meeting as they were (a feed's update): nothing moved.
    _save(store, "https://example.org/a", published="2025-05-02", meeting=rome)
    periods.forget(frozenset({doc}))
    assert periods._dated is index
    # Moved to June, or a new document in May: the periods are read again.
    june = Meeting(name="G7", date="2025-06-03")
    _save(store, "https://example.org/a", published="2025-06-03", meeting=june)
    periods.forget(frozenset({doc}))
    assert periods.documents("2025-05-01", "2025-05-31") == []
    assert periods.documents("2025-06-01", "2025-06-30") == [doc]
    periods._reads = bot.query.periods._READS_BEFORE_INDEX
    assert periods.documents("2025-01-01", "2025-12-31") == [doc]
    new = _save(store, "https://example.org/b", published="2025-05-09", meeting=Meeting())
    periods.forget(frozenset({new}))
    assert periods.documents("2025-05-01", "2025-05-31") == [new]
    assert periods.meetings("2025-06-01", "2025-06-30").naming([word_terms(["G7"], label="G7")]) == [doc]


def test_a_day_of_any_year_holds_what_the_store_would_return(store: Store, periods: Periods) -> None:
    # "on May 10": the meetings of that day in every year, in the order of the store's covering
    # index (date, then document), and the documents met or published then, in id order.
    days = ["2025-05-10", "2023-05-10", "2024-05-09", "2024-05-10", "2025-05-11", "2022-12-31"]
    docs = [_save(store, f"https://example.org/{i}", published=day if i % 2 else "2021-01-01",
                  meeting=Meeting(name=f"Talks {i}", date=day if i != 4 else None, place="Oslo"))
            for i, day in enumerate(days)]
    assert len(docs) == len(days)
    for start, end, limit in [("2000-05-10", "2000-05-10", 200), ("2000-05-09", "2000-05-10", 2),
                              ("2000-12-31", "2000-12-31", 200)]:
        stored = [r[0] for r in store.db.execute(
            "select doc_id from meetings where substr(date, 6, 5) between ? and ? union select id from "
            "documents where substr(published, 6, 5) between ? and ? limit ?",
            [start[5:], end[5:], start[5:], end[5:], limit])]
        assert periods.documents(start, end, has_year=False, limit=limit) == stored
        lines = store.db.execute("select doc_id, name, place, format from meetings where "
                                 "substr(date, 6, 5) between ? and ? limit ?", [start[5:], end[5:], limit])
        meetings = periods.meetings(start, end, has_year=False, limit=limit).meetings
        assert [d for d, _ in meetings] == [r[0] for r in lines]
    assert [d for d, _ in periods.meetings("2000-05-09", "2000-05-10", has_year=False, limit=2).meetings] == \
        [docs[1], docs[2]]  # 2023-05-10, 2024-05-09: by date, not as saved


def test_a_save_outside_the_periods_asked_keeps_counting_towards_the_index(store: Store) -> None:
    # A feed re-saving reports between questions: without the index each period would be read
    # from the store again and again; the count goes on, and a period the save touches resets it.
    periods = Periods(store.db)
    june = _save(store, "https://example.org/june", published="2025-06-03",
                 meeting=Meeting(name="G7", date="2025-06-03", place="Rome"))
    periods.documents("2025-05-01", "2025-05-31")
    _save(store, "https://example.org/june", published="2025-06-04",
          meeting=Meeting(name="G7", date="2025-06-04", place="Rome"))
    periods.forget(frozenset({june}))
    assert periods._reads == 1 and periods.documents("2025-05-01", "2025-05-31") == []
    periods.documents("2025-06-01", "2025-06-30")
    may = _save(store, "https://example.org/may", published="2025-05-05", meeting=Meeting())
    periods.forget(frozenset({may}))
    assert periods._reads == 0
    assert periods.documents("2025-05-01", "2025-05-31") == [may]
    assert periods.documents("2025-06-01", "2025-06-30") == [june]
