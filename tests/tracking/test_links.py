"""Commitment linking: the hand-labelled pairs, scores, and order independence."""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from bot.lines.normalize import amount_key, names, terms
from bot.tracking.links import LINK_THRESHOLD, link_score, linked, scorer
from bot.tracking.timeline import actor_threads
from storage.store import Store
from tests.tracking.conftest import Save

LABELS = json.loads((Path(__file__).resolve().parents[1] / "data" / "tracking_links.json").read_text("utf-8"))
PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.8


def _ingest_all(save: Save, order: list[str]) -> dict[str, int]:
    ids = {}
    for name in order:
        c = LABELS["commitments"][name]
        save(url=f"https://{name}.example/readout", published=c["date"],
             text=f"{c['country']} — {c['action']}.", commitments=[c])
        ids[name] = c
    return ids


def _thread_of(store: Store) -> dict[str, int]:
    """Map each fixture name (from its document URL) to the root of its thread."""
    keys = [r[0] for r in store.db.execute("select distinct actor_key from commitment_links")]
    found = {}
    for thread in actor_threads(store.db, keys):
        for event in thread.events:
            url = store.document(event["doc_id"])["url"]  # type: ignore[index]
            found[url.split("//")[1].split(".example")[0]] = thread.root_id
    return found


def _measure(store: Store) -> tuple[float, float, list[dict[str, Any]]]:
    root = _thread_of(store)
    tp = fp = fn = 0
    wrong = []
    for pair in LABELS["pairs"]:
        linked = root[pair["a"]] == root[pair["b"]]
        tp += linked and pair["link"]
        fp += linked and not pair["link"]
        fn += (not linked) and pair["link"]
        if linked != pair["link"]:
            wrong.append(pair)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, wrong


@pytest.mark.parametrize("seed", [pytest.param(None, id="chronological"), pytest.param(7, id="shuffled")])
def test_cross_document_links_meet_precision_and_recall_floors(store: Store, save: Save,
                                                               seed: int | None) -> None:
    order = sorted(LABELS["commitments"], key=lambda n: LABELS["commitments"][n]["date"])
    if seed is not None:
        random.Random(seed).shuffle(order)
    _ingest_all(save, order)
    precision, recall, wrong = _measure(store)
    print(f"tracking links ({len(LABELS['pairs'])} labelled pairs, {'shuffled' if seed else 'in order'}): "
          f"precision {precision:.2f}, recall {recall:.2f}; wrong: {wrong}")
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, wrong


def test_labelled_set_is_big_enough_and_names_known_commitments() -> None:
    names = set(LABELS["commitments"])
    assert len(LABELS["pairs"]) >= 30
    assert all(p["a"] in names and p["b"] in names for p in LABELS["pairs"])


@pytest.mark.parametrize(("a", "b", "linked"), [
    pytest.param(("air defence missiles deal", "£1.6bn"), ("missiles for air defence", "1.6 billion pounds"),
                 True, id="same-words-same-amount"),
    pytest.param(("air defence systems", None), ("air force pilot training", None), False,
                 id="one-shared-word"),
    pytest.param(("backstop", None), ("a backstop for the European force", None), True, id="subset"),
    pytest.param(("four IRIS-T air defence systems", None), ("two Patriot air defence systems", None), False,
                 id="different-names"),
    pytest.param(("drones", None), ("radar systems", None), False, id="nothing-shared"),
])
def test_link_score(a: tuple[str, str | None], b: tuple[str, str | None], linked: bool) -> None:
    rows = ({"terms": terms(x[0]), "names": names(x[0]), "amount": amount_key(x[1])} for x in (a, b))
    score = link_score(*rows)
    assert (score >= LINK_THRESHOLD) is linked


def _mention(action: str, amount: str | None = None) -> dict[str, Any]:
    return {"terms": terms(action), "names": names(action), "amount": amount_key(amount)}


@pytest.mark.parametrize(("a", "b"), [
    pytest.param(("four Gripen fighter jets", None), ("training for Gripen pilots", None),
                 id="weak-but-same-name"),
    pytest.param(("air defence systems", "€2bn"), ("air force pilot training", "€2bn"),
                 id="weak-same-amount"),
    pytest.param(("winter repairs of power substations and transformers", None),
                 ("transformers for power substations needing winter repairs", None), id="four-shared-words"),
    pytest.param(("artillery shells", "€1bn"), ("shells for artillery", "€3bn"),
                 id="two-shared-other-amount"),
    pytest.param(("demining", None), ("demining equipment and training", None), id="one-word-subset"),
    pytest.param(("four IRIS-T air defence systems", None), ("two Patriot air defence systems", None),
                 id="different-names"),
])
def test_a_floor_only_leaves_out_scores_that_cannot_link(a: tuple[str, str | None],
                                                        b: tuple[str, str | None]) -> None:
    first, second = _mention(*a), _mention(*b)
    exact = link_score(first, second)
    floored = scorer(first, floor=LINK_THRESHOLD)(second["terms"], second["names"], second["amount"])
    assert floored == exact if exact >= LINK_THRESHOLD else floored < LINK_THRESHOLD
    found = list(linked(first, [(7, second["terms"], second["names"], second["amount"])]))
    assert found == ([(7, exact)] if exact >= LINK_THRESHOLD else [])


def test_perfect_matches_keep_the_latest_parent_and_are_not_taken_over(store: Store, save: Save) -> None:
    # The same promise four times; the last report is dated between the first two.
    for day in ("2025-01-01", "2025-01-05", "2025-01-10", "2025-01-03"):
        save(url=f"https://{day}.example/readout", published=day, text="France — artillery shells.",
             commitments=[{"country": "France", "action": "artillery shells"}])
    found = store.db.execute(
        "select l.date, p.date, l.score from commitment_links l "
        "left join commitment_links p on p.commitment_id = l.parent_id").fetchall()
    assert sorted(found, key=lambda r: r[0]) == [
        ("2025-01-01", None, None),
        ("2025-01-03", "2025-01-01", 100.0),
        ("2025-01-05", "2025-01-01", 100.0),  # an equal score later does not take it over
        ("2025-01-10", "2025-01-05", 100.0),  # among equals, the latest earlier mention
    ]
