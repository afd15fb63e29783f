"""The shape of the code: import contracts, one composition root, data read as package data."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

ALL = ("bot", "storage", "bench")
SOURCES = sorted([*REPO.glob("bot/**/*.py"), *REPO.glob("storage/**/*.py"), *REPO.glob("bench/**/*.py")])


def test_import_contracts_hold() -> None:
    # pyproject.toml states them: no import cycles anywhere in bot or storage, lazy imports
    # included, and the layers from entry points down to storage.
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in done.stdout


@pytest.mark.parametrize(("pattern", "allowed", "roots"), [
    pytest.param(r"Store\.open\(", {"bot/wiring.py"}, ALL, id="stores-open-in-bot-wiring"),
    pytest.param(r"write_hooks\.(?:append|extend)", {"bot/wiring.py"}, ALL, id="hooks-in-bot-wiring"),
    # The shipped code finds no file by its own location: outside the checkout, nothing is there.
    pytest.param(r"__file__", set(), ("bot", "storage"), id="data-through-bot-resources"),
])
def test_one_place_does_it(pattern: str, allowed: set[str], roots: tuple[str, ...]) -> None:
    found = {str(p.relative_to(REPO)) for p in SOURCES
             if p.relative_to(REPO).parts[0] in roots and re.search(pattern, p.read_text("utf-8"))}
    assert found <= allowed, f"{sorted(found - allowed)}: {pattern} only in {sorted(allowed) or 'no module'}"


def test_every_package_directory_ships() -> None:
    # pyproject.toml lists the packages (data/ is mapped to pledgebot_data, which discovery cannot do).
    import tomllib

    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in
               [*REPO.glob("bot/**/__init__.py"), *REPO.glob("storage/**/__init__.py")]}
    assert on_disk | {"pledgebot_data"} == listed
