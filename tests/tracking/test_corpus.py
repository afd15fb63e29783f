"""Reports of one meeting by different publishers in ../shared/corpus become one meeting."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.ingest.pipeline import DocumentInput, ingest_document, load_input
from bot.tracking.router import try_answer
from storage.store import Store
from tests.conftest import require_corpus

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
LONDON = ("2025-03-02-thewest-london-summit-coalition-of-the-willing",
          "2025-03-03-online-ua-london-summit-results")
ROME = ("2025-07-10-lavocedinewyork-rome-recovery-conference",
        "2025-07-10-rbc-ua-coalition-of-the-willing-rome",
        "2025-07-10-vida-rome-recovery-conference-uk")
OTHER = ("2025-03-15-gov-uk-pm-statement-coalition-of-the-willing",
         "2025-03-27-businesslive-paris-summit-france-pledge")


@pytest.fixture
def corpus_store(store: Store) -> tuple[Store, dict[str, str]]:
    """Ingest the London, Rome and two other corpus documents; return the store and slug -> doc id."""
    require_corpus()
    index = {d["slug"]: d for d in json.loads((CORPUS / "index.json").read_text("utf-8"))}
    ids = {}
    for slug in (*ROME[::-1], *LONDON, *OTHER):  # not in date order on purpose
        d = index[slug]
        source = DocumentInput(path=str(CORPUS / f"{slug}.txt"), url=d["url"], title=d["title"],
                               published=d["published"], publisher=d["publisher"], language=d["language"])
        ids[slug] = ingest_document(store, load_input(source)).doc_id
    return store, ids


def _cluster(store: Store, doc_id: str) -> tuple[str, int]:
    row = store.db.execute("select c.id, c.sources from meeting_sources s join meeting_clusters c "
                           "on c.id = s.cluster_id where s.doc_id = ?", [doc_id]).fetchone()
    return (row[0], row[1]) if row else ("", 0)


@pytest.mark.corpus
@pytest.mark.parametrize("slugs", [pytest.param(LONDON, id="london-two-publishers"),
                                   pytest.param(ROME, id="rome-three-publishers")])
def test_one_meeting_many_sources(corpus_store: tuple[Store, dict[str, str]], slugs: tuple[str, ...]) -> None:
    store, ids = corpus_store
    clusters = {_cluster(store, ids[s]) for s in slugs}
    assert len(clusters) == 1 and clusters.pop()[1] == len(slugs)


@pytest.mark.corpus
def test_other_meetings_stay_apart(corpus_store: tuple[Store, dict[str, str]]) -> None:
    store, ids = corpus_store
    found = {_cluster(store, ids[s])[0] for s in (LONDON[0], ROME[0], *OTHER)}
    assert len(found) == 4


@pytest.mark.corpus
def test_whats_new_lists_the_rome_meeting_with_its_three_sources(
        corpus_store: tuple[Store, dict[str, str]]) -> None:
    store, _ = corpus_store
    answer = try_answer("what's new since 1 July 2025?", store, today=dt.date(2025, 9, 1))
    assert answer is not None
    meetings = [r for r in answer.results if r["type"] == "meeting"]
    assert [(r["text"].split(" ")[0], len(r["sources"])) for r in meetings] == [("2025-07-10", 3)]
