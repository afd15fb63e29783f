"""Serve the store in Datasette with the metadata shipped in data/datasette/metadata.json."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.resources import data_path

METADATA = data_path("datasette", "metadata.json")


def metadata_for(db: Path, *, source: Traversable = METADATA) -> dict[str, Any]:
    """Return the shipped metadata with its database section renamed to ``db``'s Datasette name."""
    metadata: dict[str, Any] = json.loads(source.read_text("utf-8"))
    databases = metadata.get("databases", {})
    # Datasette names a database after its file stem; the shipped file describes "pledgebot".
    if db.stem not in databases and len(databases) == 1:
        metadata["databases"] = {db.stem: next(iter(databases.values()))}
    return metadata


def datasette_command(*, db: Path, metadata: Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """Return the command line that serves ``db`` read-only-by-default with ``metadata``."""
    return [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata),
            "--host", host, "--port", str(port)]


def prepare(store: Database, db: Path) -> Path:
    """Refresh tracking in the open ``store`` (the file ``db``), then write its metadata file;
    return the metadata path."""
    from bot.tracking.refresh import ensure_fresh

    ensure_fresh(store)
    out = Path(tempfile.gettempdir()) / f"pledgebot-datasette-{db.stem}.json"
    out.write_text(json.dumps(metadata_for(db), ensure_ascii=False), "utf-8")
    return out


def serve(*, db: Path, metadata: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette on the store until it is stopped; return its exit code."""
    return subprocess.call(datasette_command(db=db, metadata=metadata, host=host, port=port))
