"""Synthetic meeting readouts written for these tests: many distinct documents, cheap to make."""
from __future__ import annotations

import json
from pathlib import Path

CITIES = ("Oslo", "Vilnius", "Tallinn", "Riga", "Prague", "Sofia", "Lisbon", "Dublin", "Bern", "Vienna")
COUNTRIES = ("Norway", "Lithuania", "Estonia", "Latvia", "Czechia", "Bulgaria", "Portugal", "Ireland",
             "Switzerland", "Austria")
LEADERS = ("Anna Berg", "Jonas Kalnins", "Maria Tamm", "Petr Novak", "Ivan Petrov", "Luis Costa",
           "Sean Walsh", "Lea Meier", "Karl Gruber", "Eva Lind")


def readout(n: int, *, repeats: int = 12) -> str:
    """Return the ``n``-th readout: a title, a meeting, attendees, statements and pledges."""
    city, country, leader = CITIES[n % 10], COUNTRIES[(n * 3) % 10], LEADERS[(n * 7) % 10]
    other = COUNTRIES[(n * 3 + 1) % 10]
    lines = [
        f"Ministers meet in {city} (readout {n})", "",
        f"Defence ministers met in {city} on {1 + n % 28} May 2025 to discuss support for Ukraine.",
        f"The meeting was attended by Prime Minister of {country} {leader} and the foreign "
        f"minister of {other}.",
    ]
    for k in range(repeats):
        lines.append(f"{leader} said that {country} will deliver {k + n} more air defence systems "
                     f"to Ukraine by the end of 2025.")
        lines.append(f"\"We stand with Ukraine for as long as it takes,\" the minister of {other} "
                     f"said on day {k}.")
        lines.append(f"{other} pledged EUR {100 + k * n} million for demining and reconstruction.")
    return "\n".join(lines) + "\n"


def write_readouts(folder: Path, count: int, *, repeats: int = 12, first: int = 0) -> Path:
    """Write readouts ``first`` .. ``first + count - 1`` (``repeats`` pledges each) and their manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in range(first, first + count):
        path = folder / f"readout-{n:03d}.txt"
        path.write_text(readout(n, repeats=repeats), encoding="utf-8")
        rows.append({"path": str(path), "url": f"https://example.org/readouts/{n}",
                     "published": f"2025-05-{1 + n % 28:02d}", "publisher": "Example Ministry"})
    manifest = folder / "manifest.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return manifest


def seed_readouts(db: Path, folder: Path, count: int, *, repeats: int = 12) -> Path:
    """Ingest ``count`` readouts into the store at ``db`` as ``pledgebot ingest --no-alerts`` would
    (an archive the bot finds, with nothing left to announce); return their manifest."""
    from bot.ingest.pipeline import ingest_document, load_input, read_manifest
    from bot.wiring import open_store

    manifest = write_readouts(folder, count, repeats=repeats)
    store = open_store(db, alerts="none")
    try:
        for item in read_manifest(manifest):
            assert not isinstance(item, Exception), item
            ingest_document(store, load_input(item))
    finally:
        store.close()
    return manifest
