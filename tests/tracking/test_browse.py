"""Datasette serves the store with the shipped metadata: titles, tables, canned queries."""
from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.tracking.browse import METADATA, datasette_command, metadata_for, prepare
from storage.records import Meeting
from storage.store import Store
from tests.tracking.conftest import Save


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(store: Store, save: Save, tmp_path: Path) -> Iterator[str]:
    """Serve a small store in Datasette on 127.0.0.1 and yield its base URL."""
    for url, publisher in (("https://one.example/a", "One"), ("https://two.example/b", "Two")):
        save(url=url, published="2025-07-10", publisher=publisher, text="France pledged €2bn in aid.",
             meeting=Meeting(date="2025-07-10", place="Rome", name="Recovery conference"),
             commitments=[{"country": "France", "action": "military aid", "amount": "€2bn"}])
    db = Path(store.db.execute("pragma database_list").fetchone()[2])
    metadata = prepare(store.db, db)
    store.close()
    port = _free_port()
    process = subprocess.Popen(datasette_command(db=db, metadata=metadata, port=port),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # wait for the server to accept connections (not a timing assertion)
            try:
                httpx.get(base + "/-/versions.json", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode() if process.stderr else "datasette exited")
                time.sleep(0.05)
        yield f"{base}/{db.stem}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


def test_datasette_shows_titles_tables_and_canned_queries(served: str) -> None:
    home = httpx.get(served.rsplit("/", 1)[0] + "/").text
    assert "pledgebot: diplomatic meetings on Ukraine" in home
    clusters = httpx.get(served + "/meeting_clusters.json?_shape=array").json()
    assert [(c["place"], c["sources"], c["publishers"]) for c in clusters] == [("Rome", 2, "One; Two")]
    page = httpx.get(served + "/commitments").text
    assert "Commitments" in page and "Strength of the commitment" in page
    rows = httpx.get(served + "/commitments_by_country.json?country=France&_shape=array").json()
    assert [(r["country"], r["action"], r["stage"]) for r in rows] == [
        ("France", "military aid", "pledged")] * 2
    meetings = httpx.get(served + "/meetings_with_sources.json?_shape=array").json()
    assert sorted(r["publisher"] for r in meetings) == ["One", "Two"]


def test_metadata_is_renamed_for_any_database_file(tmp_path: Path) -> None:
    renamed = metadata_for(tmp_path / "other.db")
    shipped = json.loads(METADATA.read_text("utf-8"))
    assert renamed["databases"] == {"other": shipped["databases"]["pledgebot"]}
