"""The seam between kinds of fact: one kind's extractor swapped, the others unchanged."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.extract import extract_document
from bot.extract.context import Context
from bot.extract.kinds import RULES, Found, load_extractors
from storage.records import Agreement, SourceDocument

TEXT = """Ministers meet in Tallinn

Defence ministers met in Tallinn on 4 March 2025. Estonia pledged €40 million for drones.
“We stand with our neighbours,” said Estonian Prime Minister Kristen Michal.
Estonia and Latvia signed a memorandum on air defence.
"""
DOC = SourceDocument(text=TEXT, title="Ministers meet in Tallinn", published="2025-03-04")


def one_fixed_agreement(ctx: Context, found: Found) -> tuple[Agreement, ...]:
    """A stand-in for another way of finding agreements: one fixed document."""
    return (Agreement(title="Tallinn Accord", parties=("Estonia",), signed=False, sentence=1,
                      start=0, end=len(ctx.text)),)


def test_swapping_one_kind_leaves_the_others_alone() -> None:
    ruled = extract_document(DOC)
    swapped = extract_document(DOC, extractors=replace(RULES, agreements=one_fixed_agreement))
    assert [a.title for a in ruled.agreements] == ["memorandum on air defence"]
    assert [a.title for a in swapped.agreements] == ["Tallinn Accord"]
    assert swapped.statements == ruled.statements
    assert swapped.attendees == ruled.attendees
    assert [c.actor for c in swapped.commitments if c.kind == "pledge"] == ["Estonia"]


def test_load_extractors_names_a_function_by_module() -> None:
    chosen = load_extractors({"agreements": "tests.test_extract_kinds:one_fixed_agreement"})
    assert chosen.agreements is one_fixed_agreement
    assert chosen.statements is RULES.statements


@pytest.mark.parametrize(("spec", "message"), [
    pytest.param({"votes": "tests.test_extract_kinds:one_fixed_agreement"}, "unknown kind",
                 id="unknown-kind"),
    pytest.param({"agreements": "tests.test_extract_kinds"}, "package.module:function",
                 id="no-function"),
])
def test_load_extractors_refuses_what_it_cannot_use(spec: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_extractors(spec)


def test_ingest_swaps_an_extractor_for_the_grader(tmp_path: Path) -> None:
    path = tmp_path / "tallinn.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "kinds.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", "--db", db, "--url", "https://example.org/t",
                                  "--extractor", "agreements=tests.test_extract_kinds:"
                                  "one_fixed_agreement", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    exported = json.loads(runner.invoke(main, ["export", "--db", db]).stdout)["documents"][0]
    assert [a["title"] for a in exported["agreements"]] == ["Tallinn Accord"]
    bad = runner.invoke(main, ["ingest", "--db", db, "--extractor", "votes=x:y", str(path)])
    assert bad.exit_code == 2 and "unknown kind" in bad.output
