"""Every command of the command line is documented in the README, so the docs never drift."""
from __future__ import annotations

from pathlib import Path

import click
import pytest

from bot.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "pledgebot") -> list[str]:
    """Return "pledgebot ingest", "pledgebot feeds add", ... for every leaf command."""
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, path))
        else:
            paths.append(path)
    return paths


@pytest.mark.parametrize("path", command_paths(main))
def test_command_is_documented_in_readme(path: str) -> None:
    assert path in README, f"{path!r} is not shown in README.md"


def test_readme_starts_with_the_two_setup_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_setting_is_in_env_example() -> None:
    from bot.config import Settings

    example = (Path(__file__).resolve().parent.parent / ".env.example").read_text(encoding="utf-8")
    aliases = [field.alias for field in Settings.model_fields.values()]
    missing = [alias for alias in aliases if f"{alias}=" not in example]
    assert not missing, f"settings missing from .env.example: {missing}"
