"""The wheel installs into a fresh virtual environment outside the checkout and runs there."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

READOUT = """# Leaders meet in Tromsø

Leaders of Norway and Iceland met in Tromsø on 4 March 2026. Norway pledged 40 million euros for
mine clearance, Prime Minister Jonas Gahr Støre said after the talks.
"""


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{args}: {done.stdout[-2000:]} {done.stderr[-3000:]}"
    return done.stdout


def _wheel(tmp: Path, env: dict[str, str]) -> Path:
    """Build the wheel from a copy of the sources, so that the build writes nothing in the checkout."""
    source = tmp / "source"
    for name in ("bot", "storage", "data"):
        shutil.copytree(REPO / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.db", "*.db-*"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "-w", tmp / "dist", source, cwd=tmp, env=env)
    [wheel] = (tmp / "dist").glob("pledgebot-*.whl")
    return wheel


def _venv(tmp: Path, wheel: Path, env: dict[str, str]) -> Path:
    """Make a fresh venv holding only the wheel; its dependencies come from this one's site-packages."""
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp, env=env)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel,
         cwd=tmp, env=env)
    # Offline: the installed dependencies are reused as they are (a .pth line adds a path, and
    # runs none of the .pth files there, so this checkout's editable install stays out).
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=tmp, env=env).strip())
    (site / "reused-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    return venv


def test_the_wheel_ingests_and_answers_from_a_fresh_venv(tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    venv = _venv(tmp_path, _wheel(tmp_path, env), env)
    where = _run(venv / "bin" / "python", "-c", "import bot, pledgebot_data; "
                 "print(bot.__file__); print(pledgebot_data.__file__)", cwd=work, env=env)
    assert all(line.startswith(str(venv)) for line in where.split())  # not the checkout's
    (work / "tromso.md").write_text(READOUT, "utf-8")
    pledgebot = venv / "bin" / "pledgebot"
    ingested = _run(pledgebot, "ingest", "tromso.md", cwd=work, env=env)
    assert ingested.startswith("new: tromso.md") and "1 commitments" in ingested
    answer = _run(pledgebot, "ask", "what did Norway pledge?", cwd=work, env=env)
    assert "mine clearance" in answer and "Tromsø" in answer
    # Extraction and questions read the gazetteer and word lists: they came with the wheel.
    who = _run(pledgebot, "ask", "who attended the meeting in Tromsø?", cwd=work, env=env)
    assert "Jonas Gahr Støre" in who
    # The store went to the user's data directory, not into the package or the working directory.
    assert (home / ".local" / "share" / "pledgebot" / "pledgebot.db").is_file()
    assert not list(venv.rglob("*.db")) and not list(work.glob("*.db"))
