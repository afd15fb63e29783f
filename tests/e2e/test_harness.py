"""The harness fails fast and clearly when the emulator cannot run, instead of hanging."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import harness

pytestmark = pytest.mark.e2e


def test_missing_node_modules_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(harness, "EMULATOR_PACKAGE", tmp_path / "node_modules" / "telegram-test-api")
    with pytest.raises(harness.EmulatorUnavailable, match="is missing: run `npm ci`"):
        harness.start_emulator()


def test_a_launcher_that_dies_reports_its_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "launcher.js"
    broken.write_text("process.stderr.write('cannot listen: EADDRINUSE\\n'); process.exit(1);\n")
    monkeypatch.setattr(harness, "LAUNCHER", broken)
    with pytest.raises(harness.EmulatorUnavailable, match="EADDRINUSE"):
        harness.start_emulator(timeout=10)
